"""Inverse dynamics of a rep lifted to a tempo: the quasi-static model plus inertia.

Every exercise maps the phase ``p`` to a posture in closed form, and a :class:`~biomech.Tempo`
maps time to the phase. A point ``r(t) = R(p(t))`` of the body therefore moves with

* velocity ``v = R'(p) p_dot`` and
* acceleration ``a = R''(p) p_dot^2 + R'(p) p_ddot``,

and a segment angle ``theta(t) = Theta(p(t))`` with ``omega = Theta' p_dot`` and
``alpha = Theta'' p_dot^2 + Theta' p_ddot``. The phase derivatives ``R'`` and ``R''`` come from
the closed-form posture itself, sampled on a five-point stencil of step
:data:`PHASE_STEP` around each ``p`` and differentiated through the stencil's quartic
interpolant (the stencil is shifted, not cut, near the ends of the range so that it stays in
[0, 1]: truncation error ``O(h^3)`` there, ``O(h^4)`` in the interior, rounding
``O(eps / h^2)``; about 1e-9 of the accelerations either way).

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
>>> np.abs((w2 * np.exp(1j * nodes)).sum(-1)).round(9)
array([1., 1., 1.])
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .anthropometry import Body
from .conventions import SEGMENTS
from .exercises._base import Exercise, Pose
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

_OFFSETS = np.arange(-2.0, 3.0)  # stencil nodes, in steps, around its centre
#: Values at the five nodes -> coefficients of the interpolating quartic (in units of a step).
_TO_COEFFICIENTS = np.linalg.inv(np.vander(_OFFSETS, 5, increasing=True))


def _centres(p: np.ndarray, h: float) -> np.ndarray:
    return np.clip(p, 2.0 * h, 1.0 - 2.0 * h)


def stencil_nodes(p, h: float = PHASE_STEP) -> np.ndarray:
    """Phases of the five stencil nodes around each ``p``, shape ``p.shape + (5,)``.

    The stencil is centred on ``p`` unless that would leave [0, 1]; then it is shifted in.

    Examples
    --------
    >>> stencil_nodes(np.array([0.0, 0.5]), h=0.1).round(12).tolist()
    [[0.0, 0.1, 0.2, 0.3, 0.4], [0.3, 0.4, 0.5, 0.6, 0.7]]
    """
    p = np.asarray(p, dtype=float)
    return _centres(p, h)[..., None] + h * _OFFSETS


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
    x = (p - _centres(p, h))[..., None] / h  # where p sits in the stencil, in steps
    k = np.arange(5.0)
    d1 = k * np.where(k >= 1, x ** np.maximum(k - 1, 0), 0.0)
    d2 = k * (k - 1) * np.where(k >= 2, x ** np.maximum(k - 2, 0), 0.0)
    return d1 @ _TO_COEFFICIENTS / h, d2 @ _TO_COEFFICIENTS / h**2


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
    """

    segment_com_velocity: np.ndarray
    segment_com_acceleration: np.ndarray
    segment_angular_velocity: np.ndarray
    segment_angular_acceleration: np.ndarray
    bar_velocity: np.ndarray
    bar_acceleration: np.ndarray


def _unwrapped(theta: np.ndarray) -> np.ndarray:
    """Angles on the last (stencil) axis made continuous around the middle node."""
    mid = theta[..., 2:3]
    return mid + np.mod(theta - mid + np.pi, 2.0 * np.pi) - np.pi


def rep_kinematics(
    exercise: Exercise, body: Body, phase, phase_rate, phase_acceleration
) -> tuple[Pose, RepKinematics]:
    """The posture at each phase and its velocities and accelerations by the chain rule.

    Parameters
    ----------
    exercise : Exercise
        A validated set-up.
    body : Body
    phase, phase_rate, phase_acceleration : ndarray, shape (t,)
        ``p``, ``dp/dt`` (1/s) and ``d2p/dt2`` (1/s^2) at each time sample.

    Returns
    -------
    (Pose, RepKinematics)
        The posture at ``phase`` (shape ``body.shape + (t,)``) and its motion.

    Examples
    --------
    >>> import biomech
    >>> t, p, dp, ddp = biomech.Tempo.parse("2-0-1-0").sample(rate_hz=20)
    >>> pose, kin = rep_kinematics(biomech.Squat(), biomech.Body.default(), p, dp, ddp)
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
    pose_all = exercise._pose(body, everything)
    t = phase.size
    lead = np.broadcast_shapes(*(np.shape(v) for v in pose_all.points.values()))[:-1]

    def at_samples(v: np.ndarray) -> np.ndarray:
        return np.broadcast_to(v, (*lead, everything.size))[..., :t]

    def at_nodes(v: np.ndarray) -> np.ndarray:
        return np.broadcast_to(v, (*lead, everything.size))[..., t:].reshape(*lead, t, 5)

    pose = Pose(
        points={k: at_samples(v) for k, v in pose_all.points.items()},
        segment_angle={k: at_samples(v) for k, v in pose_all.segment_angle.items()},
        segment_com={k: at_samples(v) for k, v in pose_all.segment_com.items()},
        bench_direction=None
        if pose_all.bench_direction is None
        else at_samples(pose_all.bench_direction),
        cop_x=None if pose_all.cop_x is None else at_samples(pose_all.cop_x),
    )
    w1, w2 = stencil_weights(phase)

    def motion(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        # differences from the middle node: a constant gives exactly zero
        rel = values - values[..., 2:3]
        d1 = np.sum(w1 * rel, axis=-1)
        d2 = np.sum(w2 * rel, axis=-1)
        return d1 * rate, d2 * rate**2 + d1 * accel

    # segments ahead of the (t, stencil) axes, so that the weights (t, 5) broadcast
    com = np.stack([at_nodes(pose_all.segment_com[s]) for s in SEGMENTS], axis=-3)
    angle = _unwrapped(np.stack([at_nodes(pose_all.segment_angle[s]) for s in SEGMENTS], -3))
    com_v, com_a = motion(com)
    ang_v, ang_a = motion(angle)
    bar_v, bar_a = motion(at_nodes(pose_all.points["bar"]))
    kin = RepKinematics(
        segment_com_velocity=np.moveaxis(com_v, -2, -1),
        segment_com_acceleration=np.moveaxis(com_a, -2, -1),
        segment_angular_velocity=np.moveaxis(ang_v, -2, -1),
        segment_angular_acceleration=np.moveaxis(ang_a, -2, -1),
        bar_velocity=bar_v,
        bar_acceleration=bar_a,
    )
    return pose, kin


def inertial_loads(segment_mass, segment_inertia, kin: RepKinematics) -> InertialLoads:
    """d'Alembert loads of the motion ``kin``.

    Parameters
    ----------
    segment_mass, segment_inertia : ndarray, shape (..., S)
        kg and kg m^2 (about each centre of mass), segments in the order of
        :data:`~biomech.conventions.SEGMENTS`.
    kin : RepKinematics

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
    return InertialLoads(
        segment_force=-m * kin.segment_com_acceleration,
        segment_couple=-inertia * kin.segment_angular_acceleration,
        bar_acceleration=kin.bar_acceleration,
    )
