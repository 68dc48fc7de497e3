"""Back squat: a standing chain whose trunk keeps the bar over midfoot.

Phase moves the shank's forward inclination and the knee flexion linearly from the bottom
(``p = 0``) to a straight leg (``p = 1``) leaning so that the middle of the thigh is under the bar
(:func:`stacked_lean`); the trunk angle then follows in closed form: the bar lies at
``radius`` from the hip, ``offset`` from the trunk axis. (The deadlift: :mod:`.pull`.)
"""

from typing import Any, NamedTuple

import numpy as np

from ._engine import inline, kernel, select
from .geometry import chain, projected_arm, shoulders
from .limits import ANKLE_DORSIFLEXION_MAX_DEG
from .rows import midfoot_x

#: Bar centre relative to the shoulder joint centres, fractions of stature: (above the
#: shoulders along the trunk axis, behind the trunk axis). Modelling estimates: the high bar
#: rests on the upper trapezius near C7, about 4 cm above and 8 cm behind the shoulder joint
#: centres of a 1.80 m lifter; the low bar on the posterior deltoids and the spine of the
#: scapula, about 6 cm lower and 2 cm further back.
BAR_PLACEMENT: dict[str, tuple[float, float]] = {"high": (0.022, 0.044), "low": (-0.011, 0.056)}

#: Sagittal projection of the elbow in the squat relative to the shoulder joint centres,
#: fractions of stature: (below the shoulders along the trunk axis, behind it). Modelling
#: estimate for a grip a little wider than the shoulders: elbows about 18 cm below and 9 cm
#: behind the shoulders of a 1.80 m lifter, under and behind the bar.
ELBOW_PLACEMENT: tuple[float, float] = (0.10, 0.05)


class Setup(NamedTuple):
    """A squat or deadlift set-up, as the postures read it (m, rad, kg)."""

    #: the point kept over midfoot, from the hip: distance and angle from the trunk axis
    radius: Any
    cos_offset: Any
    sin_offset: Any
    #: shank inclination and knee flexion at the bottom, shank inclination at lockout (the
    #: straight leg's lean, :func:`stacked_lean`)
    alpha_bottom: Any
    kappa_bottom: Any
    alpha_lockout: Any
    load_kg: Any


#: Forward shank inclination at the bottom of a parallel squat, deg: the knees just past
#: the toes, as in the unrestricted squats of Fry et al. (2003, J Strength Cond Res
#: 17:629-633), where the knees travelled past the toes at parallel; the model's knees are
#: 1.1 cm past the toes of the default body at 30 deg.
SHANK_AT_PARALLEL_DEG = 30.0

#: Squat depth (thigh below horizontal, deg) at which the default knee travel reaches the
#: ankle's range (:data:`.limits.ANKLE_DORSIFLEXION_MAX_DEG`): the deepest squat the lift
#: takes (``depth_deg`` at most 45 deg).
DEEPEST_SQUAT_DEG = 45.0


@inline
def squat_shank_angle(depth_deg):
    """Default forward shank inclination at the bottom of a squat (rad) from its depth
    (deg): knee travel grows with depth, linearly from :data:`SHANK_AT_PARALLEL_DEG` at
    parallel to the ankle's dorsiflexion range at :data:`DEEPEST_SQUAT_DEG` (and less above
    parallel), as measured knee and ankle flexion grow together with depth (Wretenberg et
    al. 1996; Bryanton et al. 2012)."""
    slope = (ANKLE_DORSIFLEXION_MAX_DEG - SHANK_AT_PARALLEL_DEG) / DEEPEST_SQUAT_DEG
    return np.deg2rad(SHANK_AT_PARALLEL_DEG + slope * depth_deg)


@inline
def squat_chain_at(b, s, alpha, kappa):
    """The squat's :class:`~.geometry.Chain` with the shank inclined ``alpha`` and the knee
    flexed ``kappa`` (rad), and its reach ratio (:func:`trunk_over_midfoot`)."""
    knee_x, knee_y, hip_x, hip_y, trunk_x, trunk_y, bar_x, bar_y, ratio = trunk_over_midfoot(
        b, s, alpha, kappa
    )
    shoulder_x, shoulder_y = shoulders(b, hip_x, hip_y, trunk_x, trunk_y)
    below, behind = ELBOW_PLACEMENT
    arm = projected_arm(b, shoulder_x, shoulder_y, trunk_x, trunk_y, bar_x, bar_y, below, behind)
    c = chain(b, knee_x, knee_y, hip_x, hip_y, trunk_x, trunk_y, bar_x, bar_y, arm)
    return c, ratio


@inline
def stacked_lean(b):
    """The squat's lockout lean (rad): knee and hip straight, the straight leg inclined so
    that the middle of the thigh is over midfoot, under the bar: the knee is as far behind
    the bar's line as the hip is in front of it, so knee and hip share the bar's moment
    (each a flexion moment of the bar's weight times that distance, a few centimetres)
    instead of one joint carrying it all. The trunk then leans just enough to keep the bar
    over midfoot, a few degrees of hip flexion or extension."""
    return np.arcsin(midfoot_x(b) / (b.shank + 0.5 * b.thigh))


@kernel
def squat_setup(b, load_kg, depth_deg, shank_angle_deg, bar_above, bar_behind):
    """The :class:`Setup` of a squat: the bar ``bar_above`` the shoulders along the trunk
    axis and ``bar_behind`` it (m), depth (thigh below horizontal) and shank inclination at
    the bottom (deg; NaN: :func:`squat_shank_angle`); the lockout lean
    :func:`stacked_lean`."""
    along = b.trunk + bar_above
    alpha_bottom = select(
        np.isnan(shank_angle_deg), squat_shank_angle(depth_deg), np.deg2rad(shank_angle_deg)
    )
    kappa_bottom = 0.5 * np.pi + np.deg2rad(depth_deg) + alpha_bottom
    radius = np.sqrt(along * along + bar_behind * bar_behind)
    offset = np.arctan2(bar_behind, along)
    return Setup(radius, np.cos(offset), np.sin(offset), alpha_bottom, kappa_bottom,
                 stacked_lean(b) + 0.0 * alpha_bottom, load_kg)  # fmt: skip


@inline
def trunk_over_midfoot(b, s, alpha, kappa):
    """Knee, hip, trunk direction and the point over midfoot with the shank inclined
    ``alpha`` and the knee flexed ``kappa`` (rad), and the hip-to-midfoot distance over
    ``radius`` (beyond +-1 no trunk angle puts the point over midfoot: the caller refuses the
    set-up): ``(knee_x, knee_y, hip_x, hip_y, trunk_x, trunk_y, point_x, point_y,
    reach_ratio)``."""
    theta_shank = 0.5 * np.pi - alpha
    knee_x = b.shank * np.cos(theta_shank)
    knee_y = b.ankle_height + b.shank * np.sin(theta_shank)
    hip_x = knee_x + b.thigh * np.cos(theta_shank + kappa)
    hip_y = knee_y + b.thigh * np.sin(theta_shank + kappa)
    ratio = (midfoot_x(b) - hip_x) / s.radius
    c = np.minimum(np.maximum(ratio, -1.0), 1.0)  # cos(theta_trunk + offset), point above hip
    sn = np.sqrt(1.0 - c * c)
    trunk_x = c * s.cos_offset + sn * s.sin_offset  # exp(i theta_trunk)
    trunk_y = sn * s.cos_offset - c * s.sin_offset
    point_x, point_y = hip_x + s.radius * c, hip_y + s.radius * sn
    return knee_x, knee_y, hip_x, hip_y, trunk_x, trunk_y, point_x, point_y, ratio


@inline
def squat_posture(b, s, phase):
    """The squat's :class:`~.geometry.Chain` at ``phase`` and its reach ratio: shank
    inclination and knee flexion move linearly from the bottom to the lockout; the bar is
    the point over midfoot; the arms reach sideways to a wide grip, the projected elbow
    fixed to the trunk (:data:`ELBOW_PLACEMENT`)."""
    alpha = s.alpha_bottom + (s.alpha_lockout - s.alpha_bottom) * phase
    return squat_chain_at(b, s, alpha, s.kappa_bottom * (1.0 - phase))


@inline
def setup_from_table(r):
    """The :class:`Setup` of one row ``r`` of a table whose columns are its fields."""
    return Setup(r[0], r[1], r[2], r[3], r[4], r[5], r[6])


@inline
def bar_placement(above_fraction, behind_fraction, bar_above, bar_behind, height):
    """The squat bar's place on the back (m): set, or (NaN) the fractions of stature."""
    return (
        select(np.isnan(bar_above), above_fraction * height, bar_above),
        select(np.isnan(bar_behind), behind_fraction * height, bar_behind),
    )
