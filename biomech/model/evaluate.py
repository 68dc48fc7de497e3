"""What the summary engines evaluate of one posture, for each lift: the posture, its loads,
the statics and the values :func:`.reduce.summary` reads (:class:`.reduce.PostureValues`).

numpy calls these with a phase axis and arrays of set-ups that broadcast against it; the
compiled loops of ``drive`` call them once per posture.
"""

from . import hip_thrust, pull, standing
from ._engine import inline
from .geometry import centres_of_mass, hip_flexion
from .reduce import posture_values
from .statics import floor_only, hip_shares, net_moments, reactions, weights

#: The bar pushes straight down when held still.
DOWN = (0.0, -1.0)


@inline
def _values(b, c, g, load_kg, bench, contact, flexion, reach_ratio):
    """Statics of the posture ``c`` (its hip flexion ``flexion``, rad) under the weights and
    the bar's, and its values."""
    xs, ys = centres_of_mass(b, c)
    fxs, fys, couples = weights(b, g)
    zero = 0.0 * c.bar_x
    bar = (c.bar_x, c.bar_y, zero, zero - g * load_kg)
    r = reactions(xs, ys, fxs, fys, couples, bar, bench, contact)
    joints = (zero, b.ankle_height, c.knee_x, c.knee_y, c.hip_x, c.hip_y)
    m = net_moments(joints, xs, ys, fxs, fys, couples, bar, contact, r)
    h = hip_shares((c.hip_x, c.hip_y), xs, ys, fxs, fys, couples, bar, DOWN, contact, r)
    return posture_values(m, h, r, contact, flexion, reach_ratio)


@inline
def hip_thrust_values(b, s, phase, g):
    """The hip thrust's values at ``phase`` (set-up ``s``)."""
    c, px, py, flexion, ratio = hip_thrust.posture(b, s, hip_thrust.phase_to_trunk(s, phase))
    nx, ny = hip_thrust.back_normal(c)
    contact = (px, py, nx, ny, s.cop_x, s.mu_bench, s.mu_floor, s.rule)
    return _values(b, c, g, s.load_kg, True, contact, flexion, ratio)


@inline
def squat_values(b, s, phase, g):
    """The squat's values at ``phase`` (set-up ``s``, :class:`.standing.Setup`)."""
    c, ratio = standing.squat_posture(b, s, phase)
    contact = floor_only(0.0 * c.bar_x)
    return _values(b, c, g, s.load_kg, False, contact, hip_flexion(c), ratio)


@inline
def deadlift_values(b, s, phase, g):
    """The deadlift's values at ``phase`` (set-up ``s``, :class:`.pull.Pull`)."""
    c, ratio = pull.pull_posture(b, s, phase)
    contact = floor_only(0.0 * c.bar_x)
    return _values(b, c, g, s.load_kg, False, contact, hip_flexion(c), ratio)


#: The ``lift`` argument of :func:`standing_values`.
SQUAT, DEADLIFT = 1, 2


@inline
def standing_values(b, row, phase, g, lift):
    """The squat's (``lift`` = :data:`SQUAT`) or deadlift's values at ``phase``, its set-up
    read from the table row ``row`` (the two set-ups differ, their values do not)."""
    if lift == SQUAT:
        return squat_values(b, standing.setup_from_table(row), phase, g)
    return deadlift_values(b, pull.pull_from_table(row), phase, g)


@inline
def store(buffer, j, v):
    """Posture ``j``'s values ``v`` into column ``j`` of a (values, n) buffer."""
    buffer[0, j], buffer[1, j], buffer[2, j], buffer[3, j] = v[0], v[1], v[2], v[3]
    buffer[4, j], buffer[5, j], buffer[6, j], buffer[7, j] = v[4], v[5], v[6], v[7]
    buffer[8, j], buffer[9, j], buffer[10, j] = v[8], v[9], v[10]
    buffer[11, j], buffer[12, j], buffer[13, j], buffer[14, j] = v[11], v[12], v[13], v[14]
    buffer[15, j], buffer[16, j] = v[15], v[16]
