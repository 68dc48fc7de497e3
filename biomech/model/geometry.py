"""The planar chain: the cosine rule, the arms, the segments' centres of mass and angles.

Points are real pairs ``(x, y)`` in metres in the frame of :mod:`biomech.conventions`; a
direction is a unit vector, so that a rotation needs no trigonometric call where the cosine
rule gives the cosine of an angle directly (its sine is ``sqrt(1 - c^2)``: the angle of a
triangle is in [0, pi]).
"""

from typing import Any, NamedTuple

import numpy as np

from ._engine import inline, kernel


class Chain(NamedTuple):
    """A posture: the joint centres, the head's centre of mass and the bar (m), and the unit
    directions of the trunk (hip to shoulders) and of the forearm (elbow to wrist). The foot is
    flat with the ankle joint centre above the origin (:class:`~.rows.BodyRow`)."""

    knee_x: Any
    knee_y: Any
    hip_x: Any
    hip_y: Any
    shoulder_x: Any
    shoulder_y: Any
    elbow_x: Any
    elbow_y: Any
    wrist_x: Any
    wrist_y: Any
    grip_x: Any
    grip_y: Any
    head_x: Any
    head_y: Any
    bar_x: Any
    bar_y: Any
    trunk_x: Any
    trunk_y: Any
    forearm_x: Any
    forearm_y: Any
    #: length of the hand's sagittal projection over its length (1 for an arm in the plane)
    hand_scale: Any


@inline
def cosine_rule(adjacent1, adjacent2, opposite):
    """Cosine and sine of a triangle's angle between two sides, from the three side lengths.

    The cosine is clipped to [-1, 1], so that a triangle closed to rounding gives no NaN (the
    callers check that it closes).
    """
    c = (adjacent1 * adjacent1 + adjacent2 * adjacent2 - opposite * opposite) / (
        2.0 * adjacent1 * adjacent2
    )
    c = np.minimum(np.maximum(c, -1.0), 1.0)
    return c, np.sqrt(1.0 - c * c)


@inline
def arm_two_link(b, shoulder_x, shoulder_y, target_x, target_y):
    """Elbow and forearm direction of an arm reaching from the shoulders to the bar centre
    at ``target``, the elbow counter-clockwise of the shoulder-to-target line (a target out of
    reach leaves the arm straight, pointing at it): ``(elbow_x, elbow_y, ux, uy)``."""
    vx, vy = target_x - shoulder_x, target_y - shoulder_y
    vn = np.sqrt(vx * vx + vy * vy)
    c, s = cosine_rule(b.upper_arm, vn, b.forearm + b.grip)
    ex, ey = vx / vn, vy / vn
    elbow_x = shoulder_x + b.upper_arm * (ex * c - ey * s)
    elbow_y = shoulder_y + b.upper_arm * (ey * c + ex * s)
    wx, wy = target_x - elbow_x, target_y - elbow_y
    wn = np.sqrt(wx * wx + wy * wy)
    return elbow_x, elbow_y, wx / wn, wy / wn


@inline
def shoulders(b, hip_x, hip_y, trunk_x, trunk_y):
    """The shoulder joint centres, at the top of the trunk."""
    return hip_x + b.trunk * trunk_x, hip_y + b.trunk * trunk_y


@inline
def on_trunk(c, height):
    """The point ``height`` (m) above the hip along the trunk axis: the lumbar joint, the
    centre of mass of the trunk above it."""
    return c.hip_x + height * c.trunk_x, c.hip_y + height * c.trunk_y


@inline
def chain(b, knee_x, knee_y, hip_x, hip_y, trunk_x, trunk_y, bar_x, bar_y, arm):
    """The :class:`Chain` of a posture whose arm is ``(elbow_x, elbow_y, forearm_x,
    forearm_y, hand_scale)`` and reaches the bar: shoulders at the top of the trunk, the
    head's centre of mass above them on the trunk axis, wrist and grip along the forearm."""
    elbow_x, elbow_y, ux, uy, hand_scale = arm
    shoulder_x, shoulder_y = shoulders(b, hip_x, hip_y, trunk_x, trunk_y)
    # the forearm and the grip share the elbow-to-bar line, in proportion to their lengths
    distal = hand_scale * (b.forearm + b.grip)
    wrist_x = elbow_x + (b.forearm * hand_scale) * ux
    wrist_y = elbow_y + (b.forearm * hand_scale) * uy
    return Chain(
        knee_x,
        knee_y,
        hip_x,
        hip_y,
        shoulder_x,
        shoulder_y,
        elbow_x,
        elbow_y,
        wrist_x,
        wrist_y,
        elbow_x + distal * ux,
        elbow_y + distal * uy,
        shoulder_x + b.head_above_shoulder * trunk_x,
        shoulder_y + b.head_above_shoulder * trunk_y,
        bar_x,
        bar_y,
        trunk_x,
        trunk_y,
        ux,
        uy,
        hand_scale,
    )


@inline
def hanging_arm(b, shoulder_x, shoulder_y, bar_x, bar_y):
    """An arm in the sagittal plane reaching from the shoulders to the bar: ``(elbow_x,
    elbow_y, forearm_x, forearm_y, 1)`` (see :func:`chain`)."""
    elbow_x, elbow_y, ux, uy = arm_two_link(b, shoulder_x, shoulder_y, bar_x, bar_y)
    return elbow_x, elbow_y, ux, uy, 1.0 + 0.0 * ux


@inline
def projected_arm(b, shoulder_x, shoulder_y, trunk_x, trunk_y, bar_x, bar_y, below, behind):
    """The sagittal projection of an arm reaching sideways to a wide grip: the elbow fixed to
    the trunk, ``below`` the shoulders along the trunk axis and ``behind`` it (fractions of
    stature), the forearm and grip projected along the elbow-to-bar line. Every centre of
    mass keeps its fraction along a projected segment (projection is linear):
    ``(elbow_x, elbow_y, forearm_x, forearm_y, hand_scale)``."""
    elbow_x = shoulder_x + (trunk_x * -below - trunk_y * behind) * b.height
    elbow_y = shoulder_y + (trunk_y * -below + trunk_x * behind) * b.height
    fx, fy = bar_x - elbow_x, bar_y - elbow_y
    length = np.sqrt(fx * fx + fy * fy)
    return elbow_x, elbow_y, fx / length, fy / length, length / (b.forearm + b.grip)


@inline
def centres_of_mass(b, c):
    """Centres of mass of the segments ``(xs, ys)``, each in the order of
    :data:`biomech.conventions.SEGMENTS`: foot (on the heel-toe line at its fraction, raised to
    half the ankle height), shank, thigh, trunk, head, upper arm, forearm and hand (along the
    forearm, its projection scaled by ``hand_scale``)."""
    hand = b.f_hand * b.hand * c.hand_scale
    xs = (
        b.heel_x + b.f_foot * (b.toe_x - b.heel_x) + 0.0 * c.knee_x,
        c.knee_x + b.f_shank * (0.0 - c.knee_x),
        c.hip_x + b.f_thigh * (c.knee_x - c.hip_x),
        c.shoulder_x + b.f_trunk * (c.hip_x - c.shoulder_x),
        c.head_x,
        c.shoulder_x + b.f_upper_arm * (c.elbow_x - c.shoulder_x),
        c.elbow_x + b.f_forearm * (c.wrist_x - c.elbow_x),
        c.wrist_x + hand * c.forearm_x,
    )
    ys = (
        0.5 * b.ankle_height + 0.0 * c.knee_y,
        c.knee_y + b.f_shank * (b.ankle_height - c.knee_y),
        c.hip_y + b.f_thigh * (c.knee_y - c.hip_y),
        c.shoulder_y + b.f_trunk * (c.hip_y - c.shoulder_y),
        c.head_y,
        c.shoulder_y + b.f_upper_arm * (c.elbow_y - c.shoulder_y),
        c.elbow_y + b.f_forearm * (c.wrist_y - c.elbow_y),
        c.wrist_y + hand * c.forearm_y,
    )
    return xs, ys


@inline
def wrap(angle):
    """An angle (rad) wrapped to [-pi, pi)."""
    return np.mod(angle + np.pi, 2.0 * np.pi) - np.pi


@kernel
def segment_angles(b, c):
    """Segment axis directions (rad, counter-clockwise from +x, wrapped), in the order of
    :data:`biomech.conventions.SEGMENTS`: the foot flat, the head along the trunk, the hand
    along the forearm."""
    trunk = np.arctan2(c.trunk_y, c.trunk_x)
    forearm = np.arctan2(c.forearm_y, c.forearm_x)
    return (
        0.0 * c.knee_x,
        np.arctan2(c.knee_y - b.ankle_height, c.knee_x),
        np.arctan2(c.hip_y - c.knee_y, c.hip_x - c.knee_x),
        trunk,
        trunk,
        np.arctan2(c.elbow_y - c.shoulder_y, c.elbow_x - c.shoulder_x),
        forearm,
        forearm,
    )


@inline
def hip_flexion(c):
    """Hip flexion (rad, in (-pi, pi]): the thigh's direction (knee to hip) minus the trunk's,
    from their cross and dot products."""
    tx, ty = c.hip_x - c.knee_x, c.hip_y - c.knee_y
    return np.arctan2(ty * c.trunk_x - tx * c.trunk_y, tx * c.trunk_x + ty * c.trunk_y)
