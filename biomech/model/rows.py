"""The model's inputs: a body's lengths, masses and centre-of-mass fractions as one row.

A :class:`BodyRow` holds numbers: arrays that broadcast (numpy; the friendly layer builds it
with :func:`biomech.anthropometry.body_row`), or floats (compiled; :func:`body_from_table`
reads one row of a table). Lengths in metres, masses in kilograms, both sides of the body
together for legs and arms; the frame of :mod:`biomech.conventions` (x toward the toes, the
ankle joint centre above the origin).
"""

from typing import Any, NamedTuple

from ._engine import inline


class BodyRow(NamedTuple):
    """A body, as the model reads it (see :mod:`biomech.anthropometry` for the sources)."""

    shank: Any
    thigh: Any
    trunk: Any
    upper_arm: Any
    forearm: Any
    #: wrist to the bar centre in the gripping hand
    grip: Any
    hand: Any
    foot: Any
    ankle_height: Any
    #: x of the back of the heel and of the toe tip (the ankle is at x = 0)
    heel_x: Any
    toe_x: Any
    #: shoulders to the head's centre of mass, along the trunk axis
    head_above_shoulder: Any
    height: Any
    m_foot: Any
    m_shank: Any
    m_thigh: Any
    m_trunk: Any
    m_head: Any
    m_upper_arm: Any
    m_forearm: Any
    m_hand: Any
    #: centre of mass of each segment, fraction of its length from its origin
    f_foot: Any
    f_shank: Any
    f_thigh: Any
    f_trunk: Any
    f_head: Any
    f_upper_arm: Any
    f_forearm: Any
    f_hand: Any
    #: the trunk above the lumbar joint (:func:`biomech.trunk_parts`): its mass, and the
    #: heights above the hip along the trunk axis of its centre of mass and of the lumbar
    #: joint
    m_trunk_upper: Any
    h_trunk_upper: Any
    h_lumbar: Any


@inline
def body_from_table(r):
    """The :class:`BodyRow` of one row ``r`` of a table whose columns are its fields."""
    return BodyRow(
        r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12],
        r[13], r[14], r[15], r[16], r[17], r[18], r[19], r[20],
        r[21], r[22], r[23], r[24], r[25], r[26], r[27], r[28], r[29], r[30], r[31],
    )  # fmt: skip


@inline
def midfoot_x(b):
    """x of the middle of the foot, halfway from heel to toe."""
    return 0.5 * (b.heel_x + b.toe_x)


@inline
def reach(b):
    """Shoulder to the bar centre in the gripping hand, arm straight."""
    return b.upper_arm + b.forearm + b.grip
