"""Barbell hip thrust: a four-bar chain foot-shank-thigh-trunk pivoting on a bench edge.

With the ankle and the bench contact fixed, ankle-knee-hip-contact is a four-bar linkage
with one degree of freedom, the hip flexion ``phi``: the thigh and the hip-to-contact line
(fixed in the trunk) form the side ``Q = L_thigh + r_c exp(-i (phi - gamma_c))`` of the
triangle ankle-knee-contact, whose other sides are the shank and the ankle-to-contact line.
The bar lies in the crease between thigh and trunk, ``bar_offset`` from the hip along the
bisector of the crease. See ``docs/model.md`` for the figure.
"""

from typing import Any, NamedTuple

import numpy as np

from ._engine import inline, kernel, select
from .geometry import MAX_HIP_FLEXION_DEG, chain, cosine_rule, hanging_arm, shoulders

#: Default back and bar offsets (``back_offset_m``, ``bar_offset_m``), fraction of stature
#: (about 0.10 m at 1.80 m: soft tissue of the back at the contact, and of the crease plus
#: the bar's radius; modelling estimates).
OFFSET_FRACTION = 0.055
#: Halvings of the bisection for the bottom of the rep (the bracket to 1e-15 of its width).
BISECTION_STEPS = 50


class Setup(NamedTuple):
    """A hip-thrust set-up, as the postures read it (m, rad, kg)."""

    #: the bench contact on the back (the bench edge)
    contact_x: Any
    contact_y: Any
    #: the contact in the trunk frame: distance from the hip and angle from the trunk axis
    r_c: Any
    cos_gamma: Any
    sin_gamma: Any
    #: distance from the ankle to the contact
    ankle_to_contact: Any
    bar_offset: Any
    #: hip flexion at lockout, and the largest the chain (or the hip) allows
    phi_lock: Any
    phi_hi: Any
    plate_radius: Any
    #: x of the centre of pressure, prescribed (0: under the ankle)
    cop_x: Any
    load_kg: Any
    #: what the feasibility checks read: the bench height over the chain's length at
    #: lockout with a vertical shank (default feet), the length of Q at lockout and at its
    #: longest
    lockout_rise_ratio: Any
    lockout_chain: Any
    longest_chain: Any


@kernel
def setup(b, load_kg, bench_height, feet_distance, cop_fraction, plate_diameter,
          hyperextension_deg, contact_fraction, back_offset, bar_offset):  # fmt: skip
    """The :class:`Setup` of a body ``b`` and the exercise's fields (m, deg; NaN for a field
    left to its default: the bench at knee height, the feet where the shank is vertical at
    lockout, the centre of pressure under the ankle, offsets 0.055 x stature)."""
    knee_height = b.ankle_height + b.shank
    bench = select(np.isnan(bench_height), knee_height, bench_height)
    default_offset = OFFSET_FRACTION * b.height
    back = select(np.isnan(back_offset), default_offset, back_offset)
    along = contact_fraction * b.trunk
    r_c = np.sqrt(along * along + back * back)
    gamma = np.arctan2(back, along)
    phi_lock = -np.deg2rad(hyperextension_deg)
    # |Q| at lockout, Q = L_thigh + r_c exp(-i (phi - gamma_c))
    q_lock = np.sqrt(
        (b.thigh + r_c * np.cos(gamma - phi_lock)) ** 2 + (r_c * np.sin(gamma - phi_lock)) ** 2
    )
    rise = bench - knee_height
    default_feet = np.isnan(feet_distance)
    contact_x = select(
        default_feet, -np.sqrt(np.maximum(q_lock * q_lock - rise * rise, 0.0)), -feet_distance
    )
    ankle_to_contact = np.sqrt(contact_x**2 + (bench - b.ankle_height) ** 2)
    # four-bar closure needs |L_s - |AC|| <= |Q(phi)| <= L_s + |AC|; beyond phi = gamma_c, |Q|
    # falls as the hip flexes, so the deepest closed posture is where it reaches |L_s - |AC||
    d_min = np.abs(ankle_to_contact - b.shank)
    c_min = (d_min * d_min - b.thigh * b.thigh - r_c * r_c) / (2.0 * b.thigh * r_c)
    phi_geo = np.arccos(np.minimum(np.maximum(c_min, -1.0), 1.0)) + gamma
    return Setup(
        contact_x,
        bench + 0.0 * contact_x,
        r_c,
        np.cos(gamma),
        np.sin(gamma),
        ankle_to_contact,
        select(np.isnan(bar_offset), default_offset, bar_offset),
        phi_lock,
        np.minimum(phi_geo, np.deg2rad(MAX_HIP_FLEXION_DEG)) - 1e-9,
        0.5 * plate_diameter,
        select(np.isnan(cop_fraction), 0.0, b.heel_x + cop_fraction * b.foot),
        load_kg,
        select(default_feet, rise / q_lock, 0.0),
        q_lock,
        # |Q| is largest where thigh and hip-to-contact line are collinear (phi = gamma_c),
        # which every rep passes through (lockout at phi <= 0 <= gamma_c < bottom)
        b.thigh + r_c,
    )


@inline
def chain_half(b, s, ch, sh):
    """Knee, hip, trunk direction and bar of the four-bar at the hip flexion whose half has
    cosine ``ch`` and sine ``sh``: ``(knee_x, knee_y, hip_x, hip_y, trunk_x, trunk_y, bar_x,
    bar_y)``."""
    ex, ey = ch * ch - sh * sh, -2.0 * ch * sh  # exp(-i phi)
    qx = b.thigh + s.r_c * (ex * s.cos_gamma - ey * s.sin_gamma)
    qy = s.r_c * (ex * s.sin_gamma + ey * s.cos_gamma)
    qn = np.sqrt(qx * qx + qy * qy)
    acx, acy = s.contact_x, s.contact_y - b.ankle_height  # ankle -> contact (ankle at x = 0)
    c, sn = cosine_rule(b.shank, s.ankle_to_contact, qn)
    # the shank: the ankle->contact direction turned clockwise by the triangle's angle
    ux, uy = acx / s.ankle_to_contact, acy / s.ankle_to_contact
    knee_x = b.shank * (ux * c + uy * sn)
    knee_y = b.ankle_height + b.shank * (uy * c - ux * sn)
    # the thigh: (contact - knee) / |.| times conj(Q / |Q|)
    dx, dy = s.contact_x - knee_x, s.contact_y - knee_y
    dq = np.sqrt(dx * dx + dy * dy) * qn
    tx, ty = (dx * qx + dy * qy) / dq, (dy * qx - dx * qy) / dq
    hip_x, hip_y = knee_x + b.thigh * tx, knee_y + b.thigh * ty
    # the trunk is the thigh turned by -phi, the crease's bisector the thigh turned by -phi/2
    trunk_x, trunk_y = tx * ex - ty * ey, tx * ey + ty * ex
    mx, my = tx * ch + ty * sh, ty * ch - tx * sh
    bar_x, bar_y = hip_x + s.bar_offset * my, hip_y - s.bar_offset * mx
    return knee_x, knee_y, hip_x, hip_y, trunk_x, trunk_y, bar_x, bar_y


@inline
def bar_height(b, s, phi):
    """Height of the bar centre at hip flexion ``phi`` (m)."""
    return chain_half(b, s, np.cos(0.5 * phi), np.sin(0.5 * phi))[7]


@kernel
def bottom(b, s):
    """Hip flexion (rad) at which the bar centre is at the plates' radius: a bisection
    between lockout and the deepest posture the chain allows. The bracket halves in angle
    and, alongside, in the direction of its half angle (the half-angle unit vector of the
    midpoint is the normalized sum of those of the ends, less than 90 deg apart), so the
    steps need no trigonometry."""
    lo, hi = s.phi_lock + 0.0 * s.phi_hi, s.phi_hi + 0.0 * s.phi_lock
    clo, slo = np.cos(0.5 * lo), np.sin(0.5 * lo)
    chi, shi = np.cos(0.5 * hi), np.sin(0.5 * hi)
    for _ in range(BISECTION_STEPS):  # halvings of the bracket, not postures
        mid = 0.5 * (lo + hi)
        cm, sm = clo + chi, slo + shi
        norm = np.sqrt(cm * cm + sm * sm)
        cm, sm = cm / norm, sm / norm
        above = chain_half(b, s, cm, sm)[7] > s.plate_radius
        lo, clo, slo = select(above, mid, lo), select(above, cm, clo), select(above, sm, slo)
        hi, chi, shi = select(above, hi, mid), select(above, chi, cm), select(above, shi, sm)
    return 0.5 * (lo + hi)


@inline
def posture(b, s, phi):
    """The :class:`~.geometry.Chain` at hip flexion ``phi`` (rad): the arms reach from the
    shoulders to the bar, the elbows pointing away from the floor."""
    knee_x, knee_y, hip_x, hip_y, trunk_x, trunk_y, bar_x, bar_y = chain_half(
        b, s, np.cos(0.5 * phi), np.sin(0.5 * phi)
    )
    shoulder_x, shoulder_y = shoulders(b, hip_x, hip_y, trunk_x, trunk_y)
    arm = hanging_arm(b, shoulder_x, shoulder_y, bar_x, bar_y)
    return chain(b, knee_x, knee_y, hip_x, hip_y, trunk_x, trunk_y, bar_x, bar_y, arm)


@inline
def bench_direction(c, normal):
    """Unit direction of the bench's push on the back: along the trunk's anterior normal
    (``normal``: a frictionless back), or straight up."""
    zero = 0.0 * c.trunk_x
    return select(normal, c.trunk_y, zero), select(normal, -c.trunk_x, zero + 1.0)


@inline
def phase_to_flexion(phi_bottom, phi_lock, phase):
    """Hip flexion at ``phase`` (0 bottom, 1 lockout): linear between the two."""
    return phi_bottom + (phi_lock - phi_bottom) * phase


class Feasibility(NamedTuple):
    """What decides whether the body can perform a hip-thrust set-up (m unless said): each
    must be positive (``rise_ratio``: at most 1 in size) for the set-up to be feasible."""

    #: bench rise over the chain's length at lockout with the shank vertical (default feet)
    rise_ratio: Any
    #: how far the heels are in front of the bench edge
    heels_before_edge: Any
    #: how much longer the chain is at lockout than the legs need to reach it
    lockout_reach: Any
    #: room for thigh and trunk to pass between ankle and contact through hip extension
    passing_room: Any
    #: the bar centre above the plates' radius at lockout
    bar_above_plates_at_lockout: Any
    #: the bar centre below the plates' radius in the deepest posture the chain allows
    bar_below_plates_at_deepest: Any


@kernel
def feasibility(b, s):
    """The :class:`Feasibility` of set-up ``s`` for body ``b``."""
    return Feasibility(
        s.lockout_rise_ratio,
        b.heel_x - s.contact_x,
        s.lockout_chain - (s.ankle_to_contact - b.shank),
        s.ankle_to_contact + b.shank - s.longest_chain,
        bar_height(b, s, s.phi_lock) - s.plate_radius,
        s.plate_radius - bar_height(b, s, s.phi_hi),
    )


@inline
def setup_from_table(r):
    """The :class:`Setup` of one row ``r`` of a table whose columns are its fields."""
    return Setup(
        r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13],
        r[14],
    )  # fmt: skip
