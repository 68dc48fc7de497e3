"""Quasi-static equilibrium of a posture: reactions, net joint moments, moment arms.

The friendly core of :mod:`biomech.model.statics`, where the equations are (once, for both
engines): it hands the model a posture's loads and its contact model
(:class:`~biomech.pose.FloorContact` or :class:`~biomech.pose.BenchContact`) and returns the
results as complex arrays (``x + 1j*y``), stacked over the forces, joints and segments.

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
The default squat held still at mid-rep: the floor carries the body and the bar.

>>> import numpy as np
>>> import biomech
>>> body = biomech.Body.default()
>>> pose = biomech.Squat()._pose(body, np.array([0.5]))
>>> masses = np.array([body.segment_mass(s) for s in SEGMENTS])
>>> st = solve_pose(pose, masses, np.array([100.0]), 9.80665)
>>> round(float(st.force_vector[0, 1].imag), 6) == round((80.0 + 100.0) * 9.80665, 6)
True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .conventions import SEGMENTS
from .model import statics as model
from .pose import Pose

__all__ = ["InertialLoads", "Statics", "solve_pose"]


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
    trunk_upper_force, trunk_upper_couple : ndarray, shape (...), optional
        ``-m_u a_u`` (complex, N) at the centre of mass of the trunk above the lumbar joint and
        ``-I_u alpha_trunk`` (N m) on it, for the lumbar moment. ``None`` (default): the lumbar
        moment is not computed (NaN), since the trunk's own loads do not determine it.

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
    trunk_upper_force: np.ndarray | None = None
    trunk_upper_couple: np.ndarray | None = None


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
    #: the net lumbar moment (extension +, N m) and the force on the body above the lumbar
    #: joint from below (complex, N)
    lumbar_moment: np.ndarray
    lumbar_force: np.ndarray
    hip_moment_arm: np.ndarray
    hip_moment_contribution: np.ndarray
    segment_hip_moment_arm: np.ndarray
    segment_hip_moment_contribution: np.ndarray
    #: the friction coefficient the floor and the bench need (tangential over normal force),
    #: and the bench's push along the back's normal (N; 0 without a bench)
    ground_friction_required: np.ndarray
    bench_friction_required: np.ndarray
    bench_normal_push: np.ndarray


def solve_pose(
    pose: Pose, segment_mass, load_kg, g, inertial: InertialLoads | None = None
) -> Statics:
    """Reactions, net joint moments and the hip decomposition of a posture.

    Parameters
    ----------
    pose : Pose
        Postures of shape ``(..., n)``, with the contact model that supports them.
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
        The bar's weight acts at ``pose.points["bar"]`` on the part above the hip; the
        contacts are the pose's (:mod:`biomech.pose`).

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
    com = [np.broadcast_to(pose.segment_com[s], shape) for s in SEGMENTS]
    xs, ys = tuple(z.real for z in com), tuple(z.imag for z in com)
    masses = np.asarray(segment_mass, dtype=float)
    force = [-1j * g * masses[..., k, None] + 0j for k in range(len(SEGMENTS))]
    couples = tuple(np.zeros(()) for _ in SEGMENTS)
    bar_point = np.broadcast_to(points["bar"], shape)
    load = np.asarray(load_kg, dtype=float)
    bar_force = -1j * g * load + 0j
    bar_dir = np.broadcast_to(-1j + 0j, shape)
    if inertial is not None:
        force = [f + inertial.segment_force[..., k] for k, f in enumerate(force)]
        couples = tuple(inertial.segment_couple[..., k] for k in range(len(SEGMENTS)))
        apparent = -1j * g - inertial.bar_acceleration  # the bar's apparent gravity
        bar_force = load * apparent
        # its direction is the apparent gravity's, whatever the bar's mass (vertical if the
        # bar were in free fall and pushed not at all)
        size = np.abs(apparent)
        bar_dir = np.where(size > 0.0, apparent / np.where(size > 0.0, size, 1.0), bar_dir)
    upper_force = -1j * g * np.asarray(pose.trunk_upper_mass, dtype=float) + 0j
    upper_couple = np.zeros(())
    if inertial is not None:
        if inertial.trunk_upper_force is None or inertial.trunk_upper_couple is None:
            upper_force = upper_force + np.nan  # not determined by the trunk's loads
        else:
            upper_force = upper_force + inertial.trunk_upper_force
            upper_couple = inertial.trunk_upper_couple
    fxs, fys = tuple(f.real for f in force), tuple(f.imag for f in force)
    bar = (bar_point.real, bar_point.imag, bar_force.real, bar_force.imag)
    contact = pose.contact
    c = contact.terms()
    r = model.reactions(xs, ys, fxs, fys, couples, bar, contact.bench, c)
    joint = [np.broadcast_to(points[j], shape) for j in ("ankle", "knee", "hip")]
    joints = tuple(v for z in joint for v in (z.real, z.imag))
    m = model.net_moments(joints, xs, ys, fxs, fys, couples, bar, c, r)
    hip = (joint[2].real, joint[2].imag)
    h = model.hip_shares(hip, xs, ys, fxs, fys, couples, bar, (bar_dir.real, bar_dir.imag), c, r)
    lumbar = np.broadcast_to(points["lumbar"], shape)
    upper_com = np.broadcast_to(pose.trunk_upper_com, shape)
    upper = (upper_com.real, upper_com.imag, upper_force.real, upper_force.imag, upper_couple)
    lumbar_loads = model.lumbar_loads((lumbar.real, lumbar.imag), upper, xs, ys, fxs, fys,
                                      couples, bar, 1.0 * pose.bar_above_lumbar, c, r)  # fmt: skip
    friction = model.friction_required(r, c)
    normal_push, _ = model.bench_push(r, c)
    return _statics(shape, contact, com, bar_point, bar_force, bar_dir, r, m, h,
                    (*friction, normal_push), lumbar_loads)  # fmt: skip


def _statics(shape, contact, com, bar_point, bar_force, bar_dir, r, m, h, cones,
             lumbar) -> Statics:  # fmt: skip
    """The model's results as a :class:`Statics` of complex arrays stacked over the forces,
    joints and segments."""

    def stack(values, kind=float):
        return np.stack([np.broadcast_to(np.asarray(v, dtype=kind), shape) for v in values], -1)

    cop = np.broadcast_to(r.cop_x, shape)
    ground = r.ground_x + 1j * r.ground_y
    points, vectors, directions = [bar_point, cop + 0j], [bar_force, ground], [bar_dir, ground]
    arms, shares = [h.bar_arm, h.ground_arm], [h.bar, h.ground]
    for point, vector, direction, arm, share in contact.supports(r, h):
        points.append(point)
        vectors.append(vector)
        directions.append(direction)
        arms.append(arm)
        shares.append(share)
    return Statics(
        forces=contact.forces,
        segment_com=stack(com, complex),
        force_point=stack(points, complex),
        force_vector=stack(vectors, complex),
        force_direction=stack(directions, complex),
        center_of_pressure=cop,
        net_moment=stack((m.ankle, m.knee, m.hip)),
        joint_force=stack(
            (
                m.ankle_force_x + 1j * m.ankle_force_y,
                m.knee_force_x + 1j * m.knee_force_y,
                m.hip_force_x + 1j * m.hip_force_y,
            ),
            complex,
        ),
        lumbar_moment=np.broadcast_to(lumbar[0], shape),
        lumbar_force=np.broadcast_to(lumbar[1] + 1j * lumbar[2], shape),
        hip_moment_arm=stack(arms),
        hip_moment_contribution=stack(shares),
        segment_hip_moment_arm=stack(h.segment_arms),
        segment_hip_moment_contribution=stack(h.segments),
        ground_friction_required=np.broadcast_to(cones[0], shape),
        bench_friction_required=np.broadcast_to(cones[1], shape),
        bench_normal_push=np.broadcast_to(cones[2], shape),
    )
