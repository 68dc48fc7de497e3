"""Collection of the package's doctests (``--doctest-modules``): the compiled loading of the
model needs the optional numba, so its module is only imported when numba is installed."""

import importlib.util

COMPILED = ["biomech/model/compiled.py"]
collect_ignore_glob = [] if importlib.util.find_spec("numba") else COMPILED
