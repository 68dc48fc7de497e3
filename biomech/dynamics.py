"""Inverse dynamics of a rep lifted to a tempo: the quasi-static model plus inertia.

Every exercise maps the phase ``p`` to a posture in closed form, and a :class:`~biomech.Tempo`
maps time to the phase. A point ``r(t) = R(p(t))`` of the body therefore moves with

* velocity ``v = R'(p) p_dot`` and
* acceleration ``a = R''(p) p_dot^2 + R'(p) p_ddot``,

and a segment angle ``theta(t) = Theta(p(t))`` with ``omega = Theta' p_dot`` and
``alpha = Theta'' p_dot^2 + Theta' p_ddot``. The phase derivatives ``R'`` and ``R''`` come from
the closed-form posture itself: each segment angle is sampled on a five-point stencil of step
:data:`PHASE_STEP` around each ``p`` and differentiated through the stencil's quartic
interpolant (near the ends of the range the stencil is shifted, not cut, so that it stays in
[0, 1], with a finer step there: truncation error ``O(h^4)`` in the interior, ``O(h^3)`` at
the ends, rounding ``O(eps / h^2)``). Every point of the body rides a segment of a rigid chain
from the fixed ankle, so its velocity and acceleration follow exactly from the angles,
``v_P = v_Q + i omega (r_P - r_Q)`` and ``a_P = a_Q + (i alpha - omega^2) (r_P - r_Q)``, as a
rigid-body engine would compute them; the bar, a particle, is differentiated where it is.

d'Alembert's principle turns the accelerations into loads: each segment carries ``-m a`` at its
centre of mass and a couple ``-I alpha`` (``I`` from the table's radius of gyration), the bar
pushes with ``m_bar (g - a_bar)`` at its centre, and the statics of
:func:`biomech.statics.solve_pose`, with the same contact assumptions, then gives the net joint
moments of the moving body. The foot is
fixed. At zero speed the loads vanish and the result is the quasi-static one.

This is the cranky core: radians, SI, plain arrays, no validation; :func:`biomech.simulate`
with ``tempo=`` is the friendly entry point.

Examples
--------
A point moving on a circle of radius 1 with ``Theta(p) = p`` has ``|R''| = 1``; the stencil
finds it:

>>> import numpy as np
>>> p = np.array([0.0, 0.5, 1.0])
>>> w1, w2 = stencil_weights(p)
>>> nodes = stencil_nodes(p)
>>> np.abs((w2 * np.exp(1j * nodes)).sum(-1)).round(6)
array([1., 1., 1.])
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .conventions import SEGMENTS
from .pose import Pose
from .statics import InertialLoads

__all__ = [
    "PHASE_STEP",
    "RepKinematics",
    "inertial_loads",
    "rep_kinematics",
    "stencil_nodes",
    "stencil_weights",
]

#: Step of the finite-difference stencil in phase (the phase runs over [0, 1]).
PHASE_STEP = 1e-3
#: The step within two steps of either end, where the stencil is shifted and one-sided: its
#: truncation error there is O(h^3) rather than O(h^4), and the hip thrust's bottom lies a few
#: degrees from the four-bar's closure limit, where the posture's high derivatives are large.
END_STEP_FRACTION = 0.25

_OFFSETS = np.arange(-2.0, 3.0)  # stencil nodes, in steps, around its centre
#: Values at the five nodes -> coefficients of the interpolating quartic (in units of a step).
_TO_COEFFICIENTS = np.linalg.inv(np.vander(_OFFSETS, 5, increasing=True))


def _steps(p: np.ndarray, h: float) -> tuple[np.ndarray, np.ndarray]:
    """(centre, step) of the stencil of each ``p``: centred on ``p`` in the interior; near an
    end, a finer step and the stencil shifted to stay inside [0, 1]."""
    near_end = (p < 2.0 * h) | (p > 1.0 - 2.0 * h)
    step = np.where(near_end, END_STEP_FRACTION * h, h)
    return np.clip(p, 2.0 * step, 1.0 - 2.0 * step), step


def stencil_nodes(p, h: float = PHASE_STEP) -> np.ndarray:
    """Phases of the five stencil nodes around each ``p``, shape ``p.shape + (5,)``.

    The stencil is centred on ``p`` unless that would leave [0, 1]; within ``2 h`` of an end
    its step is :data:`END_STEP_FRACTION` of ``h`` and it is shifted in.

    Examples
    --------
    >>> stencil_nodes(np.array([0.0, 0.5]), h=0.1).round(12).tolist()
    [[0.0, 0.025, 0.05, 0.075, 0.1], [0.3, 0.4, 0.5, 0.6, 0.7]]
    """
    p = np.asarray(p, dtype=float)
    centre, step = _steps(p, h)
    return centre[..., None] + step[..., None] * _OFFSETS


def stencil_weights(p, h: float = PHASE_STEP) -> tuple[np.ndarray, np.ndarray]:
    """Weights of the first and second phase derivative at ``p`` over :func:`stencil_nodes`.

    ``f'(p) ~ sum(w1 * f(nodes), -1)`` and ``f''(p) ~ sum(w2 * f(nodes), -1)``: the derivatives
    at ``p`` of the quartic through the five nodes, exact for polynomials of degree <= 4.

    Examples
    --------
    >>> w1, w2 = stencil_weights(np.array([0.5, 0.0]), h=0.1)
    >>> nodes = stencil_nodes(np.array([0.5, 0.0]), h=0.1)
    >>> (w1 * nodes**3).sum(-1).round(10).tolist(), (w2 * nodes**3).sum(-1).round(10).tolist()
    ([0.75, 0.0], [3.0, 0.0])
    """
    p = np.asarray(p, dtype=float)
    centre, step = _steps(p, h)
    x = ((p - centre) / step)[..., None]  # where p sits in the stencil, in steps
    k = np.arange(5.0)
    d1 = k * x ** np.maximum(k - 1, 0)
    d2 = k * (k - 1) * x ** np.maximum(k - 2, 0)
    step = step[..., None]
    return d1 @ _TO_COEFFICIENTS / step, d2 @ _TO_COEFFICIENTS / step**2


@dataclass(frozen=True, slots=True)
class RepKinematics:
    """Velocities and accelerations of a posture sampled over time (core arrays, SI).

    Shapes are the pose's ``(..., t)``, with a trailing segment axis where named (segments in
    the order of :data:`~biomech.conventions.SEGMENTS`).

    Attributes
    ----------
    segment_com_velocity, segment_com_acceleration : complex ndarray, shape (..., t, S)
        m/s and m/s^2.
    segment_angular_velocity, segment_angular_acceleration : ndarray, shape (..., t, S)
        rad/s and rad/s^2, counter-clockwise.
    bar_velocity, bar_acceleration : complex ndarray, shape (..., t)
        Of the bar centre, m/s and m/s^2.
    trunk_upper_acceleration : complex ndarray, shape (..., t), optional
        Of the centre of mass of the trunk above the lumbar joint (a point of the trunk), m/s^2.
    """

    segment_com_velocity: np.ndarray
    segment_com_acceleration: np.ndarray
    segment_angular_velocity: np.ndarray
    segment_angular_acceleration: np.ndarray
    bar_velocity: np.ndarray
    bar_acceleration: np.ndarray
    trunk_upper_acceleration: np.ndarray | None = None


#: The joint centres of the chain from the (fixed) ankle up: point -> (segment it rides, the
#: point of that segment it hangs from). Every exercise's posture is a rigid chain.
CHAIN_POINTS: dict[str, tuple[str, str]] = {
    "knee": ("shank", "ankle"),
    "hip": ("thigh", "knee"),
    "shoulder": ("trunk", "hip"),
    "elbow": ("upper_arm", "shoulder"),
    "wrist": ("forearm", "elbow"),
}
#: Each segment's centre of mass: (segment it turns with, point it hangs from); the foot is
#: fixed, the head turns with the trunk and the hand with the forearm.
COM_CARRIER: dict[str, tuple[str, str] | None] = {
    "foot": None,
    "shank": ("shank", "ankle"),
    "thigh": ("thigh", "knee"),
    "trunk": ("trunk", "hip"),
    "head": ("head", "shoulder"),
    "upper_arm": ("upper_arm", "shoulder"),
    "forearm": ("forearm", "elbow"),
    "hand": ("hand", "wrist"),
}


def _unwrapped(theta: np.ndarray) -> np.ndarray:
    """Angles on the last (stencil) axis made continuous around the middle node."""
    mid = theta[..., 2:3]
    return mid + np.mod(theta - mid + np.pi, 2.0 * np.pi) - np.pi


def rep_kinematics(
    posture: Callable[[np.ndarray], Pose], phase, phase_rate, phase_acceleration
) -> tuple[Pose, RepKinematics]:
    """The posture at each phase and its velocities and accelerations by the chain rule.

    Parameters
    ----------
    posture : callable
        Phase (1-D array) -> :class:`~biomech.pose.Pose` with phase as the last axis of every
        array: the closed-form posture of a set-up, e.g. ``lambda p: exercise._pose(body, p)``.
    phase, phase_rate, phase_acceleration : ndarray, shape (t,)
        ``p``, ``dp/dt`` (1/s) and ``d2p/dt2`` (1/s^2) at each time sample.

    Returns
    -------
    (Pose, RepKinematics)
        The posture at ``phase`` (the posture's leading shape ``+ (t,)``) and its motion.

    Examples
    --------
    >>> import biomech
    >>> t, p, dp, ddp = biomech.Tempo.parse("2-0-1-0").sample(rate_hz=20)
    >>> body = biomech.Body.default()
    >>> pose, kin = rep_kinematics(lambda q: biomech.Squat()._pose(body, q), p, dp, ddp)
    >>> kin.bar_velocity.shape == p.shape
    True
    >>> float(abs(kin.bar_velocity[0])), float(abs(kin.bar_acceleration[0]))  # still at the top
    (0.0, 0.0)
    """
    phase = np.asarray(phase, dtype=float)
    rate = np.asarray(phase_rate, dtype=float)
    accel = np.asarray(phase_acceleration, dtype=float)
    # one posture evaluation for the samples and one for every stencil node (vectorized)
    nodes = stencil_nodes(phase)
    everything = np.concatenate([phase, nodes.ravel()])
    pose_all = posture(everything)
    t = phase.size
    lead = np.broadcast_shapes(*(np.shape(v) for v in pose_all.points.values()))[:-1]

    def at_samples(v: np.ndarray) -> np.ndarray:
        return np.broadcast_to(v, (*lead, everything.size))[..., :t]

    def at_nodes(v: np.ndarray) -> np.ndarray:
        return np.broadcast_to(v, (*lead, everything.size))[..., t:].reshape(*lead, t, 5)

    pose = pose_all.map(at_samples)
    w1, w2 = stencil_weights(phase)

    def motion(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        # differences from the middle node: a constant gives exactly zero
        rel = values - values[..., 2:3]
        d1 = np.sum(w1 * rel, axis=-1)
        d2 = np.sum(w2 * rel, axis=-1)
        return d1 * rate, d2 * rate**2 + d1 * accel

    # segments ahead of the (t, stencil) axes, so that the weights (t, 5) broadcast
    angle = _unwrapped(np.stack([at_nodes(pose_all.segment_angle[s]) for s in SEGMENTS], -3))
    ang_v, ang_a = motion(angle)
    omega = {s: ang_v[..., k, :] for k, s in enumerate(SEGMENTS)}
    alpha = {s: ang_a[..., k, :] for k, s in enumerate(SEGMENTS)}

    # every body point rides a segment: its motion follows from the point it hangs from
    zero = np.zeros((*lead, t), dtype=complex)
    vel = {"ankle": zero}
    acc = {"ankle": zero}

    def carry(segment: str, anchor: str, r: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        arm = r - pose.points[anchor]
        w, a = omega[segment], alpha[segment]
        return vel[anchor] + 1j * w * arm, acc[anchor] + (1j * a - w * w) * arm

    for point, (segment, anchor) in CHAIN_POINTS.items():
        vel[point], acc[point] = carry(segment, anchor, pose.points[point])
    com_v, com_a = [], []
    for s in SEGMENTS:
        carrier = COM_CARRIER[s]
        if carrier is None:  # the foot does not move
            v, a = zero, zero
        else:
            v, a = carry(*carrier, pose.segment_com[s])
        com_v.append(v)
        com_a.append(a)
    _, upper_a = carry("trunk", "hip", pose.trunk_upper_com)
    # the bar is a particle: it is differentiated where it is
    bar_v, bar_a = motion(at_nodes(pose_all.points["bar"]))
    kin = RepKinematics(
        segment_com_velocity=np.stack(com_v, axis=-1),
        segment_com_acceleration=np.stack(com_a, axis=-1),
        segment_angular_velocity=np.moveaxis(ang_v, -2, -1),
        segment_angular_acceleration=np.moveaxis(ang_a, -2, -1),
        bar_velocity=bar_v,
        bar_acceleration=bar_a,
        trunk_upper_acceleration=upper_a,
    )
    return pose, kin


def inertial_loads(
    segment_mass, segment_inertia, kin: RepKinematics, trunk_upper=None
) -> InertialLoads:
    """d'Alembert loads of the motion ``kin``.

    Parameters
    ----------
    segment_mass, segment_inertia : ndarray, shape (..., S)
        kg and kg m^2 (about each centre of mass), segments in the order of
        :data:`~biomech.conventions.SEGMENTS`.
    kin : RepKinematics
    trunk_upper : (ndarray, ndarray), optional
        Mass (kg) and moment of inertia about its centre of mass (kg m^2) of the trunk above
        the lumbar joint, shape (...): its loads ``-m_u a_u`` and ``-I_u alpha_trunk`` are
        added (for the lumbar moment; ``kin`` must then carry ``trunk_upper_acceleration``).

    Returns
    -------
    InertialLoads
        ``-m a`` per segment, ``-I alpha`` per segment, and the bar's acceleration.

    Examples
    --------
    A thigh (mass 1 kg, I = 1 kg m^2) accelerating up at 2 m/s^2 and spinning up at
    3 rad/s^2 is loaded by -2 N (down) and -3 N m (clockwise):

    >>> com_a = np.zeros((1, 8), complex)
    >>> com_a[0, 2] = 2.0j
    >>> alpha = np.zeros((1, 8))
    >>> alpha[0, 2] = 3.0
    >>> kin = RepKinematics(0 * com_a, com_a, 0 * alpha, alpha, np.zeros(1), np.zeros(1))
    >>> loads = inertial_loads(np.ones(8), np.ones(8), kin)
    >>> complex(loads.segment_force[0, 2]), float(loads.segment_couple[0, 2])
    ((-0-2j), -3.0)
    """
    m = np.asarray(segment_mass)[..., None, :]
    inertia = np.asarray(segment_inertia)[..., None, :]
    upper_force = upper_couple = None
    if trunk_upper is not None and kin.trunk_upper_acceleration is not None:
        m_u, i_u = (np.asarray(v)[..., None] for v in trunk_upper)
        upper_force = -m_u * kin.trunk_upper_acceleration
        upper_couple = -i_u * kin.segment_angular_acceleration[..., SEGMENTS.index("trunk")]
    return InertialLoads(
        segment_force=-m * kin.segment_com_acceleration,
        segment_couple=-inertia * kin.segment_angular_acceleration,
        bar_acceleration=kin.bar_acceleration,
        trunk_upper_force=upper_force,
        trunk_upper_couple=upper_couple,
    )
