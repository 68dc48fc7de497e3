"""The summary kernel: every posture of every set-up of a chunk, reduced as it is computed.

For each set-up (a row of the exercise's set-up table) the kernel solves the bottom of the
rep where there is one to solve (hip thrust: a bisection), walks the phase samples, and folds
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

import numpy as np

from ..exercises._standing import check_path_extremes
from . import hip_thrust, standing
from ._common import HEEL_X, TOE_X, inline, jit

__all__ = ["summarize"]

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
def hip_thrust_kernel(setup, const, phase, out):  # pragma: no cover - compiled
    """Summaries of every hip-thrust set-up (rows of ``setup``) into the rows of ``out``."""
    for i in range(setup.shape[0]):
        row = setup[i]
        phi_b, phi_lock = hip_thrust.bottom(row), row[hip_thrust.PHI_LOCK]
        s = _start()
        for j in range(phase.size):
            phi = phi_b + (phi_lock - phi_b) * phase[j]
            r = hip_thrust.posture(phi, row, const)
            s = _fold(s, j, phase, r, row[HEEL_X] - 1e-12, row[TOE_X] + 1e-12)
        # hip flexion at the peak, from the segment angles as the pose reports them
        flexion = hip_thrust.flexion(phi_b + (phi_lock - phi_b) * phase[int(s[1])], row)
        _write(s, flexion, out[i], phase, 3)


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


def prepare(ex, body, g: float) -> tuple:
    """Everything a kernel needs that is per set-up, for set-ups ``ex`` (fields scalars or
    arrays of shape (set-ups, 1)) and a body of shape (set-ups,) or (): the lift, the set-up
    table, the constants and (standing lifts) what the path check needs. A sweep prepares all
    its set-ups at once and then runs the kernel chunk by chunk (:func:`run`).

    Validation is the exercise's, with its messages: the hip thrust's ``_setup`` and
    ``_check`` and the standing lifts' ``_setup`` run here, in numpy.
    """
    lift = LIFTS[ex.name]
    if lift == HIP_THRUST:
        setup, const = hip_thrust.setup_table(ex, body, g)
        return lift, setup, const, None
    setup, const, s = standing.setup_table(ex, body, g)
    kappa_b = np.broadcast_to(np.asarray(s["kappa_b"], dtype=float).reshape(-1), setup.shape[:1])
    return lift, setup, const, (*ex._path_check(), kappa_b)


def run(prepared: tuple, rows: slice, phase: np.ndarray) -> np.ndarray:
    """Summary block (set-ups, columns; see ``biomech.sweep._stack``) of the set-ups ``rows``
    of a :func:`prepare` result. The standing lifts' path checks (``check_path``) run on the
    extremes the kernel returns."""
    lift, setup, const, check = prepared
    phase = np.ascontiguousarray(phase, dtype=float)
    rows_setup = np.ascontiguousarray(setup[rows])
    if lift == HIP_THRUST:
        out = np.empty((rows_setup.shape[0], 15 + 3 * 3))
        hip_thrust_kernel(rows_setup, const, phase, out)
    else:
        out = np.empty((rows_setup.shape[0], 15 + 3 * 2))
        standing_kernel(rows_setup, const, phase, out, lift)
        setting, advice, kappa_b = check
        check_path_extremes(setting, out[:, -2], kappa_b[rows], out[:, -1], advice)
    return out[:, :-2]


def summarize(ex, body, phase: np.ndarray, g: float) -> np.ndarray:
    """Summary block of set-ups ``ex`` for ``body``: :func:`prepare` then :func:`run` on all."""
    return run(prepare(ex, body, g), slice(None), phase)
