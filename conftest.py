"""Collection of the package's doctests (``--doctest-modules``): the compiled kernels need
the optional numba, so their module is only imported when numba is installed."""

import importlib.util

collect_ignore_glob = (
    [] if importlib.util.find_spec("numba") else ["biomech/_kernels/hip_thrust.py"]
)
