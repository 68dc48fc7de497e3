"""Argument checks for the public boundary (the core does none), the library's warning and
error types, and how warnings reach the caller."""

from __future__ import annotations

import contextlib
import math
import sys
import threading
import warnings
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np


class BiomechWarning(UserWarning):
    """An input or result that is valid but odd: read the message before trusting the numbers."""


class InfeasibleSetupError(ValueError):
    """A set-up the body cannot perform, or whose contacts cannot give the forces it needs.

    A :class:`ValueError` (so ``except ValueError`` still catches it) raised after the
    arguments have passed their own checks: each value is allowed, their combination is not.
    The message names the parameters to change, which way, and roughly how far.

    Examples
    --------
    >>> import biomech
    >>> try:
    ...     biomech.simulate(biomech.HipThrust(bench_height_m=1.45))
    ... except biomech.InfeasibleSetupError as error:
    ...     print(str(error)[:39])
    `bench_height_m` = 1.45 is too high for
    """


#: Per thread: how many :func:`quiet` blocks are open (warnings are dropped while any is).
_local = threading.local()


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Drop the :class:`BiomechWarning` s that :func:`warn` would give, on this thread only.

    Unlike :class:`warnings.catch_warnings`, which swaps the process-wide filter list and is
    not thread-safe, this touches no global state: a sweep's worker threads use it while the
    caller's thread, and any other, keep their warnings.
    """
    _local.depth = getattr(_local, "depth", 0) + 1
    try:
        yield
    finally:
        _local.depth -= 1


def _is_ours(frame: Any) -> bool:
    """Whether ``frame`` runs code of this package (the generated ``__init__`` of its
    dataclasses included: it runs in the module's globals)."""
    name = frame.f_globals.get("__name__", "")
    return name == "biomech" or name.startswith("biomech.")


def warn(message: str) -> None:
    """Issue a :class:`BiomechWarning` attributed to the first caller outside this package
    (nothing inside a :func:`quiet` block of this thread)."""
    if getattr(_local, "depth", 0):
        return
    frame = sys._getframe(1)
    level = 2
    while frame is not None and _is_ours(frame):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    warnings.warn(message, BiomechWarning, stacklevel=level)


def _real_type_error(name: str, value: Any, expected: str | None) -> TypeError:
    what = expected or "a real number or an array of real numbers"
    return TypeError(f"`{name}` must be {what}; got {value!r} ({type(value).__name__}).")


def as_float_array(name: str, value: Any, expected: str | None = None) -> np.ndarray:
    """Return ``value`` as a float array, or raise naming ``name``.

    Booleans, strings, sets, mappings, generators and other objects are refused rather than
    coerced.
    """
    if isinstance(value, bool | np.bool_ | str | bytes):
        raise _real_type_error(name, value, expected)
    try:
        arr = np.asarray(value)
    except Exception as exc:  # numpy raises many kinds here (ragged lists, ...)
        raise _real_type_error(name, value, expected) from exc
    if arr.dtype.kind not in "iuf":
        raise _real_type_error(name, value, expected)
    return arr.astype(float)


def scalar_or_array(arr: np.ndarray) -> float | np.ndarray:
    """A 0-d array becomes a Python float (for readable reprs and attrs)."""
    return float(arr) if arr.ndim == 0 else arr


#: Scalar types :func:`check_real` checks without making an array (bool is not among them).
_PLAIN_REALS = frozenset({float, int, np.float64})


def check_real(
    name: str,
    value: Any,
    *,
    low: float | None = None,
    high: float | None = None,
    low_inclusive: bool = True,
    high_inclusive: bool = True,
    expected: str | None = None,
    scalar: bool = False,
) -> float | np.ndarray:
    """Check that every element of ``value`` is finite and within ``[low, high]``.

    Returns a float (0-d input) or a float array. The error names the argument, the offending
    value and the allowed range. With ``scalar``, an array of more than one element is refused
    (``TypeError``) and the result is always a float.
    """
    if type(value) in _PLAIN_REALS:  # the common case, without arrays (same result)
        v = float(value)
        if (
            math.isfinite(v)
            and (low is None or (v >= low if low_inclusive else v > low))
            and (high is None or (v <= high if high_inclusive else v < high))
        ):
            return v
    if expected is None:
        lo = "" if low is None else (f">= {low:g}" if low_inclusive else f"> {low:g}")
        hi = "" if high is None else (f"<= {high:g}" if high_inclusive else f"< {high:g}")
        expected = "finite and " + " and ".join(s for s in (lo, hi) if s) if lo or hi else "finite"
    arr = as_float_array(name, value, None if not scalar else f"a single number, {expected}")
    if scalar and arr.ndim:
        msg = f"`{name}` must be a single number, {expected}; got an array of shape {arr.shape}."
        raise TypeError(msg)
    bad = ~np.isfinite(arr)
    if low is not None:
        bad |= (arr < low) if low_inclusive else (arr <= low)
    if high is not None:
        bad |= (arr > high) if high_inclusive else (arr >= high)
    if np.any(bad):
        offending = float(arr[bad].flat[0]) if arr.ndim else float(arr)
        where = "" if arr.ndim == 0 else f" (an element of an array of shape {arr.shape})"
        msg = f"`{name}` must be {expected}; got {offending!r}{where}."
        raise ValueError(msg)
    return scalar_or_array(arr)


def check_int(name: str, value: Any, *, low: int, expected: str) -> int:
    """Check that ``value`` is an integer (not a bool, a float or a string) >= ``low``."""
    if isinstance(value, bool | np.bool_) or not isinstance(value, int | np.integer):
        msg = f"`{name}` must be {expected}; got {value!r} ({type(value).__name__})."
        raise TypeError(msg)
    if value < low:
        msg = f"`{name}` must be {expected}; got {value!r}."
        raise ValueError(msg)
    return int(value)


def check_bool(name: str, value: Any) -> bool:
    """Check that ``value`` is ``True`` or ``False`` (a string such as ``"no"`` is refused:
    it would be truthy)."""
    if not isinstance(value, bool | np.bool_):
        msg = f"`{name}` must be True or False; got {value!r} ({type(value).__name__})."
        raise TypeError(msg)
    return bool(value)


def check_choice(name: str, value: Any, choices: Iterable[str]) -> str:
    """Check that ``value`` is one of ``choices`` (strings)."""
    choices = tuple(choices)
    if not isinstance(value, str):
        msg = f"`{name}` must be one of {', '.join(map(repr, choices))}; got {value!r}."
        raise TypeError(msg)
    if value not in choices:
        msg = f"`{name}` must be one of {', '.join(map(repr, choices))}; got {value!r}."
        raise ValueError(msg)
    return value


def read_only(value: Any) -> Any:
    """``value`` itself, made read-only if it is an array (values are immutable)."""
    if isinstance(value, np.ndarray) and value.flags.writeable:
        value.flags.writeable = False
    return value


def array_key(value: Any) -> Any:
    """A hashable stand-in for a field value: arrays by dtype, shape and bytes."""
    if isinstance(value, np.ndarray):
        return ("ndarray", value.dtype.str, value.shape, value.tobytes())
    return value
