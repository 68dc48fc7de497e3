"""Argument checks for the public boundary (the core does none)."""

from __future__ import annotations

import math
import os
import sys
import warnings
from collections.abc import Iterable
from typing import Any

import numpy as np


class BiomechWarning(UserWarning):
    """An input or result that is valid but odd: read the message before trusting the numbers."""


_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


def warn(message: str) -> None:
    """Issue a :class:`BiomechWarning` attributed to the first caller outside this package."""
    frame = sys._getframe(1)
    level = 2
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(
        _PACKAGE_DIR + os.sep
    ):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    warnings.warn(message, BiomechWarning, stacklevel=level)


def as_float_array(name: str, value: Any) -> np.ndarray:
    """Return ``value`` as a float array, or raise naming ``name``.

    Booleans, strings and objects are refused rather than coerced.
    """
    if isinstance(value, bool | np.bool_ | str | bytes):
        msg = f"`{name}` must be a real number or an array of real numbers; got {value!r}."
        raise TypeError(msg)
    try:
        arr = np.asarray(value)
    except Exception as exc:  # pragma: no cover - numpy raises many kinds here
        msg = f"`{name}` must be a real number or an array of real numbers; got {value!r}."
        raise TypeError(msg) from exc
    if arr.dtype.kind not in "iuf":
        msg = f"`{name}` must be a real number or an array of real numbers; got {value!r}."
        raise TypeError(msg)
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
) -> float | np.ndarray:
    """Check that every element of ``value`` is finite and within ``[low, high]``.

    Returns a float (0-d input) or a float array. The error names the argument, the offending
    value and the allowed range.
    """
    if type(value) in _PLAIN_REALS:  # the common case, without arrays (same result)
        v = float(value)
        if (
            math.isfinite(v)
            and (low is None or (v >= low if low_inclusive else v > low))
            and (high is None or (v <= high if high_inclusive else v < high))
        ):
            return v
    arr = as_float_array(name, value)
    bad = ~np.isfinite(arr)
    if low is not None:
        bad |= (arr < low) if low_inclusive else (arr <= low)
    if high is not None:
        bad |= (arr > high) if high_inclusive else (arr >= high)
    if np.any(bad):
        offending = arr[bad].flat[0] if arr.ndim else float(arr)
        if expected is None:
            lo = "" if low is None else (f">= {low:g}" if low_inclusive else f"> {low:g}")
            hi = "" if high is None else (f"<= {high:g}" if high_inclusive else f"< {high:g}")
            expected = (
                "finite and " + " and ".join(s for s in (lo, hi) if s) if lo or hi else "finite"
            )
        where = "" if arr.ndim == 0 else f" (an element of an array of shape {arr.shape})"
        msg = f"`{name}` must be {expected}; got {offending!r}{where}."
        raise ValueError(msg)
    return scalar_or_array(arr)


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
