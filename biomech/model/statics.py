"""Equilibrium of a posture: the reactions, the net joint moments, the hip decomposition.

Every load is a force ``(fx, fy)`` (N) at a point ``(x, y)`` (m) on a part of the body, and
a segment may also carry a couple (N m, counter-clockwise): the segment's weight plus, lifted
to a tempo, its d'Alembert force ``-m a`` and couple ``-I alpha``. Segments come in the order
of :data:`biomech.conventions.SEGMENTS`: foot (chain level 0), shank (1), thigh (2), then the
trunk, head, arms and hands (3, everything above the hip). The bar and the bench push on the
part above the hip; the ground on the foot.

Equations (planar, counter-clockwise positive, ``r x F = x F_y - y F_x``):

* the contacts: with the floor alone, ``G = -sum F`` and the centre of pressure from
  ``sum r x F + sum C + x_cop G_y = 0``. With a bench at ``c`` and a known centre of pressure,
  moments about the centre of pressure leave one unknown, the bench's horizontal push ``H``
  (the squeeze between back and feet): ``B = (H, (K + c_y H) / (c_x - x_cop))`` with
  ``K = -(sum r x F + sum C - x_cop sum F_y)``, and ``G = -sum F - B``. Every reaction is
  affine in ``H``, so each friction cone (the bench's about the back's normal ``n``, the
  floor's about vertical: ``|F . t| <= mu F . n``) is an interval of ``H``
  (:func:`squeeze_interval`); a rule picks ``H`` (:func:`squeeze`): the least squeeze the
  cones allow (default), or the vertical and frictionless-back idealisations;
* the net internal moment at joint ``j`` is ``M_j = SIGN_j S_j`` with ``S_j`` the moment about
  the joint centre of the loads above it (:data:`biomech.conventions.MOMENT_SIGN`), and the
  force on the body above the joint from the body below is minus the sum of those loads;
* the lumbar joint cuts the trunk: the loads above it are the trunk's upper part
  (:func:`biomech.trunk_parts`), head, arms and hands, the bar where it rests on them and the
  bench, and ``M_L = -S_L`` as at the hip (:func:`lumbar_loads`);
* a force's contribution to the hip moment is taken from its side of the hip (the hip's sign
  above it, the opposite sign below), so that the contributions on either side each add up
  to the hip moment; its moment arm is the perpendicular distance from the hip centre to its
  line of action.
"""

from typing import Any, NamedTuple

import numpy as np

from ._engine import inline, kernel, select


class Reactions(NamedTuple):
    """The floor's and the bench's push on the body (N) and the centre of pressure (m)."""

    ground_x: Any
    ground_y: Any
    bench_x: Any
    bench_y: Any
    cop_x: Any


class Moments(NamedTuple):
    """Net internal joint moments (N m: ankle plantarflexion +, knee extension +, hip
    extension +) and the net force on the body above each joint from the body below (N)."""

    ankle: Any
    knee: Any
    hip: Any
    ankle_force_x: Any
    ankle_force_y: Any
    knee_force_x: Any
    knee_force_y: Any
    hip_force_x: Any
    hip_force_y: Any


class HipShares(NamedTuple):
    """Each external force's contribution to the hip extension moment (N m) and its moment
    arm about the hip (m); the summed contributions of the segments above and below the hip;
    each segment's contribution (N m) and the horizontal distance from the hip to its centre of
    mass (m), in the order of the segments."""

    bar: Any
    ground: Any
    bench: Any
    bar_arm: Any
    ground_arm: Any
    bench_arm: Any
    above: Any
    below: Any
    segments: Any
    segment_arms: Any


@inline
def _moment(x, y, fx, fy):
    """Counter-clockwise moment of the force ``(fx, fy)`` at ``(x, y)`` about the origin."""
    return x * fy - y * fx


@inline
def _segment_moment(xs, ys, fxs, fys, couples, k, hx, hy):
    """Moment of segment ``k``'s load about ``(hx, hy)``. ``fxs`` and ``couples`` may be
    ``None`` (weights alone: no horizontal force, no couple), which numba prunes at compile
    time, so that the heights of the centres of mass are not even computed."""
    if fxs is None:  # noqa: SIM108 (a statement: numba prunes it when fxs is None)
        m = (xs[k] - hx) * fys[k]
    else:
        m = _moment(xs[k] - hx, ys[k] - hy, fxs[k], fys[k])
    if couples is None:
        return m
    return m + couples[k]


@inline
def _upper_sum(t):
    """Sum over the segments above the hip (trunk, head, arms, hands) of a segment tuple
    (``None``: zero)."""
    if t is None:
        return 0.0
    return t[3] + t[4] + t[5] + t[6] + t[7]


@inline
def _entry(t, k):
    """Segment ``k``'s entry of a segment tuple (``None``: zero)."""
    if t is None:
        return 0.0
    return t[k]


@inline
def _upper_moment(xs, ys, fxs, fys, couples):
    """Moment about the origin of the loads of the segments above the hip."""
    return (
        _segment_moment(xs, ys, fxs, fys, couples, 3, 0.0, 0.0)
        + _segment_moment(xs, ys, fxs, fys, couples, 4, 0.0, 0.0)
        + _segment_moment(xs, ys, fxs, fys, couples, 5, 0.0, 0.0)
        + _segment_moment(xs, ys, fxs, fys, couples, 6, 0.0, 0.0)
        + _segment_moment(xs, ys, fxs, fys, couples, 7, 0.0, 0.0)
    )


@inline
def weights(b, g):
    """The segments' loads under gravity ``g`` (m/s^2) alone: ``(None, fys, None)`` (no
    horizontal force, the weights in N, no couple)."""
    fys = (-g * b.m_foot, -g * b.m_shank, -g * b.m_thigh, -g * b.m_trunk, -g * b.m_head,
           -g * b.m_upper_arm, -g * b.m_forearm, -g * b.m_hand)  # fmt: skip
    return None, fys, None


#: The rules that choose the bench's horizontal push (the contact's last term): the least
#: squeeze both friction cones allow; no squeeze (the bench pushes straight up); or a
#: frictionless back (the bench pushes along the back's normal).
LEAST_SQUEEZE, VERTICAL, NORMAL = 0.0, 1.0, 2.0
#: A bound beyond any force (N), for a cone that admits no squeeze at all.
_UNBOUNDED = 1e300


@inline
def _half_line(p, q, lo, hi):
    """``[lo, hi]`` intersected with the ``H`` where ``p + q H <= 0``."""
    root = -p / select(q == 0.0, 1.0, q)
    lo = select(q < 0.0, np.maximum(lo, root), lo)
    hi = select(q > 0.0, np.minimum(hi, root), hi)
    return select((q == 0.0) & (p > 0.0), _UNBOUNDED, lo), hi


@inline
def squeeze_interval(a, k, fx, fy, nx, ny, mu_bench, mu_floor):
    """The bench's horizontal pushes ``H`` (N) whose reactions lie in both friction cones, as
    ``(lo, hi)`` (empty if ``lo > hi``): the bench's push ``B = (H, a + k H)`` within
    ``mu_bench`` of the back's normal ``(nx, ny)`` (tangent ``t = (-ny, nx)``, along the trunk),
    the floor's ``G = (-fx - H, -fy - a - k H)`` within ``mu_floor`` of vertical. Each cone is
    two half-lines of ``H``, ``|F . t| <= mu F . n`` (so neither contact pulls)."""
    p_n, q_n = ny * a, nx + ny * k  # B . n = p_n + q_n H
    p_t, q_t = nx * a, nx * k - ny  # B . t
    p_g, q_g = -fy - a, -k  # G_y
    lo, hi = -_UNBOUNDED + 0.0 * a, _UNBOUNDED + 0.0 * a
    lo, hi = _half_line(p_t - mu_bench * p_n, q_t - mu_bench * q_n, lo, hi)
    lo, hi = _half_line(-p_t - mu_bench * p_n, -q_t - mu_bench * q_n, lo, hi)
    lo, hi = _half_line(-p_n, -q_n, lo, hi)  # neither pulls (implied above unless mu = 0)
    lo, hi = _half_line(-p_g, -q_g, lo, hi)
    lo, hi = _half_line(-fx - mu_floor * p_g, -1.0 - mu_floor * q_g, lo, hi)
    return _half_line(fx - mu_floor * p_g, 1.0 - mu_floor * q_g, lo, hi)


@inline
def squeeze(a, k, fx, fy, nx, ny, mu_bench, mu_floor, rule):
    """The bench's horizontal push ``H`` (N) the ``rule`` picks (:data:`LEAST_SQUEEZE`: the
    one nearest zero in :func:`squeeze_interval`, or its upper end if the cones admit none;
    :data:`VERTICAL`: zero; :data:`NORMAL`: no push along the back)."""
    lo, hi = squeeze_interval(a, k, fx, fy, nx, ny, mu_bench, mu_floor)
    least = np.minimum(np.maximum(0.0, lo), hi)
    q_t = nx * k - ny
    along_normal = -(nx * a) / select(q_t == 0.0, 1.0, q_t)
    return select(rule == LEAST_SQUEEZE, least, select(rule == VERTICAL, 0.0 * a, along_normal))


@inline
def floor_only(zero):
    """The ``contact`` argument of :func:`reactions` without a bench (its entries unused: the
    centre of pressure is solved), shaped like ``zero``."""
    return (zero, zero, zero, zero + 1.0, zero, zero, zero, zero + VERTICAL)


@kernel
def reactions(xs, ys, fxs, fys, couples, bar, bench, contact):
    """:class:`Reactions` balancing the segment loads (centres of mass ``xs, ys``, forces
    ``fxs, fys``, couples; ``fxs`` and ``couples`` may be ``None``) and the bar's force ``bar =
    (x, y, fx, fy)``. With ``bench``, ``contact = (x, y, nx, ny, cop_x, mu_bench, mu_floor,
    rule)`` is the bench contact, the back's normal there, the centre of pressure, the two
    friction coefficients and the rule of :func:`squeeze`; without, the centre of pressure is
    solved from equilibrium."""
    bar_x, bar_y, bar_fx, bar_fy = bar
    sum_fx = _entry(fxs, 0) + _entry(fxs, 1) + _entry(fxs, 2) + _upper_sum(fxs) + bar_fx
    sum_fy = fys[0] + fys[1] + fys[2] + _upper_sum(fys) + bar_fy
    moment = (
        _segment_moment(xs, ys, fxs, fys, couples, 0, 0.0, 0.0)
        + _segment_moment(xs, ys, fxs, fys, couples, 1, 0.0, 0.0)
        + _segment_moment(xs, ys, fxs, fys, couples, 2, 0.0, 0.0)
        + _upper_moment(xs, ys, fxs, fys, couples)
        + _moment(bar_x, bar_y, bar_fx, bar_fy)
    )
    if bench:  # moments about the centre of pressure: B_y affine in the squeeze H
        cx, cy, nx, ny, cop, mu_bench, mu_floor, rule = contact
        lever = cx - cop
        a, k = -(moment - cop * sum_fy) / lever, cy / lever
        bx = squeeze(a, k, sum_fx, sum_fy, nx, ny, mu_bench, mu_floor, rule)
        by = a + k * bx
        return Reactions(-sum_fx - bx, -sum_fy - by, bx, by, cop + 0.0 * bx)
    zero = 0.0 * sum_fx
    return Reactions(-sum_fx, -sum_fy, zero, zero, moment / sum_fy)


@inline
def bench_push(r, contact):
    """The bench's push along the back's normal and along the back (N)."""
    nx, ny = contact[2], contact[3]
    return nx * r.bench_x + ny * r.bench_y, nx * r.bench_y - ny * r.bench_x


@inline
def friction_required(r, contact):
    """The friction coefficient each contact needs, ``(ground, bench)``: tangential over
    normal force (the floor's normal is vertical; 0 where a contact carries nothing; where a
    contact would pull, the tangential force over 1 N: the callers refuse it)."""
    normal, along = bench_push(r, contact)
    ground = np.abs(r.ground_x) / select(r.ground_y > 0.0, r.ground_y, 1.0)
    return ground, np.abs(along) / select(normal > 0.0, normal, 1.0)


@inline
def bench_direction(r, contact):
    """Unit direction of the bench's push (the back's normal where it pushes not at all)."""
    size = np.sqrt(r.bench_x * r.bench_x + r.bench_y * r.bench_y)
    pushes = size > 0.0
    scale = select(pushes, size, 1.0)
    return select(pushes, r.bench_x / scale, contact[2]), select(
        pushes, r.bench_y / scale, contact[3]
    )


@kernel
def net_moments(joints, xs, ys, fxs, fys, couples, bar, contact, r):
    """:class:`Moments` about the joint centres ``joints = (ankle_x, ankle_y, knee_x, knee_y,
    hip_x, hip_y)`` under the loads of :func:`reactions` and its result ``r``: from the loads
    above each joint."""
    ankle_x, ankle_y, knee_x, knee_y, hip_x, hip_y = joints
    bar_x, bar_y, bar_fx, bar_fy = bar
    cx, cy = contact[0], contact[1]
    # per chain level (1 shank, 2 thigh, 3 above the hip): the sum of the forces and of
    # their moments about the origin
    f1x, f1y = _entry(fxs, 1), fys[1]
    m1 = _segment_moment(xs, ys, fxs, fys, couples, 1, 0.0, 0.0)
    f2x, f2y = _entry(fxs, 2), fys[2]
    m2 = _segment_moment(xs, ys, fxs, fys, couples, 2, 0.0, 0.0)
    f3x = _upper_sum(fxs) + bar_fx + r.bench_x
    f3y = _upper_sum(fys) + bar_fy + r.bench_y
    m3 = (
        _upper_moment(xs, ys, fxs, fys, couples)
        + _moment(bar_x, bar_y, bar_fx, bar_fy)
        + _moment(cx, cy, r.bench_x, r.bench_y)
    )
    above_hip = (f3x, f3y, m3)
    above_knee = (f2x + f3x, f2y + f3y, m2 + m3)
    above_ankle = (f1x + f2x + f3x, f1y + f2y + f3y, m1 + m2 + m3)
    s_ankle = above_ankle[2] - _moment(ankle_x, ankle_y, above_ankle[0], above_ankle[1])
    s_knee = above_knee[2] - _moment(knee_x, knee_y, above_knee[0], above_knee[1])
    s_hip = above_hip[2] - _moment(hip_x, hip_y, above_hip[0], above_hip[1])
    return Moments(
        -s_ankle,
        s_knee,
        -s_hip,
        -above_ankle[0],
        -above_ankle[1],
        -above_knee[0],
        -above_knee[1],
        -above_hip[0],
        -above_hip[1],
    )


@kernel
def lumbar_loads(lumbar, upper, xs, ys, fxs, fys, couples, bar, bar_above, contact, r):
    """The net internal moment at the lumbar joint ``lumbar = (x, y)`` (extension +) and the
    force on the body above it from the body below (N), from the loads above the joint: the
    trunk's upper part, ``upper = (x, y, fx, fy, couple)`` (its centre of mass, the force on
    it and its couple), the head, arms and hands (segments 4-7), the bar where it rests on
    them (``bar_above`` 1; 0 where it rests on the pelvis) and the bench's push on the back:
    ``M_L = -S_L``, ``S_L`` their moment about the joint, as at the hip."""
    lx, ly = lumbar
    ux, uy, ufx, ufy, ucouple = upper
    bar_x, bar_y, bar_fx, bar_fy = bar
    cx, cy = contact[0], contact[1]
    fx = (_entry(fxs, 4) + _entry(fxs, 5) + _entry(fxs, 6) + _entry(fxs, 7) + ufx
          + bar_above * bar_fx + r.bench_x)  # fmt: skip
    fy = fys[4] + fys[5] + fys[6] + fys[7] + ufy + bar_above * bar_fy + r.bench_y
    s = (
        _segment_moment(xs, ys, fxs, fys, couples, 4, lx, ly)
        + _segment_moment(xs, ys, fxs, fys, couples, 5, lx, ly)
        + _segment_moment(xs, ys, fxs, fys, couples, 6, lx, ly)
        + _segment_moment(xs, ys, fxs, fys, couples, 7, lx, ly)
        + _moment(ux - lx, uy - ly, ufx, ufy)
        + ucouple
        + bar_above * _moment(bar_x - lx, bar_y - ly, bar_fx, bar_fy)
        + _moment(cx - lx, cy - ly, r.bench_x, r.bench_y)
    )
    return -s, -fx, -fy


@kernel
def hip_shares(hip, xs, ys, fxs, fys, couples, bar, bar_direction, contact, r):
    """:class:`HipShares` about the hip centre ``hip = (x, y)`` under the loads of
    :func:`reactions` and its result ``r``; ``bar_direction`` is the unit direction of the
    bar's push (its moment arm is defined even when it pushes with no force)."""
    hx, hy = hip
    bar_x, bar_y, bar_fx, bar_fy = bar
    cx, cy = contact[0], contact[1]
    ux, uy = bench_direction(r, contact)
    # above the hip the hip's sign (-1), below it the opposite
    c_bar = -_moment(bar_x - hx, bar_y - hy, bar_fx, bar_fy)
    c_bench = -_moment(cx - hx, cy - hy, r.bench_x, r.bench_y)
    c_ground = _moment(r.cop_x - hx, 0.0 - hy, r.ground_x, r.ground_y)
    ground = np.sqrt(r.ground_x * r.ground_x + r.ground_y * r.ground_y)
    # the segments below the hip count with the opposite sign of those above
    shares = (
        _segment_moment(xs, ys, fxs, fys, couples, 0, hx, hy),
        _segment_moment(xs, ys, fxs, fys, couples, 1, hx, hy),
        _segment_moment(xs, ys, fxs, fys, couples, 2, hx, hy),
        -_segment_moment(xs, ys, fxs, fys, couples, 3, hx, hy),
        -_segment_moment(xs, ys, fxs, fys, couples, 4, hx, hy),
        -_segment_moment(xs, ys, fxs, fys, couples, 5, hx, hy),
        -_segment_moment(xs, ys, fxs, fys, couples, 6, hx, hy),
        -_segment_moment(xs, ys, fxs, fys, couples, 7, hx, hy),
    )
    arms = (
        np.abs(xs[0] - hx), np.abs(xs[1] - hx), np.abs(xs[2] - hx), np.abs(xs[3] - hx),
        np.abs(xs[4] - hx), np.abs(xs[5] - hx), np.abs(xs[6] - hx), np.abs(xs[7] - hx),
    )  # fmt: skip
    return HipShares(
        c_bar,
        c_ground,
        c_bench,
        np.abs(_moment(bar_x - hx, bar_y - hy, bar_direction[0], bar_direction[1])),
        np.abs(c_ground) / select(ground > 0.0, ground, 1.0),
        np.abs(_moment(cx - hx, cy - hy, ux, uy)),
        shares[3] + shares[4] + shares[5] + shares[6] + shares[7],
        shares[0] + shares[1] + shares[2],
        shares,
        arms,
    )
