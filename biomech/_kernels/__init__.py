"""Compiled kernels (numba) of the summary sweeps: the optional fast engine.

Each kernel fuses, for a chunk of set-ups, what the numpy core does in several passes over
``(set-ups, phase)`` arrays: the posture, the statics, the hip-moment decomposition and the
per-rep reductions of :data:`biomech.sweep.SUMMARY_VARIABLES`, one posture at a time and with
no per-posture allocation. They are cranky (no validation): the exercise's own ``_setup`` and
``_check`` run first, in numpy, once per set-up.

numba is an optional dependency (the ``fast`` extra). :func:`load` imports the kernels on
first use, so that ``import biomech`` stays light; the first call of a kernel in a fresh
environment compiles it (a few seconds), later processes load it from numba's cache.
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["ENGINES", "EXERCISES", "available", "load"]

#: Values of ``sweep(engine=...)``.
ENGINES = ("auto", "numba", "numpy")

#: Exercise names (``Exercise.name``) that have a fused summary kernel.
EXERCISES = ("hip_thrust",)


def available() -> bool:
    """Whether numba can be imported."""
    try:
        importlib.import_module("numba")
    except ImportError:
        return False
    return True


def load(exercise_name: str) -> ModuleType:
    """The kernel module of an exercise (imports numba; raises ImportError without it)."""
    return importlib.import_module(f"{__name__}.{exercise_name}")
