"""A biomech result rebuilt in Pinocchio, and the engine's joint torques for it.

An independent check of biomech's statics. Nothing here imports biomech: the model is built from
the public variables of one ``biomech.simulate`` result (joint centres and named points, segment
masses and centres of mass, segment and joint angles, the external forces and where they act),
and the joint torques come from Pinocchio's recursive Newton-Euler algorithm (``pin.rnea``) at
zero velocity and acceleration, which is statics.

The model
---------
A serial chain in the sagittal plane: x toward the toes, y up, z = x cross y out of the plane, so
a positive rotation about z is counter-clockwise (CCW) in every plot of the library::

    foot (root) --ankle--> shank --knee--> thigh --hip--> trunk + head
        --shoulder--> upper arm --elbow--> forearm + hand

Every joint is a revolute about z (``JointModelRZ``). The root body is the foot, either welded to
the world (``root="fixed"``: the foot *is* Pinocchio's universe body) or attached to it by a
planar joint (``root="planar"``: x, y and a rotation about z). Held at zero velocity and
acceleration the two are the same mechanism; the planar joint only adds a readout, because its
joint force is then the wrench the world must exert on the foot: the ground reaction. Either way
the ground reaction is never fed in; the engine finds it.

Geometry. Every body has a frame with its origin at its proximal joint centre and its x axis at
the dataset's segment angle (the foot's frame is the world frame: the foot is flat, angle 0). A
joint's placement in its parent's frame is the joint centre, with the parent's orientation, so
at q = 0 each body is aligned with its parent and each joint coordinate is the child's segment
angle minus the parent's. With the joint-angle definitions of docs/conventions.md::

    q_ankle    = theta_shank - theta_foot      = 90 deg - ankle dorsiflexion
    q_knee     = theta_thigh - theta_shank     = knee flexion
    q_hip      = theta_trunk - theta_thigh     = -hip flexion
    q_shoulder = theta_upper_arm - theta_trunk
    q_elbow    = theta_forearm - theta_upper_arm

:func:`configuration` takes the first three from ``joint_angle`` and the arm ones from
``segment_angle``; the tests check that ``pin.forwardKinematics`` then puts every joint centre,
named point and the whole-body centre of mass where the dataset has them.

Masses. Each segment is a point mass at its dataset centre of mass: at zero velocity and
acceleration only the weight m g acting at the centre of mass enters, never the rotational
inertia. The head rides on the trunk body and the hand on the forearm body, each at its own
centre of mass.

Loads. Gravity is ``(0, -g, 0)`` with ``g = ds.attrs["g_m_per_s2"]``. The bar's weight acts on
the trunk in the squat (bar on the back) and the hip thrust (bar on the pelvis, which is part of
the trunk segment), and on the forearm + hand in the deadlift (the hands hold it); in the hip
thrust the bench pushes on the trunk. The ground reaction is *not* applied (see above).

Signs
-----
For a revolute joint, ``rnea`` returns the generalized force conjugate to q: with v = a = 0, the
moment about +z (CCW) that the parent body applies to the child body through the joint, about the
joint centre, to hold everything beyond the joint in equilibrium. That is the net internal joint
moment, signed CCW on the child. An anatomical moment is positive when it drives its joint toward
the named direction (plantarflexion, extension); by virtual work, if that anatomical angle is
``s * q`` (plus a constant), the anatomical moment is ``s * tau``. From the q's above:

* ankle: plantarflexion = -dorsiflexion = q_ankle - 90 deg, so s = +1 (plantarflexion swings
  the shank CCW, the knee back over the heel);
* knee: extension = -knee flexion = -q_knee, so s = -1 (extension turns the thigh CW relative to
  the shank, the hips forward over the knees);
* hip: extension = -hip flexion = q_hip, so s = +1 (extension turns the trunk CCW relative to
  the thigh, the shoulders back).

These signs come from the angle definitions alone, not from biomech's ``MOMENT_SIGN``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pytest

# `--doctest-modules` imports every module under tests/, so this one must skip (not error)
# where the engine is not installed, just like the tests that use it.
pin = pytest.importorskip("pinocchio")

Root = Literal["fixed", "planar"]

#: The chain from the floor up: (joint, parent segment, child segment).
CHAIN: tuple[tuple[str, str, str], ...] = (
    ("ankle", "foot", "shank"),
    ("knee", "shank", "thigh"),
    ("hip", "thigh", "trunk"),
    ("shoulder", "trunk", "upper_arm"),
    ("elbow", "upper_arm", "forearm"),
)

#: The engine body each dataset segment belongs to, named by the joint that carries the body
#: ("root" is the foot: the universe with a fixed root, the planar joint's body otherwise).
BODY_OF_SEGMENT: dict[str, str] = {
    "foot": "root",
    "shank": "ankle",
    "thigh": "knee",
    "trunk": "hip",
    "head": "hip",
    "upper_arm": "shoulder",
    "forearm": "elbow",
    "hand": "elbow",
}

#: Named dataset points that are not joint centres, and the body each is fixed to (as a frame).
#: ``bench_contact`` exists only in the hip thrust; ``bar`` is placed by :data:`BAR_BODY`.
POINT_BODY: dict[str, str] = {
    "heel": "root",
    "toe": "root",
    "midfoot": "root",
    "head": "hip",
    "bench_contact": "hip",
    "wrist": "elbow",
    "grip": "elbow",
}

#: The body the bar rests on, by ``ds.attrs["exercise"]``.
BAR_BODY: dict[str, str] = {"hip_thrust": "hip", "squat": "hip", "deadlift": "elbow"}

#: External forces applied to the model and the body each acts on (the bar's entry is replaced
#: by :data:`BAR_BODY`). The ground reaction is deliberately absent: it is the root's reaction.
FORCE_BODY: dict[str, str] = {"bar": "hip", "bench": "hip"}

#: Anatomical moment = ANATOMICAL_SIGN * (Pinocchio's CCW torque on the child); see Signs above.
ANATOMICAL_SIGN: dict[str, float] = {"ankle": 1.0, "knee": -1.0, "hip": 1.0}


def _xyz(xy) -> np.ndarray:
    """A planar (x, y) point or vector as Pinocchio's 3-vector, z = 0."""
    return np.array([xy[0], xy[1], 0.0])


def _rz(theta: float) -> np.ndarray:
    """Rotation by ``theta`` (rad) about z: CCW in the sagittal plane."""
    c, s = np.cos(theta), np.sin(theta)
    return np.array([[c, -s, 0.0], [s, c, 0.0], [0.0, 0.0, 1.0]])


@dataclass(frozen=True)
class Posture:
    """One phase of a result dataset as plain numbers: m, rad, kg, N (3-vectors with z = 0)."""

    exercise: str
    g: float
    point: dict[str, np.ndarray]
    com: dict[str, np.ndarray]
    mass: dict[str, float]
    segment_angle: dict[str, float]
    joint_angle: dict[str, float]
    body_com: np.ndarray
    #: force name -> (force vector, point of application), in the world frame
    force: dict[str, tuple[np.ndarray, np.ndarray]]

    @classmethod
    def of(cls, ds, phase_index: int) -> Posture:
        """Read phase number ``phase_index`` of ``ds`` (one body: no ``body`` dimension)."""
        if "body" in ds.dims:
            raise ValueError("build the engine model from a single-body dataset")
        s = ds.isel(phase=phase_index).sel(axis=["x", "y"])

        def named(variable: str, dim: str, convert=_xyz) -> dict:
            """One variable as a dict keyed by the labels of ``dim`` (plain numpy, fast)."""
            values = s[variable].transpose(dim, ...).values
            return {str(n): convert(v) for n, v in zip(s[dim].values, values, strict=True)}

        vectors, points = named("force_vector", "force"), named("force_point", "force")
        return cls(
            exercise=str(ds.attrs["exercise"]),
            g=float(ds.attrs["g_m_per_s2"]),
            point=named("position", "point"),
            com=named("segment_com", "segment"),
            mass=named("segment_mass", "segment", float),
            segment_angle=named("segment_angle", "segment", lambda v: float(np.deg2rad(v))),
            joint_angle=named("joint_angle", "joint", lambda v: float(np.deg2rad(v))),
            body_com=_xyz(s["body_com"].values),
            force={f: (vectors[f], points[f]) for f in vectors},
        )

    def point_bodies(self) -> dict[str, str]:
        """Every named point that is not a joint centre, and the body it is fixed to."""
        out = {p: b for p, b in POINT_BODY.items() if p in self.point}
        out["bar"] = BAR_BODY[self.exercise]
        return out

    def force_bodies(self) -> dict[str, str]:
        """Every external force to apply (the ground's excluded), and the body it acts on."""
        unknown = set(self.force) - {"ground", *FORCE_BODY}
        if unknown:  # a new kind of load must be placed on a body here, not silently dropped
            raise ValueError(f"no engine body for the force(s) {sorted(unknown)}")
        out = {f: FORCE_BODY[f] for f in self.force if f != "ground"}
        if "bar" in out:
            out["bar"] = BAR_BODY[self.exercise]
        return out


def body_frames(posture: Posture) -> dict[str, pin.SE3]:
    """World pose of each body's frame: origin at the proximal joint, x along the segment."""
    if abs(posture.segment_angle["foot"]) > 1e-12:
        raise ValueError("the engine model assumes a flat foot (foot segment angle 0)")
    frames = {"root": pin.SE3.Identity()}
    for joint, _, child in CHAIN:
        frames[joint] = pin.SE3(_rz(posture.segment_angle[child]), posture.point[joint])
    return frames


def build_model(posture: Posture, *, root: Root = "fixed") -> pin.Model:
    """The Pinocchio model of one posture: joints, point masses, named points as frames.

    ``root="fixed"`` welds the foot to the world; ``root="planar"`` hangs it on a planar joint
    at the world origin (neutral configuration = the foot where the dataset has it).
    """
    model = pin.Model()
    model.name = f"biomech {posture.exercise}"
    model.gravity = pin.Motion(np.array([0.0, -posture.g, 0.0]), np.zeros(3))
    frames = body_frames(posture)

    joint_id = {"root": 0}  # the universe
    if root == "planar":
        joint_id["root"] = model.addJoint(0, pin.JointModelPlanar(), pin.SE3.Identity(), "root")
    elif root != "fixed":
        raise ValueError(f"root must be 'fixed' or 'planar'; got {root!r}")

    for joint, parent, _ in CHAIN:
        parent_frame = frames[BODY_OF_SEGMENT[parent]]
        # At q = 0 the joint frame sits at the joint centre with the parent body's orientation;
        # Pinocchio wants that pose relative to the parent body's frame.
        at_zero = pin.SE3(parent_frame.rotation, posture.point[joint])
        joint_id[joint] = model.addJoint(
            joint_id[BODY_OF_SEGMENT[parent]],
            pin.JointModelRZ(),
            parent_frame.actInv(at_zero),
            joint,
        )

    # Point masses (zero rotational inertia) at each segment's centre of mass, in body coordinates.
    for segment, body in BODY_OF_SEGMENT.items():
        lever = frames[body].actInv(posture.com[segment])
        inertia = pin.Inertia(posture.mass[segment], lever, np.zeros((3, 3)))
        model.appendBodyToJoint(joint_id[body], inertia, pin.SE3.Identity())

    # Named points as operational frames, so forward kinematics can be checked against them.
    for name, body in posture.point_bodies().items():
        placement = pin.SE3(np.eye(3), frames[body].actInv(posture.point[name]))
        model.addFrame(pin.Frame(name, joint_id[body], placement, pin.FrameType.OP_FRAME))
    return model


def configuration(model: pin.Model, posture: Posture) -> np.ndarray:
    """The joint coordinates q (rad) of ``posture`` for a model from :func:`build_model`.

    Relative segment angles (see the module docstring); a planar root stays neutral (the foot
    where the world frame puts it). The model may come from another phase of the same rep.
    """
    a, s = posture.joint_angle, posture.segment_angle
    angles = {
        "ankle": 0.5 * np.pi - a["ankle"],  # 90 deg - dorsiflexion
        "knee": a["knee"],  # knee flexion
        "hip": -a["hip"],  # minus hip flexion
        "shoulder": s["upper_arm"] - s["trunk"],
        "elbow": s["forearm"] - s["upper_arm"],
    }
    q = pin.neutral(model)
    for joint, value in angles.items():
        q[model.joints[model.getJointId(joint)].idx_q] = value
    return q


def external_forces(model: pin.Model, data: pin.Data, posture: Posture) -> list:
    """The bar (and bench) as spatial forces on their bodies, each in its joint's local frame.

    Needs ``data.oMi`` from ``pin.forwardKinematics``. A world force ``F`` at world point ``p``
    on the body of joint ``i`` (origin ``o``, rotation ``R`` in the world) is the spatial force
    with linear part ``R^T F`` and angular part ``R^T ((p - o) x F)``, its moment about the
    joint origin, both expressed in the joint frame, which is what ``rnea`` expects.
    """
    fext = [pin.Force.Zero() for _ in range(model.njoints)]
    for name, body in posture.force_bodies().items():
        force, point = posture.force[name]
        i = model.getJointId(body)
        o_M_i = data.oMi[i]
        moment = np.cross(point - o_M_i.translation, force)
        fext[i] += pin.Force(o_M_i.rotation.T @ force, o_M_i.rotation.T @ moment)
    return fext


@dataclass(frozen=True)
class EngineResult:
    """What Pinocchio says about one posture.

    Attributes
    ----------
    torque : dict of str -> float
        Generalized force of each revolute joint, N m: the CCW moment the parent body applies to
        the child about the joint centre.
    net_moment : dict of str -> float
        Ankle, knee and hip torques with the anatomical sign (plantarflexion +, extension +).
    root_wrench : ndarray, shape (3,), or None
        With a planar root: the wrench the world exerts on the foot, ``(F_x, F_y, M_z)`` in N
        and N m, the moment about the world origin (the floor below the ankle). ``None`` for a
        fixed root.
    """

    torque: dict[str, float]
    net_moment: dict[str, float]
    root_wrench: np.ndarray | None


def inverse_dynamics(ds, phase_index: int, *, root: Root = "fixed") -> EngineResult:
    """Pinocchio's static joint torques for one phase of a result dataset.

    Examples
    --------
    >>> import biomech
    >>> ds = biomech.simulate(biomech.Squat(), n=3)
    >>> engine = inverse_dynamics(ds, 0)
    >>> ours = float(ds["net_moment"].sel(joint="hip").isel(phase=0))
    >>> bool(abs(engine.net_moment["hip"] - ours) < 1e-9 * abs(ours))
    True
    """
    posture = Posture.of(ds, phase_index)
    model = build_model(posture, root=root)
    data = model.createData()
    q = configuration(model, posture)
    pin.forwardKinematics(model, data, q)
    fext = external_forces(model, data, posture)
    zero = np.zeros(model.nv)
    tau = pin.rnea(model, data, q, zero, zero, fext)

    torque = {joint: float(tau[model.joints[model.getJointId(joint)].idx_v]) for joint, *_ in CHAIN}
    root_wrench = None
    if root == "planar":
        # data.f[i]: the spatial force joint i transmits from the parent (here the world) to its
        # body, in the joint frame; move it to the world frame, where its angular part is the
        # moment about the world origin.
        i = model.getJointId("root")
        wrench = data.oMi[i].act(data.f[i])
        root_wrench = np.array([wrench.linear[0], wrench.linear[1], wrench.angular[2]])
    return EngineResult(
        torque=torque,
        net_moment={j: ANATOMICAL_SIGN[j] * torque[j] for j in ANATOMICAL_SIGN},
        root_wrench=root_wrench,
    )


def engine_net_moments(ds, *, root: Root = "fixed") -> np.ndarray:
    """Pinocchio's anatomical net moments, shape ``(phase, joint)`` in the order of
    ``ds["joint"]``, N m: directly comparable with ``ds["net_moment"]``."""
    joints = [str(j) for j in ds["joint"].values]
    rows = []
    for k in range(ds.sizes["phase"]):
        result = inverse_dynamics(ds, k, root=root)
        rows.append([result.net_moment[j] for j in joints])
    return np.array(rows)
