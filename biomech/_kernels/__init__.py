"""Compiled kernels (numba) of the summary sweeps: the optional fast engine.

The kernel fuses, for a chunk of set-ups, what the numpy core does in several passes over
``(set-ups, phase)`` arrays: the posture, the statics, the hip-moment decomposition and the
per-rep reductions of :data:`biomech.sweep.SUMMARY_VARIABLES`, one posture at a time and with
no per-posture allocation (``_summary``; the postures in ``hip_thrust`` and ``standing``).
It is cranky (no validation): the exercise's own ``_setup`` (and the hip thrust's ``_check``)
run first, in numpy, once per set-up; the standing lifts' path checks run on extremes the
kernel returns, with the numpy engine's messages.

numba is an optional dependency (the ``fast`` extra). :func:`summarize` imports the kernels
on first use, so that ``import biomech`` stays light; the first call of a kernel in a fresh
environment compiles it (several seconds), later processes load it from numba's cache.
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["ENGINES", "EXERCISES", "available", "prepare", "run", "summarize"]

#: Values of ``sweep(engine=...)``.
ENGINES = ("auto", "numba", "numpy")

#: Exercise names (``Exercise.name``) that have a fused summary kernel.
EXERCISES = ("hip_thrust", "squat", "deadlift")


def available() -> bool:
    """Whether numba can be imported."""
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


def prepare(ex, body, g: float):
    """Per-set-up tables of a sweep, validated (see ``_summary.prepare``)."""
    return _module().prepare(ex, body, g)


def run(prepared, rows: slice, phase):
    """Summary block of the rows ``rows`` of a :func:`prepare` result (see ``_summary.run``)."""
    return _module().run(prepared, rows, phase)
