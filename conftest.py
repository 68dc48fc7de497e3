"""Collection of the package's doctests (``--doctest-modules``): the compiled kernels need
the optional numba, so their modules are only imported when numba is installed."""

import importlib.util

KERNELS = ["biomech/_kernels/[!_]*.py", "biomech/_kernels/_[!_]*.py"]
collect_ignore_glob = [] if importlib.util.find_spec("numba") else KERNELS
