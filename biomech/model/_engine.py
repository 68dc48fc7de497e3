"""How the model's functions run: on numpy arrays, or compiled by numba one posture at a time.

This module is loaded twice: as ``biomech.model._engine`` (numpy) and as
``biomech.model.compiled._engine`` (numba). Each loading defines the decorators and the few
primitives that differ between the two: a per-element choice, and reductions over the last
axis of a curve (numpy: ``(..., n)`` arrays, reduced on the last axis; numba: one set-up's
``(n,)`` curve, as plain loops, which compile fast and allocate nothing). Everything else in
the model is written once, on top of them.
"""

from typing import Any

import numpy as np

# the two loadings define these differently (numba dispatchers, plain functions)
kernel: Any
inline: Any
select: Any
argmax_last: Any
at_last: Any
final: Any
max_last: Any
max_abs_last: Any
any_outside: Any
trapezoid_last: Any

#: Whether this loading is the compiled one (a module of ``<model>.compiled``).
COMPILED = __name__.rsplit(".", 2)[-2] == "compiled"

if COMPILED:  # pragma: no cover - compiled code is not traced by coverage
    import numba

    #: A model function: compiled once and cached on disk, releasing the GIL (the sweeps
    #: run chunks on threads), IEEE arithmetic (no fastmath: it must equal numpy's).
    kernel = numba.njit(cache=True, nogil=True, fastmath=False)
    #: A small per-posture helper, also inlined into its callers at numba's level.
    inline = numba.njit(cache=True, nogil=True, fastmath=False, inline="always")

    @inline
    def select(cond, a, b):
        """``a`` where ``cond``, else ``b``."""
        return a if cond else b

    @inline
    def argmax_last(y):
        """Index of the first largest value of a curve."""
        best = 0
        for j in range(1, y.size):
            if y[j] > y[best]:
                best = j
        return best

    @inline
    def at_last(y, i):
        """The value of a curve at index ``i``."""
        return y[i]

    @inline
    def final(y):
        """The last value of a curve."""
        return y[y.size - 1]

    @inline
    def max_last(y):
        """The largest value of a curve."""
        best = y[0]
        for j in range(1, y.size):
            best = max(best, y[j])
        return best

    @inline
    def max_abs_last(y):
        """The largest size of the values of a curve."""
        best = abs(y[0])
        for j in range(1, y.size):
            best = max(best, abs(y[j]))
        return best

    @inline
    def any_outside(y, low, high):
        """Whether a value of a curve lies below ``low`` or above ``high``."""
        for j in range(y.size):  # noqa: SIM110 (a plain loop compiles fastest)
            if y[j] < low or y[j] > high:
                return True
        return False

    @inline
    def trapezoid_last(y, x):
        """Trapezoidal integral of a curve over ``x``."""
        total = 0.0
        for j in range(1, x.size):
            total += 0.5 * (x[j] - x[j - 1]) * (y[j] + y[j - 1])
        return total

else:

    def kernel(f):
        """A model function: on numpy arrays it runs as written."""
        return f

    inline = kernel
    select = np.where

    def argmax_last(y):
        """Index of the first largest value of each curve (last axis)."""
        return np.argmax(y, axis=-1)

    def at_last(y, i):
        """The value of each curve (last axis) at its index ``i``."""
        return np.take_along_axis(y, np.asarray(i)[..., None], axis=-1)[..., 0]

    def final(y):
        """The last value of each curve."""
        return y[..., -1]

    def max_last(y):
        """The largest value of each curve."""
        return np.max(y, axis=-1)

    def max_abs_last(y):
        """The largest size of the values of each curve."""
        return np.max(np.abs(y), axis=-1)

    def any_outside(y, low, high):
        """Whether a value of each curve lies below ``low`` or above ``high``."""
        return np.any((y < low) | (y > high), axis=-1)

    def trapezoid_last(y, x):
        """Trapezoidal integral of each curve over ``x`` (last axis)."""
        return np.trapezoid(y, x, axis=-1)
