"""A rep reduced to the numbers a summary sweep reports.

:func:`summary` reads the curves of a rep over its phase samples (numpy: ``(..., n)`` arrays,
reduced on the last axis; compiled: one set-up's ``(n,)`` buffers): the first largest hip and
knee moments (``np.argmax``), the decomposition at the hip's peak, trapezoidal means over the
phase, lockout values, whether the centre of pressure leaves the foot, and the extremes the
standing lifts' path checks read. :class:`RepSummary` lists them in the order of
:data:`biomech.sweep.SUMMARY_VARIABLES` (each force variable over bar, ground, bench), then
the two extremes.
"""

from typing import Any, NamedTuple

import numpy as np

from ._engine import (
    any_outside,
    argmax_last,
    at_last,
    final,
    inline,
    kernel,
    max_abs_last,
    max_last,
    trapezoid_last,
)
from .statics import bench_push, friction_required


class RepSummary(NamedTuple):
    """The summary of a rep (N m, m, deg, phase 0-1; 1.0/0.0 for yes/no)."""

    peak_hip_moment: Any
    phase_at_peak_hip: Any
    hip_flexion_at_peak_hip: Any
    lockout_hip_moment: Any
    lockout_to_peak_hip: Any
    mean_hip_moment: Any
    peak_knee_moment: Any
    phase_at_peak_knee: Any
    lockout_knee_moment: Any
    mean_knee_moment: Any
    cop_leaves_foot: Any
    mean_bar_share: Any
    mean_ground_share: Any
    mean_bench_share: Any
    bar_share_at_peak_hip: Any
    ground_share_at_peak_hip: Any
    bench_share_at_peak_hip: Any
    bar_arm_at_peak_hip: Any
    ground_arm_at_peak_hip: Any
    bench_arm_at_peak_hip: Any
    upper_body_weight_at_peak_hip: Any
    leg_weight_at_peak_hip: Any
    #: the largest friction coefficient each contact needs over the rep
    max_ground_friction_required: Any
    max_bench_friction_required: Any
    #: what the contact checks read: the smallest vertical ground reaction and the smallest
    #: push of the bench along the back's normal (N; a negative one would pull)
    min_ground_vertical: Any
    min_bench_normal: Any
    #: what the standing lifts' path checks read: the largest reach ratio in size, and the
    #: largest hip flexion (deg)
    max_reach_ratio: Any
    max_hip_flexion: Any


class PostureValues(NamedTuple):
    """What :func:`summary` reads of one posture (N m, rad, m)."""

    hip: Any
    knee: Any
    hip_flexion: Any
    cop_x: Any
    bar_share: Any
    ground_share: Any
    bench_share: Any
    bar_arm: Any
    ground_arm: Any
    bench_arm: Any
    above: Any
    below: Any
    reach_ratio: Any
    ground_friction: Any
    bench_friction: Any
    ground_vertical: Any
    bench_normal: Any


@inline
def posture_values(m, h, r, contact, flexion, reach_ratio):
    """The :class:`PostureValues` of a posture's moments ``m``, hip shares ``h`` and
    reactions ``r`` on ``contact`` (see :mod:`biomech.model.statics`)."""
    ground_friction, bench_friction = friction_required(r, contact)
    bench_normal, _ = bench_push(r, contact)
    return PostureValues(m.hip, m.knee, flexion, r.cop_x, h.bar, h.ground, h.bench, h.bar_arm,
                         h.ground_arm, h.bench_arm, h.above, h.below, reach_ratio,
                         ground_friction, bench_friction, r.ground_y, bench_normal)  # fmt: skip


@inline
def joint_summary(phase, moment, hip_flexion):
    """The summary of one joint's moment curve over ``phase``: its first largest value, the
    phase and hip flexion (as given) there, its value at lockout, lockout over peak, and its
    trapezoidal mean over the phase; then the index of the peak."""
    i = argmax_last(moment)
    peak = at_last(moment, i)
    lockout = final(moment)
    mean = trapezoid_last(moment, phase)
    return peak, phase[i], at_last(hip_flexion, i), lockout, lockout / peak, mean, i


@kernel
def summary(phase, v, heel_x, toe_x):
    """The :class:`RepSummary` of a rep whose :class:`PostureValues` over ``phase`` are
    ``v``, for a foot from ``heel_x`` to ``toe_x``."""
    peak, at_peak, flexion, lockout, ratio, mean, i = joint_summary(phase, v.hip, v.hip_flexion)
    knee, knee_at, _, knee_lockout, _, knee_mean, _ = joint_summary(phase, v.knee, v.hip_flexion)
    outside = any_outside(v.cop_x, heel_x - 1e-12, toe_x + 1e-12)
    return RepSummary(
        peak,
        at_peak,
        np.rad2deg(flexion),
        lockout,
        ratio,
        mean,
        knee,
        knee_at,
        knee_lockout,
        knee_mean,
        1.0 * outside,
        trapezoid_last(v.bar_share, phase),
        trapezoid_last(v.ground_share, phase),
        trapezoid_last(v.bench_share, phase),
        at_last(v.bar_share, i),
        at_last(v.ground_share, i),
        at_last(v.bench_share, i),
        at_last(v.bar_arm, i),
        at_last(v.ground_arm, i),
        at_last(v.bench_arm, i),
        at_last(v.above, i),
        at_last(v.below, i),
        max_last(v.ground_friction),
        max_last(v.bench_friction),
        -max_last(-v.ground_vertical),
        -max_last(-v.bench_normal),
        max_abs_last(v.reach_ratio),
        np.rad2deg(max_last(v.hip_flexion)),
    )


@inline
def write(out, s):
    """Write a :class:`RepSummary` into ``out`` along its first axis (a row of the compiled
    engine's block; the numpy engine's block transposed)."""
    out[0], out[1], out[2], out[3], out[4], out[5] = s[0], s[1], s[2], s[3], s[4], s[5]
    out[6], out[7], out[8], out[9], out[10], out[11] = s[6], s[7], s[8], s[9], s[10], s[11]
    out[12], out[13], out[14], out[15], out[16] = s[12], s[13], s[14], s[15], s[16]
    out[17], out[18], out[19], out[20], out[21] = s[17], s[18], s[19], s[20], s[21]
    out[22], out[23], out[24], out[25], out[26], out[27] = s[22], s[23], s[24], s[25], s[26], s[27]
