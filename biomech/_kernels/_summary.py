"""The summary kernel: every posture of every set-up of a chunk, reduced as it is computed.

For each set-up (a row of the exercise's set-up table, which the hip-thrust kernel builds
itself from the body's and the exercise's fields) the kernel solves the bottom of the rep
where there is one to solve (hip thrust: a bisection), walks the phase samples, and folds
each posture's net moments and hip decomposition into the numbers of
``biomech.sweep._summarize``: the first maximum of the hip and knee moments (``np.argmax``),
the decomposition at the hip's peak, trapezoidal means over the phase (``np.trapezoid``),
lockout values, whether the centre of pressure leaves the foot. One row of ``out`` per set-up,
in the order of :data:`biomech.sweep.SUMMARY_VARIABLES` (force variables expanded over the
forces), then two columns the standing lifts' path checks need (the largest reach ratio and
hip flexion of the rep).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from ..exercises._base import BodyGeometry
from ..exercises._standing import check_path_extremes
from . import hip_thrust, standing, width
from ._common import HEEL_X, TOE_X, inline, jit

__all__ = ["Prepared", "prepare", "run", "settle", "summarize"]

HIP_THRUST = 0
LIFTS = {"hip_thrust": HIP_THRUST, "squat": standing.SQUAT, "deadlift": standing.DEADLIFT}


#: The state of a rep as it is folded (:func:`_fold`): the hip's peak and its posture's
#: index, hip flexion and decomposition (8 values), the knee's peak and index, the running
#: trapezoidal means (hip, knee, 3 force contributions), the previous posture's values of the
#: same, whether the centre of pressure left the foot, the largest reach ratio and hip
#: flexion; then the last hip and knee moments.
N_STATE = 28


@inline
def _start():
    z, low = 0.0, -np.inf
    # fmt: off
    return (z, z, z, z, z, z, z, z, z, z, z, z, z, z, z, z, z, z, z, z, z, z, z, z, z, low, z,
            z)
    # fmt: on


@inline
def _fold(s, j, phase, r, heel, toe):
    """Fold posture ``j`` (a posture function's result ``r``) into the rep state ``s``."""
    knee, hip, c0, c1, c2, a0, a1, a2, above, below, cop, reach, flexion = r
    (best_hip, i_hip, flexion_at_peak, p0, p1, p2, p3, p4, p5, p6, p7) = s[:11]
    (best_knee, i_knee, mean_hip, mean_knee, m0, m1, m2) = s[11:18]
    (prev_hip, prev_knee, prev0, prev1, prev2, outside, max_reach, max_flexion) = s[18:26]
    if j == 0 or hip > best_hip:
        best_hip, i_hip, flexion_at_peak = hip, j, flexion
        p0, p1, p2, p3, p4, p5, p6, p7 = c0, c1, c2, a0, a1, a2, above, below
    if j == 0 or knee > best_knee:
        best_knee, i_knee = knee, j
    if j > 0:
        d = phase[j] - phase[j - 1]
        mean_hip += d * (hip + prev_hip) / 2.0
        mean_knee += d * (knee + prev_knee) / 2.0
        m0 += d * (c0 + prev0) / 2.0
        m1 += d * (c1 + prev1) / 2.0
        m2 += d * (c2 + prev2) / 2.0
    if cop < heel or cop > toe:
        outside = 1.0
    max_reach = max(max_reach, abs(reach))
    max_flexion = max(max_flexion, flexion)
    return (
        best_hip,
        float(i_hip),
        flexion_at_peak,
        p0,
        p1,
        p2,
        p3,
        p4,
        p5,
        p6,
        p7,
        best_knee,
        float(i_knee),
        mean_hip,
        mean_knee,
        m0,
        m1,
        m2,
        hip,
        knee,
        c0,
        c1,
        c2,
        outside,
        max_reach,
        max_flexion,
        hip,
        knee,
    )


@inline
def _write(s, flexion, o, phase, n_forces):
    """The summary row ``o`` of a folded rep, with the hip flexion (rad) at the peak."""
    o[0], o[1] = s[0], phase[int(s[1])]
    o[2] = np.rad2deg(np.mod(flexion + np.pi, 2.0 * np.pi) - np.pi)
    hip, knee = s[26], s[27]
    o[3], o[4], o[5] = hip, hip / s[0], s[13]
    o[6], o[7], o[8], o[9] = s[11], phase[int(s[12])], knee, s[14]
    o[10] = s[23]
    for k in range(n_forces):
        o[11 + k] = s[15 + k]
        o[11 + n_forces + k] = s[3 + k]
        o[11 + 2 * n_forces + k] = s[6 + k]
    o[11 + 3 * n_forces], o[12 + 3 * n_forces] = s[9], s[10]
    o[13 + 3 * n_forces] = s[24]
    o[14 + 3 * n_forces] = math.degrees(s[25])


@jit
def hip_thrust_kernel(bodies, par, const, phase, out, margin):  # pragma: no cover - compiled
    """Summaries of hip-thrust set-ups into the rows of ``out``: each set-up's row built from
    its body ``bodies[i]`` and fields ``par[i]`` (either may have one row for all; see
    ``hip_thrust.fill_row``), then its rep. A set-up that fails, or comes within ``margin`` of
    failing, a test of ``HipThrust._check`` is skipped (a row of NaN). Returns how many were
    skipped."""
    row = np.empty(hip_thrust.N_COLUMNS)
    skipped = 0
    for i in range(out.shape[0]):
        b = bodies[0 if bodies.shape[0] == 1 else i]
        p = par[0 if par.shape[0] == 1 else i]
        if hip_thrust.fill_row(b, p, row, margin):
            out[i, :] = np.nan
            skipped += 1
            continue
        phi_b, phi_lock = hip_thrust.bottom(row), row[hip_thrust.PHI_LOCK]
        s = _start()
        for j in range(phase.size):
            phi = phi_b + (phi_lock - phi_b) * phase[j]
            r = hip_thrust.posture(phi, row, const)
            s = _fold(s, j, phase, r, row[HEEL_X] - 1e-12, row[TOE_X] + 1e-12)
        # hip flexion at the peak, from the segment angles as the pose reports them
        flexion = hip_thrust.flexion(phi_b + (phi_lock - phi_b) * phase[int(s[1])], row)
        _write(s, flexion, out[i], phase, 3)
    return skipped


@jit
def standing_kernel(setup, const, phase, out, lift):  # pragma: no cover - compiled
    """Summaries of every squat or deadlift set-up into the rows of ``out``."""
    for i in range(setup.shape[0]):
        row = setup[i]
        s = _start()
        for j in range(phase.size):
            r = standing.posture(lift, phase[j], row, const)
            s = _fold(s, j, phase, r, row[HEEL_X] - 1e-12, row[TOE_X] + 1e-12)
        _write(s, s[2], out[i], phase, 2)


class Prepared(NamedTuple):
    """What a kernel needs of a batch of set-ups (:func:`prepare`)."""

    #: :data:`HIP_THRUST`, ``standing.SQUAT`` or ``standing.DEADLIFT``
    lift: int
    #: hip thrust: (body rows, exercise rows), built into set-up rows in the kernel;
    #: standing lifts: (set-up table,)
    tables: tuple[np.ndarray, ...]
    const: np.ndarray
    #: hip thrust: the set-ups and body, for ``HipThrust._check``; standing lifts: what
    #: ``check_path_extremes`` needs
    check: tuple
    #: how near a limit of ``HipThrust._check`` the kernel skips a set-up (``-inf``: never)
    margin: float
    #: set-ups
    size: int
    #: columns of the kernel's output: the summary block, then the path extremes
    width: int


def prepare(ex, body, g: float) -> Prepared:
    """What a kernel needs of set-ups ``ex`` (fields scalars or arrays of shape (set-ups, 1))
    for a body of shape (set-ups,) or (): the lift, its tables, the constants and what the
    checks need. A sweep prepares a batch of set-ups at once and runs the kernel on it chunk
    by chunk (:func:`run`, then :func:`settle`).

    The standing lifts' ``_setup`` (which validates what it can) runs here, in numpy; the
    hip thrust's set-up rows are built in the kernel, which flags what ``_check`` would
    refuse (:func:`settle` then raises its error).
    """
    lift = LIFTS[ex.name]
    if lift == HIP_THRUST:
        bodies, par, const = hip_thrust.inputs(ex, body, g)
        size = max(bodies.shape[0], par.shape[0])
        if min(bodies.shape[0], par.shape[0]) not in (1, size):
            msg = f"{bodies.shape[0]} bodies for {par.shape[0]} set-ups"
            raise AssertionError(msg)
        margin = hip_thrust.CHECK_MARGIN
        return Prepared(lift, (bodies, par), const, (ex, body), margin, size, width(3))
    setup, const, s = standing.setup_table(ex, body, g)
    kappa_b = np.broadcast_to(np.asarray(s["kappa_b"], dtype=float).reshape(-1), setup.shape[:1])
    check = (*ex._path_check(), kappa_b)
    return Prepared(lift, (setup,), const, check, -np.inf, setup.shape[0], width(2))


def run(prepared: Prepared, rows: slice, phase: np.ndarray, out: np.ndarray) -> int:
    """Run the kernel on the set-ups ``rows`` of a :func:`prepare` result, into ``out``
    (C-contiguous, shape (rows, ``prepared.width``): the summary block, see
    ``biomech.sweep._stack``, then two columns of path extremes, which :func:`settle`
    checks). Returns how many set-ups the hip-thrust kernel skipped (rows of NaN)."""
    phase = np.ascontiguousarray(phase, dtype=float)
    if prepared.lift == HIP_THRUST:
        bodies, par = (t if t.shape[0] == 1 else t[rows] for t in prepared.tables)
        return hip_thrust_kernel(bodies, par, prepared.const, phase, out, prepared.margin)
    (setup,) = prepared.tables
    standing_kernel(setup[rows], prepared.const, phase, out, prepared.lift)
    return 0


def settle(prepared: Prepared, skipped: int, out: np.ndarray) -> Prepared | None:
    """After :func:`run` has run on every chunk of a batch, into ``out`` (the batch's block):
    raise the numpy engine's ValueError for a set-up the body cannot perform, with the
    batch's extremes (whichever chunk they are in), or return the batch prepared to run
    again, or ``None`` when it is done.

    Standing lifts: their path checks (``check_path``) on the extremes the kernel returned.
    Hip thrust, if the kernel skipped ``skipped`` set-ups: ``HipThrust._check`` in numpy,
    which raises for a set-up the body cannot perform; if it passes (the skipped set-ups
    were near misses), the batch prepared to run again with nothing skipped."""
    if prepared.lift != HIP_THRUST:
        setting, advice, kappa_b = prepared.check
        check_path_extremes(setting, out[:, -2], kappa_b, out[:, -1], advice)
        return None
    if not skipped:
        return None
    ex, body = prepared.check
    geo = BodyGeometry.of(body)
    ex._check(geo, ex._setup(geo))
    return prepared._replace(margin=-np.inf)


def summarize(ex, body, phase: np.ndarray, g: float) -> np.ndarray:
    """Summary block of set-ups ``ex`` for ``body`` (:func:`prepare`, :func:`run` on all of
    them, :func:`settle`)."""
    prepared = prepare(ex, body, g)
    out = np.empty((prepared.size, prepared.width))
    rerun = settle(prepared, run(prepared, slice(None), phase, out), out)
    if rerun is not None:
        run(rerun, slice(None), phase, out)
    return out[:, :-2]
