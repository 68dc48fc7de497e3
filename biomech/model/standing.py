"""Back squat and deadlift: a standing chain whose trunk keeps a point over midfoot.

Phase moves the shank's forward inclination and the knee flexion linearly from the bottom
(``p = 0``) to a straight body (``p = 1``) leaning just enough to keep the point over
midfoot; the trunk angle then follows in closed form: the point lies at ``radius`` from the
hip, ``offset`` from the trunk axis (the bar on the back in the squat; the shoulders, over
the bar hanging in the hands, in the deadlift).
"""

from typing import Any, NamedTuple

import numpy as np

from ._engine import inline, kernel, select
from .geometry import (
    chain,
    cosine_rule,
    hanging_arm,
    projected_arm,
    shoulders,
)
from .rows import midfoot_x, reach

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
    #: shank inclination and knee flexion at the bottom, shank inclination at lockout
    alpha_bottom: Any
    kappa_bottom: Any
    alpha_lockout: Any
    load_kg: Any


@inline
def straight_body_shank_angle(b, radius, cos_offset, sin_offset):
    """Forward shank inclination (rad) of a straight body whose trunk point is over midfoot:
    knee and hip straight, ankle-to-point is one rigid lever ``(L_shank + L_thigh) + radius
    exp(i offset)``, turned by the shank angle."""
    lx = b.shank + b.thigh + radius * cos_offset
    ly = radius * sin_offset
    c = np.minimum(np.maximum(midfoot_x(b) / np.sqrt(lx * lx + ly * ly), -1.0), 1.0)
    return 0.5 * np.pi - (np.arccos(c) - np.arctan2(ly, lx))


@inline
def _setup(b, load_kg, radius, offset, alpha_bottom, kappa_bottom):
    cos_offset, sin_offset = np.cos(offset), np.sin(offset)
    return Setup(
        radius,
        cos_offset,
        sin_offset,
        alpha_bottom,
        kappa_bottom,
        straight_body_shank_angle(b, radius, cos_offset, sin_offset),
        load_kg,
    )


@kernel
def squat_setup(b, load_kg, depth_deg, shank_angle_deg, bar_above, bar_behind):
    """The :class:`Setup` of a squat: the bar ``bar_above`` the shoulders along the trunk
    axis and ``bar_behind`` it (m), depth (thigh below horizontal) and shank inclination at
    the bottom (deg)."""
    along = b.trunk + bar_above
    alpha_bottom = np.deg2rad(shank_angle_deg)
    kappa_bottom = 0.5 * np.pi + np.deg2rad(depth_deg) + alpha_bottom
    radius = np.sqrt(along * along + bar_behind * bar_behind)
    offset = np.arctan2(bar_behind, along)
    return _setup(b, load_kg, radius, offset, alpha_bottom, kappa_bottom)


class Start(NamedTuple):
    """The deadlift's start (the bar on the floor): where the knee and shoulders are, and
    what decides whether the body can reach it (m: each must be positive)."""

    knee_x: Any
    knee_y: Any
    shoulder_x: Any
    shoulder_y: Any
    #: the height the bar reaches at lockout above the plates' radius
    lockout_above_plates: Any
    #: thigh plus trunk beyond the knee-to-shoulder distance at the start
    reach_to_start: Any


@kernel
def deadlift_start(b, shank_angle_deg, plate_diameter):
    """The :class:`Start` of a deadlift: shank inclined ``shank_angle_deg``, the shoulders
    over midfoot above the bar on the floor (arms hanging)."""
    alpha = np.deg2rad(shank_angle_deg)
    knee_x = b.shank * np.cos(0.5 * np.pi - alpha)
    knee_y = b.ankle_height + b.shank * np.sin(0.5 * np.pi - alpha)
    shoulder_x = midfoot_x(b) + 0.0 * knee_x
    shoulder_y = 0.5 * plate_diameter + reach(b)
    dx, dy = shoulder_x - knee_x, shoulder_y - knee_y
    lockout_bar = b.ankle_height + b.shank + b.thigh + b.trunk - reach(b)
    return Start(
        knee_x,
        knee_y,
        shoulder_x,
        shoulder_y,
        lockout_bar - 0.5 * plate_diameter,
        b.thigh + b.trunk - np.sqrt(dx * dx + dy * dy),
    )


@kernel
def deadlift_setup(b, load_kg, shank_angle_deg, start):
    """The :class:`Setup` of a deadlift from its :class:`Start` (which must be feasible):
    the thigh placed by two-link inverse kinematics from the knee to the shoulders."""
    alpha_bottom = np.deg2rad(shank_angle_deg)
    dx, dy = start.shoulder_x - start.knee_x, start.shoulder_y - start.knee_y
    c, _ = cosine_rule(b.thigh, np.sqrt(dx * dx + dy * dy), b.trunk)
    theta_thigh = np.arctan2(dy, dx) + np.arccos(c)
    kappa_bottom = theta_thigh - (0.5 * np.pi - alpha_bottom)
    return _setup(b, load_kg, b.trunk + 0.0 * alpha_bottom, 0.0 * alpha_bottom, alpha_bottom,
                  kappa_bottom)  # fmt: skip


@inline
def standing_chain(b, s, phase):
    """Knee, hip, trunk direction and the point over midfoot at ``phase``, and the
    hip-to-midfoot distance over ``radius`` (beyond +-1 no trunk angle puts the point over
    midfoot: the caller refuses the set-up): ``(knee_x, knee_y, hip_x, hip_y, trunk_x,
    trunk_y, point_x, point_y, reach_ratio)``."""
    alpha = s.alpha_bottom + (s.alpha_lockout - s.alpha_bottom) * phase
    kappa = s.kappa_bottom * (1.0 - phase)
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
    """The squat's :class:`~.geometry.Chain` at ``phase`` and its reach ratio: the bar is
    the point over midfoot; the arms reach sideways to a wide grip, the projected elbow fixed
    to the trunk (:data:`ELBOW_PLACEMENT`)."""
    knee_x, knee_y, hip_x, hip_y, trunk_x, trunk_y, bar_x, bar_y, ratio = standing_chain(
        b, s, phase
    )
    shoulder_x, shoulder_y = shoulders(b, hip_x, hip_y, trunk_x, trunk_y)
    below, behind = ELBOW_PLACEMENT
    arm = projected_arm(b, shoulder_x, shoulder_y, trunk_x, trunk_y, bar_x, bar_y, below, behind)
    c = chain(b, knee_x, knee_y, hip_x, hip_y, trunk_x, trunk_y, bar_x, bar_y, arm)
    return c, ratio


@inline
def deadlift_posture(b, s, phase):
    """The deadlift's :class:`~.geometry.Chain` at ``phase`` and its reach ratio: the
    shoulders are the point over midfoot, the arms hang from them to the bar."""
    knee_x, knee_y, hip_x, hip_y, trunk_x, trunk_y, shoulder_x, shoulder_y, ratio = standing_chain(
        b, s, phase
    )
    bar_x, bar_y = shoulder_x, shoulder_y - reach(b)
    arm = hanging_arm(b, shoulder_x, shoulder_y, bar_x, bar_y)
    c = chain(b, knee_x, knee_y, hip_x, hip_y, trunk_x, trunk_y, bar_x, bar_y, arm)
    return c, ratio


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
