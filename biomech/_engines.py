"""The two engines of the summary sweeps, on the one model (:mod:`biomech.model`).

Both evaluate the same functions: numpy on whole ``(set-ups, phase)`` arrays
(:func:`evaluate`), numba compiled from the same source (``biomech.model.compiled``) one
posture at a time (:func:`prepare`, :func:`run`, :func:`finish`). Both produce a block of
rows, one per set-up, in the order of :class:`biomech.model.reduce.RepSummary`; the set-ups
are validated by the exercise (its ``_prepare``) before either runs, and the rep's extremes
checked after (its ``_check_extremes``), so both refuse the same set-ups with the same words.

numba is an optional dependency (the ``fast`` extra): it is imported on first use of the
compiled engine, so that ``import biomech`` stays light; the first call in a fresh
environment compiles the model (several seconds), later processes load it from numba's cache.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import numpy as np

from .anthropometry import Body, body_row
from .exercises._base import Exercise
from .model.evaluate import DEADLIFT, SQUAT
from .model.reduce import RepSummary, summary
from .model.rows import BodyRow

__all__ = [
    "ENGINES",
    "EXERCISES",
    "WIDTH",
    "available",
    "compiled",
    "evaluate",
    "finish",
    "prepare",
    "run",
]

#: Values of ``sweep(engine=...)``.
ENGINES = ("auto", "numba", "numpy")

#: Exercise names (``Exercise.name``) the compiled engine drives.
EXERCISES = ("hip_thrust", "squat", "deadlift")

#: Columns of a summary block (:class:`~biomech.model.reduce.RepSummary`).
WIDTH = len(RepSummary._fields)
#: The columns of the standing lifts' path extremes.
MAX_REACH, MAX_FLEXION = WIDTH - 2, WIDTH - 1


def available() -> bool:
    """Whether numba can be imported."""
    if sys.modules.get("numba") is not None:  # imported already (None: import refused)
        return True
    try:
        importlib.import_module("numba")
    except ImportError:
        return False
    return True


def _drive() -> ModuleType:
    """The compiled loops (imports numba and loads the compiled model on first use)."""
    return importlib.import_module("biomech.model.compiled.drive")


def _table(row: Any, size: int | None = None) -> np.ndarray:
    """A NamedTuple of numbers or arrays as a C-contiguous (rows, fields) table: one row per
    set-up (``size``) or, if every field is a single value, one row."""
    values = [np.asarray(v, dtype=float) for v in row]
    rows = size if size is not None else max(v.size for v in values)
    table = np.empty((rows, len(values)))  # filled column by column: a fifth of np.stack's time
    for j, v in enumerate(values):
        table[:, j] = v.reshape(-1) if v.size > 1 else v.reshape(())
    return table


def evaluate(ex: Exercise, body: Body, phase: np.ndarray, g: float, setups: int) -> np.ndarray:
    """The summary block ``(setups, WIDTH)`` of set-ups ``ex`` (fields single values or arrays
    of shape (set-ups, 1)) for ``body`` (one, or one per set-up), on numpy."""
    b = body_row(body)
    prepared = ex._prepare(b)
    rs = summary(phase, ex._values(b, prepared, phase, g), b.heel_x, b.toe_x)
    block = np.stack([np.broadcast_to(v, (setups,)) for v in rs], axis=1)
    check_rep(ex, prepared, block)
    return block


@dataclass(frozen=True)
class Prepared:
    """What the compiled engine needs of a batch of set-ups (:func:`prepare`)."""

    exercise: Exercise
    #: the model's set-up of the batch, as the exercise checks it after the rep
    prepared: Any
    bodies: np.ndarray
    setups: np.ndarray
    g: float

    @property
    def size(self) -> int:
        return self.setups.shape[0]


def prepare(ex: Exercise, body: Body, g: float) -> Prepared:
    """Validate a batch of set-ups (the exercise's ``_prepare``, in numpy: it raises its
    :class:`~biomech.InfeasibleSetupError`) and table what the compiled loops read."""
    b: BodyRow = body_row(body, extra_dims=1)
    prepared = ex._prepare(b)
    bodies, setups = _table(b), _table(prepared)
    if bodies.shape[0] not in (1, setups.shape[0]):  # pragma: no cover - the sweep's shapes
        msg = f"{bodies.shape[0]} bodies for {setups.shape[0]} set-ups"
        raise AssertionError(msg)
    return Prepared(ex, prepared, bodies, setups, g)


def run(p: Prepared, rows: slice, phase: np.ndarray, out: np.ndarray) -> None:
    """The compiled loops on the set-ups ``rows`` of a :func:`prepare` result, into ``out``
    (C-contiguous, shape (rows, :data:`WIDTH`))."""
    drive = _drive()
    bodies = p.bodies if p.bodies.shape[0] == 1 else p.bodies[rows]
    phase = np.ascontiguousarray(phase, dtype=float)
    ex = p.exercise
    if ex.name == "hip_thrust":
        drive.hip_thrust_block(bodies, p.setups[rows], phase, p.g, out)
    else:
        lift = SQUAT if ex.name == "squat" else DEADLIFT
        drive.standing_block(bodies, p.setups[rows], phase, p.g, lift, out)


def compiled(ex: Exercise, body: Body, phase: np.ndarray, g: float) -> np.ndarray:
    """The summary block of set-ups ``ex`` for ``body`` on the compiled engine, all at once
    (:func:`prepare`, :func:`run`, :func:`finish`)."""
    p = prepare(ex, body, g)
    block = np.empty((p.size, WIDTH))
    run(p, slice(None), phase, block)
    finish(p, block)
    return block


def finish(p: Prepared, block: np.ndarray) -> None:
    """After :func:`run` on every chunk of a batch, into ``block`` (the batch's rows): the
    exercise's checks of the rep's extremes (the standing lifts' path), with the batch's
    extremes whichever chunk they are in."""
    check_rep(p.exercise, p.prepared, block)


def check_rep(ex: Exercise, prepared: Any, block: np.ndarray) -> None:
    """The exercise's checks of its reps from their summaries ``block``: the path's extremes
    (the standing lifts) and what the contacts can give."""
    ex._check_extremes(prepared, block[:, MAX_REACH], block[:, MAX_FLEXION])
    ex._check_rep(RepSummary(*block.T))
