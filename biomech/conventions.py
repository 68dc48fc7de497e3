"""Frame, units, sign conventions and names: the one source of truth.

Frame
-----
Planar (sagittal) model. ``x`` points horizontally toward the lifter's toes, ``y`` points up,
the origin is on the floor directly below the ankle joint centre. Gravity acts along ``-y``.

Units
-----
SI throughout: metres, kilograms, newtons, newton-metres. Angles are degrees at the public API
and radians inside the core.

Angles
------
Segment angles are measured counter-clockwise from ``+x`` and describe the direction of the
segment axis pointing *up the chain*: foot heel->toe, shank ankle->knee, thigh knee->hip,
trunk hip->shoulder, upper arm shoulder->elbow, forearm elbow->wrist, hand wrist->grip.

Joint angles are anatomical:

* ankle dorsiflexion = 90 deg - shank angle (0 when the shank is perpendicular to the sole,
  positive when the knee is ahead of the ankle);
* knee flexion = thigh angle - shank angle (0 straight, positive flexed);
* hip flexion = thigh angle - trunk angle (0 when thigh and trunk are collinear, positive in
  flexion, negative in hyperextension).

Moments
-------
``net_moment`` is the **net internal joint moment**, signed anatomically: ankle plantarflexion
positive, knee extension positive, hip extension positive. With ``S_j`` the moment about joint
``j`` (counter-clockwise positive) of every external force and segment weight acting on the part
of the body *above* the joint (toward the head, including the bar and the bench), the internal
moment is ``M_j = SIGN[j] * S_j`` with ``SIGN = {ankle: -1, knee: +1, hip: -1}``: the knee flexes
the other way from the ankle and the hip. From the part *below* the joint (toward the floor,
including the ground reaction) the same moment is ``M_j = -SIGN[j] * S_below_j``, because
whole-body equilibrium gives ``S_j + S_below_j = 0``.

Examples
--------
>>> from biomech import conventions
>>> conventions.JOINTS
('ankle', 'knee', 'hip')
>>> conventions.MOMENT_SIGN["knee"]
1
"""

from __future__ import annotations

from typing import Final, Literal

#: Standard acceleration of gravity, m/s^2 (CGPM 1901).
STANDARD_GRAVITY: Final[float] = 9.80665

#: Joints whose net moment the statics reports, from the floor up.
JOINTS: Final[tuple[str, ...]] = ("ankle", "knee", "hip")
JointName = Literal["ankle", "knee", "hip"]

#: ``net_moment = MOMENT_SIGN[joint] * (CCW moment about the joint of all loads above it)``.
MOMENT_SIGN: Final[dict[str, int]] = {"ankle": -1, "knee": 1, "hip": -1}

#: Anatomical name of the positive direction of each joint's net moment.
MOMENT_POSITIVE: Final[dict[str, str]] = {
    "ankle": "plantarflexion",
    "knee": "extension",
    "hip": "extension",
}

#: Anatomical name of each joint angle (positive direction).
ANGLE_NAME: Final[dict[str, str]] = {
    "ankle": "dorsiflexion",
    "knee": "flexion",
    "hip": "flexion",
}

#: Body segments. ``foot``, ``shank``, ``thigh`` and the arm segments are both sides together.
SEGMENTS: Final[tuple[str, ...]] = (
    "foot",
    "shank",
    "thigh",
    "trunk",
    "head",
    "upper_arm",
    "forearm",
    "hand",
)
SegmentName = Literal["foot", "shank", "thigh", "trunk", "head", "upper_arm", "forearm", "hand"]

#: Position of each segment in the chain from the floor: 0 foot, 1 shank, 2 thigh, 3 everything
#: above the hip. A load at level ``k`` is *above* joint ``j`` when ``k > JOINT_LEVEL[j]``.
SEGMENT_LEVEL: Final[dict[str, int]] = {
    "foot": 0,
    "shank": 1,
    "thigh": 2,
    "trunk": 3,
    "head": 3,
    "upper_arm": 3,
    "forearm": 3,
    "hand": 3,
}
JOINT_LEVEL: Final[dict[str, int]] = {"ankle": 0, "knee": 1, "hip": 2}

#: External forces other than segment weights, and the level of the body part they act on.
FORCE_LEVEL: Final[dict[str, int]] = {"bar": 3, "ground": 0, "bench": 3}

#: Named points reported by every exercise (the hip thrust adds ``bench_contact``).
POINTS: Final[tuple[str, ...]] = (
    "heel",
    "toe",
    "midfoot",
    "ankle",
    "knee",
    "hip",
    "shoulder",
    "elbow",
    "wrist",
    "grip",
    "head",
    "bar",
)

AXES: Final[tuple[str, ...]] = ("x", "y")

SIGN_CONVENTION: Final[str] = (
    "net internal joint moments; ankle plantarflexion +, knee extension +, hip extension +; "
    "frame x toward the toes, y up, origin on the floor below the ankle; "
    "angles: ankle dorsiflexion, knee flexion, hip flexion (positive), degrees"
)
