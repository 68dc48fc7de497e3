"""Compiled kernels (numba) of the summary sweeps: the optional fast engine.

The kernel fuses, for a chunk of set-ups, what the numpy core does in several passes over
``(set-ups, phase)`` arrays: the posture, the statics, the hip-moment decomposition and the
per-rep reductions of :data:`biomech.sweep.SUMMARY_VARIABLES`, one posture at a time and with
no per-posture allocation (``_summary``; the postures in ``hip_thrust`` and ``standing``).
Validation stays the numpy engine's, with its messages. The hip-thrust kernel builds each
set-up's row itself (``hip_thrust.fill_row``, the arithmetic of ``HipThrust._setup``) and
skips a set-up that fails, or comes within ``hip_thrust.CHECK_MARGIN`` of failing, a test of
``HipThrust._check``; the sweep then runs that check in numpy (:func:`settle`), which raises
its error, or, for a near miss that passes it, runs the batch again with nothing skipped.
The standing lifts' ``_setup`` runs in numpy before the kernel, and their path checks run on
extremes the kernel returns.

numba is an optional dependency (the ``fast`` extra). :func:`summarize` imports the kernels
on first use, so that ``import biomech`` stays light; the first call of a kernel in a fresh
environment compiles it (several seconds), later processes load it from numba's cache.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

__all__ = ["ENGINES", "EXERCISES", "available", "prepare", "run", "settle", "summarize", "width"]

#: Values of ``sweep(engine=...)``.
ENGINES = ("auto", "numba", "numpy")

#: Exercise names (``Exercise.name``) that have a fused summary kernel.
EXERCISES = ("hip_thrust", "squat", "deadlift")


def available() -> bool:
    """Whether numba can be imported."""
    if sys.modules.get("numba") is not None:  # imported already (None: import refused)
        return True
    try:
        importlib.import_module("numba")
    except ImportError:
        return False
    return True


def _module() -> ModuleType:
    """The kernels' module (imports numba on first use)."""
    return importlib.import_module(f"{__name__}._summary")


def summarize(ex, body, phase, g: float):
    """Summary block of a chunk on the compiled kernel (see ``_summary.summarize``)."""
    return _module().summarize(ex, body, phase, g)


def width(n_forces: int) -> int:
    """Columns of a kernel's output for an exercise with ``n_forces`` external forces: the
    summary block (see ``biomech.sweep._stack``), then two of path extremes."""
    return 15 + 3 * n_forces


def prepare(ex, body, g: float):
    """What a kernel needs of a batch of set-ups (see ``_summary.prepare``)."""
    return _module().prepare(ex, body, g)


def run(prepared, rows: slice, phase, out) -> int:
    """The kernel on the rows ``rows`` of a :func:`prepare` result, into ``out``; the number
    of set-ups it skipped (see ``_summary.run``)."""
    return _module().run(prepared, rows, phase, out)


def settle(prepared, skipped: int, out):
    """Raise for set-ups of a batch the body cannot perform, or say how to rerun near misses
    (see ``_summary.settle``)."""
    return _module().settle(prepared, skipped, out)
