"""Barbell hip thrust: the feet flat and fixed, the upper back rolling over a padded bench edge.

The bench's edge is a cylinder of radius ``R`` (the pad's rounded edge) whose axis is at
``E = (x_e, h - R)``: ``h`` the bench height, ``x_e = -feet_distance`` (the ankle joint centre
is at ``x = 0``). The back is a plane ``back`` behind the trunk axis; it stays tangent to the
edge and rolls on it without slipping. With the trunk (hip to shoulders) at angle ``theta``,
direction ``u = (cos theta, sin theta)`` and normal ``n = (sin theta, -cos theta)`` (out of the
bench, into the back):

* the back touches the edge at ``P = E + R n``;
* the trunk axis passes through ``A = E + (back + R) n``, ``s(theta)`` from the hip along
  ``u``; rolling without slipping moves the contact along the back as far as along the edge,
  ``s(theta) = s_h + R (theta - pi)`` (``s_h``: where the back touches with the trunk
  horizontal), so the hip is ``A - s(theta) u``;
* the knee closes the two-link leg from the ankle to the hip, above the ankle-hip line.

The phase moves ``theta`` linearly from the bottom (``p = 0``, the plates touch the floor) to
lockout (``p = 1``, hip flexion ``-hyperextension``). The bar lies in the crease between thigh
and trunk, ``bar_offset`` from the hip along the crease's bisector. See ``docs/model.md``.
"""

from typing import Any, NamedTuple

import numpy as np

from ._engine import inline, kernel, select
from .geometry import chain, cosine_rule, hanging_arm, shoulders, wrap

#: Default back and bar offsets (``back_offset_m``, ``bar_offset_m``), fraction of stature
#: (about 0.10 m at 1.80 m: soft tissue of the back at the contact, and of the crease plus
#: the bar's radius; modelling estimates).
OFFSET_FRACTION = 0.055
#: Steps of each root search (:func:`root_step`). The Illinois method converges
#: superlinearly: over 20,000 random set-ups (statures 1.5-2.05 m, benches 0.30-0.50 m, feet
#: set or default, -10 to 15 deg of hyperextension) the equations' residuals reach rounding
#: (at most 1.1e-14 rad, 8.6e-16 m) in 10 steps, as 52 halvings of a bisection do; 14 leave a
#: margin.
ROOT_STEPS = 14
#: The trunk angles (rad) the root searches look between: from the trunk vertical (the most
#: upright a back on a bench can be) to 72 deg past horizontal, head down (beyond any
#: lockout).
THETA_UPRIGHT, THETA_HEAD_DOWN = 0.5 * np.pi, 1.4 * np.pi
#: Postures sampled over the rep for its range-of-motion checks (:func:`feasibility`).
ROM_SAMPLES = 17


class Setup(NamedTuple):
    """A hip-thrust set-up, as the postures read it (m, rad, kg)."""

    #: the axis of the bench's rounded edge, and its radius
    edge_x: Any
    edge_y: Any
    edge_radius: Any
    #: the trunk axis's distance from the edge's axis (back offset + edge radius)
    standoff: Any
    #: where the back touches the edge with the trunk horizontal, from the hip along the trunk
    along_level: Any
    bar_offset: Any
    #: hip flexion at lockout; the trunk angle at lockout and at the bottom of the rep
    phi_lock: Any
    theta_lock: Any
    theta_bottom: Any
    plate_radius: Any
    #: x of the centre of pressure, prescribed (0: under the ankle)
    cop_x: Any
    load_kg: Any
    #: friction coefficients of back on bench and of shoe on floor, and the rule choosing the
    #: squeeze between them (:data:`~.statics.LEAST_SQUEEZE` and the others)
    mu_bench: Any
    mu_floor: Any
    rule: Any
    #: what the feasibility checks read: with the default feet, the signs of the lockout
    #: equation at the ends of its bracket (both positive if it has a root); the hip flexion
    #: missed at lockout (rad)
    lockout_bracket: Any
    lockout_miss: Any


@inline
def trunk_at(s, theta):
    """Hip, trunk direction and the bench's contact point with the trunk at angle ``theta``:
    ``(hip_x, hip_y, ux, uy, contact_x, contact_y)``."""
    ux, uy = np.cos(theta), np.sin(theta)
    nx, ny = uy, -ux
    along = s.along_level + s.edge_radius * (theta - np.pi)
    hip_x = s.edge_x + s.standoff * nx - along * ux
    hip_y = s.edge_y + s.standoff * ny - along * uy
    return hip_x, hip_y, ux, uy, s.edge_x + s.edge_radius * nx, s.edge_y + s.edge_radius * ny


@inline
def leg(b, hip_x, hip_y):
    """Knee of the two-link leg from the ankle to the hip, above the ankle-hip line, and the
    ankle-to-hip distance over the leg's length (beyond 1 the leg cannot reach: the knee is
    then straight, pointing at the hip): ``(knee_x, knee_y, reach_ratio)``."""
    vx, vy = hip_x, hip_y - b.ankle_height
    dist = np.sqrt(vx * vx + vy * vy)
    c, sn = cosine_rule(b.shank, dist, b.thigh)
    wx, wy = vx / dist, vy / dist  # the shank: the ankle-to-hip direction turned clockwise
    knee_x = b.shank * (wx * c + wy * sn)
    knee_y = b.ankle_height + b.shank * (wy * c - wx * sn)
    return knee_x, knee_y, dist / (b.shank + b.thigh)


@inline
def chain_at(b, s, theta):
    """The four points of the chain at trunk angle ``theta``: ``(knee_x, knee_y, hip_x,
    hip_y, ux, uy, bar_x, bar_y, contact_x, contact_y, hip_flexion, reach_ratio)``."""
    hip_x, hip_y, ux, uy, px, py = trunk_at(s, theta)
    knee_x, knee_y, ratio = leg(b, hip_x, hip_y)
    tx, ty = hip_x - knee_x, hip_y - knee_y
    tn = np.sqrt(tx * tx + ty * ty)
    tx, ty = tx / tn, ty / tn
    # the crease's bisector halves the angle from the thigh (knee to hip) to the trunk
    mx, my = tx + ux, ty + uy
    mn = np.sqrt(mx * mx + my * my)
    bar_x = hip_x + s.bar_offset * my / mn
    bar_y = hip_y - s.bar_offset * mx / mn
    flexion = np.arctan2(ty * ux - tx * uy, tx * ux + ty * uy)
    return knee_x, knee_y, hip_x, hip_y, ux, uy, bar_x, bar_y, px, py, flexion, ratio


@inline
def _lockout_height_gap(b, s, theta, phi_lock):
    """With the shank vertical at lockout (the default feet): the knee-side hip height minus
    the bench-side one at trunk angle ``theta`` (zero at lockout; it falls as ``theta``
    grows)."""
    along = s.along_level + s.edge_radius * (theta - np.pi)
    bench_side = s.edge_y - s.standoff * np.cos(theta) - along * np.sin(theta)
    return b.ankle_height + b.shank + b.thigh * np.sin(theta + phi_lock) - bench_side


@inline
def _default_edge_x(b, s, theta, phi_lock):
    """The edge's x that puts the hip at lockout over a vertical shank (trunk at ``theta``)."""
    along = s.along_level + s.edge_radius * (theta - np.pi)
    return b.thigh * np.cos(theta + phi_lock) - s.standoff * np.sin(theta) + along * np.cos(theta)


@inline
def root_step(lo, f_lo, hi, f_hi, side, x, f_x):
    """One step of the Illinois method (a regula falsi that halves the stale end's value
    when the same end is kept twice) on a bracket ``[lo, hi]`` whose ends' values have
    opposite signs: ``x`` is the previous step's point (:func:`root_point`), ``f_x`` its
    value. Returns the new ``(lo, f_lo, hi, f_hi, side)``; ``side`` (+1 or -1) is the end
    last replaced."""
    keep_lo = f_x * f_hi > 0.0  # the root lies between lo and x
    keep_hi = f_x * f_lo > 0.0  # between x and hi
    new_lo = select(keep_hi, x, lo)
    new_hi = select(keep_lo, x, hi)
    halve_lo = select(keep_lo, side < 0.0, False)  # lo kept a second time running
    halve_hi = select(keep_hi, side > 0.0, False)
    new_f_lo = select(keep_hi, f_x, select(halve_lo, 0.5 * f_lo, f_lo))
    new_f_hi = select(keep_lo, f_x, select(halve_hi, 0.5 * f_hi, f_hi))
    exact = f_x == 0.0  # the bracket closes on x
    new_side = select(keep_lo, -1.0, select(keep_hi, 1.0, side))
    return (select(exact, x, new_lo), select(exact, 0.0, new_f_lo), select(exact, x, new_hi),
            select(exact, 0.0, new_f_hi), new_side)  # fmt: skip


@inline
def root_point(lo, f_lo, hi, f_hi):
    """Where the chord of ``[lo, hi]`` crosses zero (``lo`` once the bracket has closed)."""
    den = f_lo - f_hi
    return select(den != 0.0, (f_lo * hi - f_hi * lo) / select(den != 0.0, den, 1.0), lo)


@inline
def root_bracket(lo, f_lo, hi, f_hi):
    """The starting bracket of a search: ``[lo, hi]``, or, where the ends' values have the
    same sign (no root inside), ``[lo, lo]``, on which the steps stay put: ``(lo, f_lo, hi,
    f_hi, side)``."""
    no_root = f_lo * f_hi > 0.0
    return lo, f_lo, select(no_root, lo, hi), select(no_root, f_lo, f_hi), 0.0 * lo


@inline
def root_or_end(lo0, f_lo0, hi0, f_hi0, x):
    """The root ``x`` found inside ``[lo0, hi0]``, or, where the ends' values have the same
    sign (no root inside), the end whose value is nearer zero, as a bisection would end."""
    no_root = f_lo0 * f_hi0 > 0.0
    return select(no_root, select(np.abs(f_lo0) < np.abs(f_hi0), lo0, hi0), x)


@inline
def _root_lockout_default(b, s, phi_lock):
    """Trunk angle at lockout with the shank vertical: the root of
    :func:`_lockout_height_gap` between :data:`THETA_UPRIGHT` and :data:`THETA_HEAD_DOWN`."""
    lo = THETA_UPRIGHT + 0.0 * s.edge_y
    hi = THETA_HEAD_DOWN + 0.0 * s.edge_y
    f_lo, f_hi = _lockout_height_gap(b, s, lo, phi_lock), _lockout_height_gap(b, s, hi, phi_lock)
    a, fa, c, fc, side = root_bracket(lo, f_lo, hi, f_hi)
    for _ in range(ROOT_STEPS):  # steps of the search, not postures
        x = root_point(a, fa, c, fc)
        a, fa, c, fc, side = root_step(
            a, fa, c, fc, side, x, _lockout_height_gap(b, s, x, phi_lock)
        )
    return root_or_end(lo, f_lo, hi, f_hi, root_point(a, fa, c, fc))


@inline
def _root_lockout(b, s, phi_lock):
    """Trunk angle at which the hip flexion is ``phi_lock`` (it falls as ``theta`` grows)."""
    lo = THETA_UPRIGHT + 0.0 * s.edge_x
    hi = THETA_HEAD_DOWN + 0.0 * s.edge_x
    f_lo, f_hi = chain_at(b, s, lo)[10] - phi_lock, chain_at(b, s, hi)[10] - phi_lock
    a, fa, c, fc, side = root_bracket(lo, f_lo, hi, f_hi)
    for _ in range(ROOT_STEPS):  # steps of the search, not postures
        x = root_point(a, fa, c, fc)
        a, fa, c, fc, side = root_step(a, fa, c, fc, side, x, chain_at(b, s, x)[10] - phi_lock)
    return root_or_end(lo, f_lo, hi, f_hi, root_point(a, fa, c, fc))


@inline
def _root_bottom(b, s, theta_lock):
    """Trunk angle at which the bar centre is at the plates' radius, between the trunk
    upright and lockout (the bar rises as ``theta`` grows)."""
    lo = THETA_UPRIGHT + 0.0 * theta_lock
    hi = theta_lock + 0.0 * s.edge_x
    f_lo, f_hi = chain_at(b, s, lo)[7] - s.plate_radius, chain_at(b, s, hi)[7] - s.plate_radius
    a, fa, c, fc, side = root_bracket(lo, f_lo, hi, f_hi)
    for _ in range(ROOT_STEPS):  # steps of the search, not postures
        x = root_point(a, fa, c, fc)
        a, fa, c, fc, side = root_step(a, fa, c, fc, side, x, chain_at(b, s, x)[7] - s.plate_radius)
    return root_or_end(lo, f_lo, hi, f_hi, root_point(a, fa, c, fc))


@kernel
def setup(b, load_kg, bench_height, feet_distance, cop_fraction, plate_diameter,
          hyperextension_deg, contact_fraction, back_offset, bar_offset, edge_radius,
          mu_bench, mu_floor, rule):  # fmt: skip
    """The :class:`Setup` of a body ``b`` and the exercise's fields (m, deg; NaN for a field
    left to its default: the feet where the shank is vertical at lockout, the centre of
    pressure under the ankle, offsets 0.055 x stature), the friction coefficients and the
    squeeze rule (:mod:`biomech.model.statics`)."""
    default_offset = OFFSET_FRACTION * b.height
    back = select(np.isnan(back_offset), default_offset, back_offset)
    zero = 0.0 * (b.height + bench_height + edge_radius + back + load_kg + plate_diameter)
    phi_lock = -np.deg2rad(hyperextension_deg) + zero
    s = Setup(zero, bench_height - edge_radius + zero, edge_radius + zero,
              back + edge_radius + zero, contact_fraction * b.trunk + zero,
              select(np.isnan(bar_offset), default_offset, bar_offset) + zero, phi_lock, zero,
              zero, 0.5 * plate_diameter + zero,
              select(np.isnan(cop_fraction), 0.0, b.heel_x + cop_fraction * b.foot) + zero,
              load_kg + zero, mu_bench + zero, mu_floor + zero, rule + zero, zero,
              zero)  # fmt: skip
    default_feet = np.isnan(feet_distance)
    theta_default = _root_lockout_default(b, s, phi_lock)
    bracket = np.minimum(
        _lockout_height_gap(b, s, THETA_UPRIGHT, phi_lock),
        -_lockout_height_gap(b, s, THETA_HEAD_DOWN, phi_lock),
    )
    edge_x = select(default_feet, _default_edge_x(b, s, theta_default, phi_lock), -feet_distance)
    s = s._replace(edge_x=edge_x, lockout_bracket=select(default_feet, bracket, 1.0 + zero))
    theta_lock = select(default_feet, theta_default, _root_lockout(b, s, phi_lock))
    miss = chain_at(b, s, theta_lock)[10] - phi_lock
    return s._replace(
        theta_lock=theta_lock, theta_bottom=_root_bottom(b, s, theta_lock), lockout_miss=miss
    )


@inline
def phase_to_trunk(s, phase):
    """Trunk angle at ``phase`` (0 bottom, 1 lockout): linear between the two."""
    return s.theta_bottom + (s.theta_lock - s.theta_bottom) * phase


@inline
def posture(b, s, theta):
    """The :class:`~.geometry.Chain` at trunk angle ``theta`` (rad), the bench's contact
    point, the hip flexion and the reach ratio: the arms reach from the shoulders to the bar,
    the elbows pointing away from the floor."""
    knee_x, knee_y, hip_x, hip_y, ux, uy, bar_x, bar_y, px, py, flexion, ratio = chain_at(
        b, s, theta
    )
    shoulder_x, shoulder_y = shoulders(b, hip_x, hip_y, ux, uy)
    arm = hanging_arm(b, shoulder_x, shoulder_y, bar_x, bar_y)
    c = chain(b, knee_x, knee_y, hip_x, hip_y, ux, uy, bar_x, bar_y, arm)
    return c, px, py, flexion, ratio


@inline
def contact_point(s, c):
    """Where the back touches the bench's edge in posture ``c``: ``E + R n``."""
    return s.edge_x + s.edge_radius * c.trunk_y, s.edge_y - s.edge_radius * c.trunk_x


@inline
def back_normal(c):
    """Unit normal of the back at the bench, pointing out of the bench into the back (the
    trunk axis turned clockwise: the chest's side)."""
    return c.trunk_y, -c.trunk_x


class Feasibility(NamedTuple):
    """What decides whether the body can perform a hip-thrust set-up (m and deg unless said):
    each margin must be positive for the set-up to be feasible."""

    #: with the default feet, the lockout equation has a root (the bench is neither too high
    #: nor too low for the legs)
    lockout_bracket: Any
    #: the same equation at the upright end of its bracket (not positive: the bench is too
    #: high)
    bench_low_enough: Any
    #: how far the heels are in front of the bench edge
    heels_before_edge: Any
    #: the hip flexion missed at lockout (rad; 0 where the set feet allow lockout)
    lockout_miss: Any
    #: the bar centre above the plates' radius at lockout
    bar_above_plates_at_lockout: Any
    #: the bar centre below the plates' radius with the trunk upright
    bar_below_plates_upright: Any
    #: extremes over the rep: the largest reach ratio (at most 1), knee flexion, hip flexion,
    #: ankle dorsiflexion and plantarflexion, and the lowest hip height over the back offset
    max_reach_ratio: Any
    max_knee_flexion: Any
    max_hip_flexion: Any
    max_dorsiflexion: Any
    max_plantarflexion: Any
    min_hip_clearance: Any


@kernel
def feasibility(b, s):
    """The :class:`Feasibility` of set-up ``s`` for body ``b``; its extremes over the rep from
    :data:`ROM_SAMPLES` postures evenly spaced in phase."""
    zero = 0.0 * s.edge_x
    reach, knee, hip, dorsi, plantar, clearance = (
        zero,
        zero - 9.0,
        zero - 9.0,
        zero - 9.0,
        zero - 9.0,
        zero + 9.0,
    )
    for k in range(ROM_SAMPLES):  # a fixed few postures, not the rep's samples
        c = chain_at(b, s, phase_to_trunk(s, k / (ROM_SAMPLES - 1.0)))
        knee_x, knee_y, hip_x, hip_y = c[0], c[1], c[2], c[3]
        shank = np.arctan2(knee_y - b.ankle_height, knee_x)
        ankle = np.rad2deg(0.5 * np.pi - shank)
        flexion = np.rad2deg(wrap(np.arctan2(hip_y - knee_y, hip_x - knee_x) - shank))
        reach = np.maximum(reach, c[11])
        knee = np.maximum(knee, flexion)
        hip = np.maximum(hip, np.rad2deg(c[10]))
        dorsi, plantar = np.maximum(dorsi, ankle), np.maximum(plantar, -ankle)
        clearance = np.minimum(clearance, hip_y - (s.standoff - s.edge_radius))
    lock = chain_at(b, s, s.theta_lock)
    upright = chain_at(b, s, THETA_UPRIGHT + zero)
    return Feasibility(
        s.lockout_bracket,
        _lockout_height_gap(b, s, THETA_UPRIGHT, s.phi_lock),
        b.heel_x - s.edge_x,
        np.abs(s.lockout_miss),
        lock[7] - s.plate_radius,
        s.plate_radius - upright[7],
        reach,
        knee,
        hip,
        dorsi,
        plantar,
        clearance,
    )


@inline
def setup_from_table(r):
    """The :class:`Setup` of one row ``r`` of a table whose columns are its fields."""
    return Setup(
        r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13],
        r[14], r[15], r[16],
    )  # fmt: skip
