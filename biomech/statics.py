"""Quasi-static equilibrium: reactions, net joint moments, moment arms (the cranky core).

Every load is a force ``F`` (complex, N) applied at a point ``r`` (complex, m) on the part of
the body at chain level ``level`` (0 foot, 1 shank, 2 thigh, 3 everything above the hip; see
:mod:`biomech.conventions`). Loads are stacked along the last axis; every other axis broadcasts.

Equations (planar, counter-clockwise positive, ``r x F = r_x F_y - r_y F_x``):

* whole body: ``sum F = 0`` and ``sum r x F + sum C = 0`` over all loads, reactions included
  (``C`` are pure couples: zero in statics, the d'Alembert couples ``-I alpha`` of
  :mod:`biomech.dynamics` otherwise);
* the moment of the loads above joint ``j`` about the joint centre ``r_j`` is
  ``S_j = sum_{level > level_j} [(r - r_j) x F + C]``, and the net internal moment, signed
  anatomically, is ``M_j = SIGN_j * S_j`` (``SIGN`` = -1 ankle, +1 knee, -1 hip);
* the moment arm of a force about the hip is the perpendicular distance from the hip centre to
  its line of action, ``|(r - r_hip) x u|`` with ``u`` the unit direction of the force.

Examples
--------
A 10 kg horizontal rod of length 1 m held at one end needs m g L / 2 at that end:

>>> import numpy as np
>>> r = np.array([0.5 + 0j])           # centre of mass of the rod, 0.5 m from the joint
>>> F = np.array([-10 * 9.80665j])     # its weight
>>> float(moment_about(r, F, 0j))      # CCW moment of the weight about the joint, N m
-49.03325
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .conventions import FORCE_LEVEL, JOINT_LEVEL, JOINTS, MOMENT_SIGN, SEGMENT_LEVEL, SEGMENTS
from .exercises._base import Pose
from .kinematics import cross

__all__ = [
    "InertialLoads",
    "Statics",
    "floor_and_bench_reactions",
    "floor_reaction",
    "moment_about",
    "moment_arm",
    "net_joint_moments",
    "net_moments_fast",
    "solve_pose",
    "summary_statics",
]


def moment_about(r, F, point):
    """Counter-clockwise moment of forces ``F`` at ``r`` about ``point``, summed over the last
    axis (N m).

    Examples
    --------
    >>> float(moment_about(np.array([1 + 0j, -1 + 0j]), np.array([-10j, -10j]), 0j))
    0.0
    """
    return np.sum(cross(r - np.asarray(point)[..., None], F), axis=-1)


def floor_reaction(r, F, couple=None):
    """Ground reaction balancing loads ``F`` at ``r`` when the floor is the only support.

    Returns ``(G, cop_x)``: the force on the feet (complex, N) and the x of the centre of
    pressure on the floor (m), from ``sum F + G = 0`` and ``sum r x F + sum C + cop x G = 0``
    with the centre of pressure at height 0. ``couple`` (N m, CCW, summed over the last axis)
    is optional.

    Examples
    --------
    Two weights, 600 N at x = 0 and 200 N at x = 0.4 m: the floor pushes up 800 N at x = 0.1 m.

    >>> G, cop = floor_reaction(np.array([0j + 1.0j, 0.4 + 1.0j]), np.array([-600j, -200j]))
    >>> float(G.real) + 0.0, float(G.imag), round(float(cop), 12)
    (0.0, 800.0, 0.1)
    """
    G = -np.sum(F, axis=-1)
    moment = np.sum(cross(r, F), axis=-1)
    if couple is not None:
        moment = moment + np.sum(couple, axis=-1)
    cop_x = -moment / G.imag
    return G, cop_x


def floor_and_bench_reactions(r, F, bench_point, bench_direction, cop_x, couple=None):
    """Ground and bench reactions when the centre of pressure and the bench force's direction
    are given (the two assumptions that make the hip thrust statically determinate).

    With ``B = b u`` at ``bench_point`` and ``G`` at ``(cop_x, 0)``, moments about the centre of
    pressure give ``b = -[sum (r - cop) x F + sum C] / ((bench_point - cop) x u)``, then
    ``G = -sum F - B``. ``couple`` (N m, CCW, summed over the last axis) is optional.

    Returns ``(G, B)``, complex, N.

    Examples
    --------
    A 1000 N load 0.25 m in front of a bench edge at x = -0.5, feet pressing at x = 0.5: the
    bench takes three quarters, the floor one quarter (lever rule).

    >>> G, B = floor_and_bench_reactions(np.array([-0.25 + 0.5j]), np.array([-1000j]),
    ...                                  -0.5 + 0.4j, 1j, 0.5)
    >>> round(complex(B).imag, 9), round(complex(G).imag, 9)
    (750.0, 250.0)
    """
    cop = cop_x + 0j
    moment = moment_about(r, F, cop)
    if couple is not None:
        moment = moment + np.sum(couple, axis=-1)
    b = -moment / cross(bench_point - cop, bench_direction)
    B = b * bench_direction
    G = -np.sum(F, axis=-1) - B
    return G, B


def net_joint_moments(r, F, level, joint_point, joint_level, sign, couple=None):
    """Net internal joint moments from the loads above each joint.

    Parameters
    ----------
    r, F : complex ndarray, shape (..., I)
        Load points and forces (reactions included).
    level : int ndarray, shape (I,)
        Chain level of the body part each load acts on.
    joint_point : complex ndarray, shape (..., J)
        Joint centres.
    joint_level : int ndarray, shape (J,)
        A load is above joint ``j`` when ``level > joint_level[j]``.
    sign : ndarray, shape (J,)
        Anatomical sign of each joint (see :data:`biomech.conventions.MOMENT_SIGN`).
    couple : ndarray, shape (..., I), optional
        A pure couple (N m, CCW) on the body part of each load, added to its moment.

    Returns
    -------
    ndarray, shape (..., J)
        Net internal moments, N m, anatomical sign.

    Examples
    --------
    A 100 N weight 0.3 m in front of a joint at the origin, on the body part above it (level 1
    above a joint at level 0); with the hip's sign (-1) the internal moment is extension +30:

    >>> float(net_joint_moments(np.array([0.3 + 1j]), np.array([-100j]), np.array([1]),
    ...                         np.array([0j]), np.array([0]), np.array([-1.0]))[0])
    30.0
    """
    above = (np.asarray(level)[None, :] > np.asarray(joint_level)[:, None]).astype(float)
    moment = cross(r, F) if couple is None else cross(r, F) + couple
    s_origin = np.einsum("...i,ji->...j", moment, above)
    f_above = np.einsum("...i,ji->...j", F, above)
    s_joint = s_origin - cross(joint_point, f_above)
    return np.asarray(sign) * s_joint


def moment_arm(r, direction, point):
    """Perpendicular distance (m) from ``point`` to the line through ``r`` along ``direction``.

    Examples
    --------
    >>> float(moment_arm(0.3 + 1j, -1j, 0j))  # a vertical line 0.3 m in front of the point
    0.3
    """
    u = direction / np.abs(direction)
    return np.abs(cross(r - point, u))


@dataclass(frozen=True, slots=True)
class InertialLoads:
    """d'Alembert loads of an accelerating posture, added to the weights by :func:`solve_pose`.

    Attributes
    ----------
    segment_force : complex ndarray, shape (..., S)
        ``-m_s a_s`` at each segment's centre of mass (N), segments in the order of
        :data:`~biomech.conventions.SEGMENTS`.
    segment_couple : ndarray, shape (..., S)
        ``-I_s alpha_s`` on each segment (N m, counter-clockwise), ``I_s`` its moment of
        inertia about its centre of mass.
    bar_acceleration : complex ndarray, shape (...)
        ``a_bar``, m/s^2: the bar is a particle (its sleeves and plates turn freely on the
        shaft, so the plates' rotation is not driven by the lifter) pushing on the body with
        ``m_bar (g - a_bar)``.

    Examples
    --------
    A squat posture held still, then the same posture with the whole body and bar accelerating
    upward at ``a``: the ground pushes harder by ``(m_body + m_bar) a``.

    >>> import biomech
    >>> body = biomech.Body.default()
    >>> pose = biomech.Squat()._pose(body, np.array([0.5]))
    >>> m = np.array([body.segment_mass(s) for s in SEGMENTS])
    >>> up = InertialLoads(-2.0j * m[None, :], np.zeros((1, 8)), np.array([2.0j]))
    >>> still = solve_pose(pose, m, np.array([100.0]), 9.80665)
    >>> moving = solve_pose(pose, m, np.array([100.0]), 9.80665, up)
    >>> ground = still.forces.index("ground")
    >>> extra = moving.force_vector[..., ground] - still.force_vector[..., ground]
    >>> bool(abs(extra.imag[0] - 2.0 * (m.sum() + 100.0)) < 1e-9)
    True
    """

    segment_force: np.ndarray
    segment_couple: np.ndarray
    bar_acceleration: np.ndarray


@dataclass(frozen=True, slots=True)
class Statics:
    """Everything :func:`solve_pose` computes, as core arrays (complex vectors, N and m).

    Shapes: ``(..., n)`` per sample, with a trailing axis of the forces (``forces``), the
    joints (:data:`~biomech.conventions.JOINTS`) or the segments
    (:data:`~biomech.conventions.SEGMENTS`) where named.

    Examples
    --------
    >>> import biomech
    >>> body = biomech.Body.default()
    >>> pose = biomech.HipThrust()._pose(body, np.array([0.0, 1.0]))
    >>> masses = np.array([body.segment_mass(s) for s in SEGMENTS])
    >>> solve_pose(pose, masses, np.array([0.0]), 9.80665).forces
    ('bar', 'ground', 'bench')
    """

    forces: tuple[str, ...]
    segment_com: np.ndarray
    force_point: np.ndarray
    force_vector: np.ndarray
    force_direction: np.ndarray
    center_of_pressure: np.ndarray
    net_moment: np.ndarray
    joint_force: np.ndarray
    hip_moment_arm: np.ndarray
    hip_moment_contribution: np.ndarray
    segment_hip_moment_arm: np.ndarray
    segment_hip_moment_contribution: np.ndarray


def solve_pose(
    pose: Pose, segment_mass, load_kg, g, inertial: InertialLoads | None = None
) -> Statics:
    """Reactions, net joint moments and the hip decomposition of a posture.

    Parameters
    ----------
    pose : Pose
        Postures of shape ``(..., n)``.
    segment_mass : ndarray, shape (..., S)
        Segment masses (kg) in the order of :data:`~biomech.conventions.SEGMENTS`.
    load_kg : ndarray, shape (..., 1)
        Barbell mass, kg.
    g : float
        m/s^2.
    inertial : InertialLoads, optional
        d'Alembert loads (inverse dynamics): each segment's ``-m a`` joins its weight, its
        ``-I alpha`` couple acts on its body part, and the bar pushes with ``m (g - a)``
        instead of its weight (along ``g - a``, whatever its mass). ``None`` (default):
        statics.

    Returns
    -------
    Statics
        The bar's weight acts at ``pose.points["bar"]`` on the part above the hip. With no
        bench the floor is the only support (:func:`floor_reaction`); with a bench the centre
        of pressure and the bench force's direction come from the pose
        (:func:`floor_and_bench_reactions`).

    Examples
    --------
    >>> import biomech
    >>> body = biomech.Body.default()
    >>> pose = biomech.Squat()._pose(body, np.linspace(0, 1, 3))
    >>> masses = np.array([body.segment_mass(s) for s in SEGMENTS])
    >>> st = solve_pose(pose, masses, np.array([100.0]), 9.80665)
    >>> st.forces, st.net_moment.shape
    (('bar', 'ground'), (3, 3))
    """
    points = pose.points
    shape = np.broadcast_shapes(*(np.shape(v) for v in points.values()))

    def full(v):
        return np.broadcast_to(v, shape)

    seg_com = np.stack([full(pose.segment_com[s]) for s in SEGMENTS], axis=-1)
    seg_F = np.broadcast_to(-1j * g * np.asarray(segment_mass)[..., None, :], seg_com.shape)
    bar_point = full(points["bar"])
    bar_F = full(-1j * g * np.asarray(load_kg) + 0j)
    bar_dir = full(-1j + 0j)
    seg_C = None
    if inertial is not None:
        seg_F = seg_F + inertial.segment_force
        seg_C = np.broadcast_to(inertial.segment_couple, seg_com.shape)
        apparent = full(-1j * g - inertial.bar_acceleration)  # the bar's apparent gravity
        bar_F = np.asarray(load_kg) * apparent
        # its direction is the apparent gravity's, whatever the bar's mass (vertical if the
        # bar were in free fall and pushed not at all)
        bar_dir = np.where(np.abs(apparent) > 0.0, apparent, bar_dir)
    r_known = np.concatenate([seg_com, bar_point[..., None]], axis=-1)
    F_known = np.concatenate([seg_F, bar_F[..., None]], axis=-1)

    forces: tuple[str, ...]
    if pose.bench_direction is None:
        G, cop_x = floor_reaction(r_known, F_known, seg_C)
        forces = ("bar", "ground")
        extra_points, extra_forces, extra_dirs = [], [], []
    else:
        cop_x = full(pose.cop_x)
        bench_point, bench_dir = full(points["bench_contact"]), full(pose.bench_direction)
        G, B = floor_and_bench_reactions(r_known, F_known, bench_point, bench_dir, cop_x, seg_C)
        forces = ("bar", "ground", "bench")
        extra_points, extra_forces, extra_dirs = [bench_point], [B], [bench_dir]
    f_point = np.stack([bar_point, cop_x + 0j, *extra_points], axis=-1)
    f_vec = np.stack([bar_F, G, *extra_forces], axis=-1)
    f_dir = np.stack([bar_dir, G, *extra_dirs], axis=-1)

    force_level = np.array([FORCE_LEVEL[f] for f in forces])
    seg_level = np.array([SEGMENT_LEVEL[s] for s in SEGMENTS])
    r_all = np.concatenate([seg_com, f_point], axis=-1)
    F_all = np.concatenate([seg_F, f_vec], axis=-1)
    level_all = np.concatenate([seg_level, force_level])
    joint_point = np.stack([full(points[j]) for j in JOINTS], axis=-1)
    joint_level = np.array([JOINT_LEVEL[j] for j in JOINTS])
    sign = np.array([MOMENT_SIGN[j] for j in JOINTS], dtype=float)
    C_all = None
    if seg_C is not None:
        C_all = np.concatenate([seg_C, np.zeros(seg_C.shape[:-1] + (len(forces),))], axis=-1)
    net_moment = net_joint_moments(r_all, F_all, level_all, joint_point, joint_level, sign, C_all)
    above = (level_all[None, :] > joint_level[:, None]).astype(float)
    # the hip moment split: loads above the hip count with the hip's sign, loads below with
    # the opposite sign (their moment reaches the trunk through the joint)
    hip = full(points["hip"])[..., None]
    s_hip = MOMENT_SIGN["hip"]
    f_side = np.where(force_level > JOINT_LEVEL["hip"], s_hip, -s_hip)
    s_side = np.where(seg_level > JOINT_LEVEL["hip"], s_hip, -s_hip)
    return Statics(
        forces=forces,
        segment_com=seg_com,
        force_point=f_point,
        force_vector=f_vec,
        force_direction=f_dir,
        center_of_pressure=cop_x,
        net_moment=net_moment,
        joint_force=-np.einsum("...i,ji->...j", F_all, above),
        hip_moment_arm=moment_arm(f_point, f_dir, hip),
        hip_moment_contribution=f_side * cross(f_point - hip, f_vec),
        segment_hip_moment_arm=np.abs((seg_com - hip).real),
        segment_hip_moment_contribution=s_side
        * (cross(seg_com - hip, seg_F) + (0.0 if seg_C is None else seg_C)),
    )


def net_moments_fast(pose: Pose, segment_mass, load_kg, g) -> tuple[np.ndarray, np.ndarray]:
    """``(center_of_pressure, net_moment)`` of :func:`solve_pose`, in real arithmetic (see
    :func:`summary_statics`).

    Examples
    --------
    >>> import biomech
    >>> body = biomech.Body.default()
    >>> pose = biomech.HipThrust()._pose(body, np.linspace(0, 1, 5))
    >>> masses = np.array([body.segment_mass(s) for s in SEGMENTS])
    >>> cop, fast = net_moments_fast(pose, masses, np.array([100.0]), 9.80665)
    >>> full = solve_pose(pose, masses, np.array([100.0]), 9.80665).net_moment
    >>> bool(np.allclose(fast, full, rtol=1e-12, atol=1e-9))
    True
    """
    st = summary_statics(pose, segment_mass, load_kg, g)
    return st.center_of_pressure, st.net_moment


@dataclass(frozen=True, slots=True)
class SummaryStatics:
    """What the summary sweeps need of :func:`solve_pose`: centre of pressure ``(..., n)``,
    net moments ``(..., n, J)``, each external force's hip-moment contribution and moment arm
    ``(..., n, F)``, and the summed contributions of the segment weights above and below the
    hip ``(..., n)`` (N m, m)."""

    forces: tuple[str, ...]
    center_of_pressure: np.ndarray
    net_moment: np.ndarray
    hip_moment_contribution: np.ndarray
    hip_moment_arm: np.ndarray
    weight_above_hip_contribution: np.ndarray
    weight_below_hip_contribution: np.ndarray


def summary_statics(pose: Pose, segment_mass, load_kg, g) -> SummaryStatics:
    """The reactions, net moments and hip decomposition of :func:`solve_pose`, in real
    arithmetic: the numpy path of the summary sweeps.

    Every load but the two contacts is a weight, so the moment about joint ``j`` of the loads
    above it is ``-(X - x_j W) + (r_bench - r_j) x B`` with ``W`` and ``X`` the sums of ``w_i``
    and ``w_i x_i`` over the weights above the joint (nested sets: one sum per chain level).
    The tests hold it equal to the general path.

    Examples
    --------
    >>> import biomech
    >>> body = biomech.Body.default()
    >>> pose = biomech.HipThrust()._pose(body, np.linspace(0, 1, 5))
    >>> masses = np.array([body.segment_mass(s) for s in SEGMENTS])
    >>> fast = summary_statics(pose, masses, np.array([100.0]), 9.80665)
    >>> full = solve_pose(pose, masses, np.array([100.0]), 9.80665)
    >>> bool(np.allclose(fast.hip_moment_arm, full.hip_moment_arm, rtol=1e-12))
    True
    """
    points = pose.points
    shape = np.broadcast_shapes(*(np.shape(v) for v in points.values()))
    masses = np.asarray(segment_mass)
    W = [np.zeros(masses.shape[:-1] + (1,)) for _ in range(4)]
    X = [np.zeros(shape) for _ in range(4)]
    hip_x = np.real(points["hip"])
    above_hip = np.zeros(shape)
    below_hip = np.zeros(shape)
    for i, seg in enumerate(SEGMENTS):  # eight segments, each a whole array
        w = g * masses[..., i, None]
        k = SEGMENT_LEVEL[seg]
        x = np.real(pose.segment_com[seg])
        W[k] = W[k] + w
        X[k] = X[k] + w * x
        # contribution of the weight to the hip moment from its side (see solve_pose)
        if k > JOINT_LEVEL["hip"]:
            above_hip = above_hip + (x - hip_x) * w
        else:
            below_hip = below_hip - (x - hip_x) * w
    w_bar = g * np.asarray(load_kg)  # the bar rides on the upper body (level 3)
    bar_x = np.real(points["bar"])
    W[3] = W[3] + w_bar
    X[3] = X[3] + w_bar * bar_x
    w_total = W[0] + W[1] + W[2] + W[3]
    x_total = X[0] + X[1] + X[2] + X[3]
    direction = pose.bench_direction
    if direction is None:
        cop_x = np.broadcast_to(x_total / w_total, shape)
        bench = None
        bx = by = np.zeros(())
    else:
        cop_x = np.broadcast_to(np.asarray(pose.cop_x), shape)
        bench = np.broadcast_to(points["bench_contact"], shape)
        # moments about the centre of pressure: -(X - x_c W) + b (r_bench - cop) x u = 0
        arm = (bench.real - cop_x) * direction.imag - bench.imag * direction.real
        b = (x_total - cop_x * w_total) / arm
        bx, by = b * direction.real, b * direction.imag
    above_w = {"ankle": W[1] + W[2] + W[3], "knee": W[2] + W[3], "hip": W[3]}
    above_x = {"ankle": X[1] + X[2] + X[3], "knee": X[2] + X[3], "hip": X[3]}
    moments = np.empty((*shape, len(JOINTS)))
    for j, joint in enumerate(JOINTS):
        r = points[joint]
        s_above = -(above_x[joint] - np.real(r) * above_w[joint])
        if bench is not None:
            s_above = s_above + (bench.real - np.real(r)) * by - (bench.imag - np.imag(r)) * bx
        moments[..., j] = MOMENT_SIGN[joint] * s_above
    # hip decomposition: bar and bench above the hip (the hip's sign), the ground below
    hip_y = np.imag(points["hip"])
    gx, gy = -bx, w_total - by
    contribution = [(bar_x - hip_x) * w_bar, (cop_x - hip_x) * gy + hip_y * gx]
    arms = [np.abs(bar_x - hip_x), np.abs(contribution[1]) / np.hypot(gx, gy)]
    forces: tuple[str, ...] = ("bar", "ground")
    if bench is not None and direction is not None:
        dx, dy = bench.real - hip_x, bench.imag - hip_y
        contribution.append(-(dx * by - dy * bx))
        arms.append(np.abs(dx * direction.imag - dy * direction.real))
        forces = ("bar", "ground", "bench")
    assert all(FORCE_LEVEL[f] > JOINT_LEVEL["hip"] for f in forces if f != "ground")
    return SummaryStatics(
        forces=forces,
        center_of_pressure=cop_x,
        net_moment=moments,
        hip_moment_contribution=np.stack([np.broadcast_to(c, shape) for c in contribution], -1),
        hip_moment_arm=np.stack([np.broadcast_to(a, shape) for a in arms], -1),
        weight_above_hip_contribution=above_hip,
        weight_below_hip_contribution=below_hip,
    )
