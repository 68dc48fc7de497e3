"""A biomech result rebuilt in Pinocchio, and the engine's joint torques for it.

An independent check of biomech's statics and inverse dynamics. Nothing here imports biomech:
the model is built from the public variables of one ``biomech.simulate`` result (joint centres
and named points, segment masses, moments of inertia and centres of mass, segment and joint
angles, the external forces and where they act, and for a rep lifted to a tempo the segment
angular velocities and accelerations and the bar's motion), and the joint torques come from
Pinocchio's recursive Newton-Euler algorithm ``pin.rnea(model, data, q, v, a, fext)``: at zero
velocity and acceleration for postures held still (statics, :func:`inverse_dynamics`), with the
rep's v and a for a rep lifted to a tempo (:func:`rep_inverse_dynamics`).

The model
---------
A serial chain in the sagittal plane: x toward the toes, y up, z = x cross y out of the plane, so
a positive rotation about z is counter-clockwise (CCW) in every plot of the library::

    foot (root) --ankle--> shank --knee--> thigh --hip--> trunk + head
        --shoulder--> upper arm --elbow--> forearm + hand

Every joint is a revolute about z (``JointModelRZ``). The root body is the foot, either welded to
the world (``root="fixed"``: the foot *is* Pinocchio's universe body) or attached to it by a
planar joint (``root="planar"``: x, y and a rotation about z). Held at zero velocity and
acceleration (the foot never moves, in the dynamics too) the two are the same mechanism; the
planar joint only adds a readout, because its joint force is then the wrench the world must
exert on the foot: the ground reaction. Either way
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

Masses. Each segment's mass sits at its dataset centre of mass, with its moment of inertia
about that centre for rotation about z (``segment_moment_of_inertia``: the only component of
the inertia tensor that planar motion about z ever meets); the head rides on the trunk body and
the hand on the forearm body, each at its own centre of mass with its own moment of inertia
(biomech turns the head with the trunk and the hand with the forearm, so they share the body's
angular acceleration). A quasi-static result reports no moments of inertia; they are zero then,
and cannot matter, since at zero velocity and acceleration only the weight m g acting at the
centre of mass enters. Every centre of mass is also an operational frame (``com_<segment>``),
so the tests can read the engine's own kinematics there.

Loads. Gravity is ``(0, -g, 0)`` with ``g = ds.attrs["g_m_per_s2"]``. The bar acts on the trunk
in the squat (bar on the back) and the hip thrust (bar on the pelvis, which is part of the
trunk segment), and on the forearm + hand in the deadlift (the hands hold it); in the hip thrust
the bench pushes on the trunk. The bench force is always applied from the dataset: its
direction and the centre of pressure are assumptions of biomech's model that close a
statically indeterminate problem, not something an engine can derive. The bar is either an
external force from the dataset (``bar="force"``: its push ``force_vector(bar)``, the static
check) or a body of the model (``bar="body"``, the dynamic check; see Motion). The ground
reaction is *not* applied (see above).

Motion
------
biomech's foot does not move, so the root (fixed or planar) has v = a = 0. Each revolute joint
rate is the time derivative of its q, the child's segment angular velocity minus the parent's
(``segment_angular_velocity`` and ``segment_angular_acceleration``, deg/s and deg/s^2,
converted to radians; :func:`joint_motion`). Pinocchio then composes the rigid chain's motion
itself: the tests compare its velocity and acceleration at each ``com_<segment>`` frame with
``segment_com_velocity`` and ``segment_com_acceleration``, which biomech differentiates from the
centre-of-mass positions, not from the angles.

biomech's bar is a particle whose inertia is part of ``force_vector(bar)`` (its weight less
``m_bar a_bar``). Feeding that force in would hand the engine our inertia, so the dynamic model
carries the bar as a particle of mass ``load_kg`` (no rotational inertia, like biomech's: the
plates turn freely on the sleeves) on two prismatic joints, ``bar_x`` (``JointModelPX``) then
``bar_y`` (``JointModelPY``), at the origin and along the axes of the body it loads. Their q is
the bar centre in that body's frame; their v and a are the dataset's ``bar_velocity`` and
``bar_acceleration`` seen from that body, whose motion comes from Pinocchio's forward kinematics
of the chain (:func:`bar_motion`, with the Euler, centripetal and Coriolis terms). The engine
composes the bar's world acceleration back from them (checked against the dataset's) and finds
the bar's load itself. The generalized forces of ``bar_x`` and ``bar_y`` are the force the
body exerts on the bar, in that body's axes; minus that is the bar's push on the body, which the
tests compare with ``force_vector(bar)``. (In the squat and the deadlift the bar is fixed on its
body, so the relative motion is zero to rounding and finite-difference error; in the hip thrust
it rides in the crease between thigh and trunk and slides relative to the trunk.)

Signs
-----
For a revolute joint, ``rnea`` returns the generalized force conjugate to q: the moment about +z
(CCW) that the parent body applies to the child body through the joint, about the joint centre,
to hold everything beyond the joint in equilibrium (v = a = 0), or to give it the prescribed
motion (the rate of change of its angular momentum about the joint centre). That is the net
internal joint moment, signed CCW on the child. An anatomical moment is positive when it drives
its joint toward the named direction (plantarflexion, extension); by virtual work, if that
anatomical angle is ``s * q`` (plus a constant), the anatomical moment is ``s * tau``. From the
q's above:

* ankle: plantarflexion = -dorsiflexion = q_ankle - 90 deg, so s = +1 (plantarflexion swings
  the shank CCW, the knee back over the heel);
* knee: extension = -knee flexion = -q_knee, so s = -1 (extension turns the thigh CW relative to
  the shank, the hips forward over the knees);
* hip: extension = -hip flexion = q_hip, so s = +1 (extension turns the trunk CCW relative to
  the thigh, the shoulders back);
* lumbar: the trunk is split at the dataset's ``lumbar`` point into the part above it
  (``trunk_upper_mass``, ``trunk_upper_com``, ``trunk_upper_moment_of_inertia``) and the rest,
  joined by a revolute joint at q = 0 (biomech's trunk is rigid); extension turns the upper
  part CCW relative to the pelvis, the shoulders back, so s = +1.

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
Bar = Literal["force", "body"]

#: The chain from the floor up: (joint, parent segment, child segment).
CHAIN: tuple[tuple[str, str, str], ...] = (
    ("ankle", "foot", "shank"),
    ("knee", "shank", "thigh"),
    ("hip", "thigh", "trunk"),
    ("lumbar", "trunk", "trunk_upper"),
    ("shoulder", "trunk_upper", "upper_arm"),
    ("elbow", "upper_arm", "forearm"),
)

#: The engine body each dataset segment belongs to, named by the joint that carries the body
#: ("root" is the foot: the universe with a fixed root, the planar joint's body otherwise).
BODY_OF_SEGMENT: dict[str, str] = {
    "foot": "root",
    "shank": "ankle",
    "thigh": "knee",
    "trunk": "hip",
    "trunk_upper": "lumbar",
    "head": "lumbar",
    "upper_arm": "shoulder",
    "forearm": "elbow",
    "hand": "elbow",
}
#: The masses of the model: the dataset's segments, except that the trunk's is split at the
#: lumbar joint into the part above it (``trunk_upper``, as the dataset gives it) and the
#: pelvis part below (``pelvis_part``: the rest of the trunk, on the trunk's body).
MASS_BODY: dict[str, str] = {
    **{s: b for s, b in BODY_OF_SEGMENT.items() if s != "trunk"},
    "pelvis_part": "hip",
}

#: Named dataset points that are not joint centres, and the body each is fixed to (as a frame).
#: ``bench_contact`` exists only in the hip thrust; ``bar`` is placed by :data:`BAR_BODY`.
POINT_BODY: dict[str, str] = {
    "heel": "root",
    "toe": "root",
    "midfoot": "root",
    "head": "lumbar",
    "bench_contact": "lumbar",
    "wrist": "elbow",
    "grip": "elbow",
}

#: The body the bar rests on, by ``ds.attrs["exercise"]``.
BAR_BODY: dict[str, str] = {"hip_thrust": "hip", "squat": "lumbar", "deadlift": "elbow"}

#: External forces applied to the model and the body each acts on (the bar's entry is replaced
#: by :data:`BAR_BODY`). The ground reaction is deliberately absent: it is the root's reaction.
FORCE_BODY: dict[str, str] = {"bar": "hip", "bench": "lumbar"}

#: Anatomical moment = ANATOMICAL_SIGN * (Pinocchio's CCW torque on the child); see Signs above.
ANATOMICAL_SIGN: dict[str, float] = {"ankle": 1.0, "knee": -1.0, "hip": 1.0, "lumbar": 1.0}


def _xyz(xy) -> np.ndarray:
    """A planar (x, y) point or vector as Pinocchio's 3-vector, z = 0."""
    return np.array([xy[0], xy[1], 0.0])


def _rz(theta: float) -> np.ndarray:
    """Rotation by ``theta`` (rad) about z: CCW in the sagittal plane."""
    c, s = np.cos(theta), np.sin(theta)
    return np.array([[c, -s, 0.0], [s, c, 0.0], [0.0, 0.0, 1.0]])


def _named(ds, variable: str, dim: str, convert=_xyz) -> list[dict]:
    """One variable of ``ds`` as one dict per sample, keyed by the labels of ``dim``: the
    dataset is read once (plain numpy), not once per sample."""
    sample = _sample_dim(ds)
    da = ds[variable]
    if "axis" in da.dims:
        da = da.sel(axis=["x", "y"])
    if sample not in da.dims:  # per-body constants such as the segment masses
        da = da.expand_dims({sample: ds.sizes[sample]})
    values = da.transpose(sample, dim, ...).values
    labels = [str(n) for n in ds[dim].values]
    return [{n: convert(v) for n, v in zip(labels, row, strict=True)} for row in values]


def _vectors(ds, variable: str) -> list[np.ndarray]:
    """A ``(sample, axis)`` variable as one 3-vector per sample."""
    values = ds[variable].sel(axis=["x", "y"]).transpose(_sample_dim(ds), "axis").values
    return [_xyz(v) for v in values]


def _sample_dim(ds) -> str:
    """``time`` for a rep lifted to a tempo, ``phase`` for postures held still."""
    return "time" if "time" in ds.dims else "phase"


def _rad(v) -> float:
    return float(np.deg2rad(v))


@dataclass(frozen=True)
class Posture:
    """One sample of a result dataset as plain numbers: m, rad, kg, N, s (3-vectors, z = 0).

    A quasi-static result (dimension ``phase``) has no motion: its segment angular velocities
    and accelerations, bar velocity and acceleration are zero, and so are the moments of inertia
    it does not report (they cannot matter at rest). A rep lifted to a tempo (dimension
    ``time``) carries all of them.
    """

    exercise: str
    g: float
    load_kg: float
    point: dict[str, np.ndarray]
    com: dict[str, np.ndarray]
    mass: dict[str, float]
    #: about each segment's centre of mass, for rotation about z, kg m^2
    moment_of_inertia: dict[str, float]
    segment_angle: dict[str, float]
    joint_angle: dict[str, float]
    body_com: np.ndarray
    #: force name -> (force vector, point of application), in the world frame
    force: dict[str, tuple[np.ndarray, np.ndarray]]
    #: rad/s and rad/s^2, counter-clockwise
    angular_velocity: dict[str, float]
    angular_acceleration: dict[str, float]
    #: of the bar centre, m/s and m/s^2, world frame (our centre-of-mass velocities and
    #: accelerations are deliberately not read: the engine derives its own)
    bar_velocity: np.ndarray
    bar_acceleration: np.ndarray

    @classmethod
    def of(cls, ds, index: int) -> Posture:
        """Read sample number ``index`` (of ``phase`` or ``time``) of ``ds`` (one body)."""
        return cls.series(ds.isel({_sample_dim(ds): [index]}))[0]

    @classmethod
    def series(cls, ds) -> list[Posture]:
        """Every sample of ``ds`` (one body: no ``body`` dimension), in order."""
        if "body" in ds.dims:
            raise ValueError("build the engine model from a single-body dataset")
        n = ds.sizes[_sample_dim(ds)]
        segments = [str(name) for name in ds["segment"].values]
        columns = {
            "point": _named(ds, "position", "point"),
            "com": _named(ds, "segment_com", "segment"),
            "mass": _named(ds, "segment_mass", "segment", float),
            "segment_angle": _named(ds, "segment_angle", "segment", _rad),
            "joint_angle": _named(ds, "joint_angle", "joint", _rad),
            "body_com": _vectors(ds, "body_com"),
        }
        vectors, points = _named(ds, "force_vector", "force"), _named(ds, "force_point", "force")
        columns["force"] = [
            {f: (v[f], r[f]) for f in v} for v, r in zip(vectors, points, strict=True)
        ]
        if "segment_angular_velocity" in ds:  # a rep lifted to a tempo
            columns |= {
                "moment_of_inertia": _named(ds, "segment_moment_of_inertia", "segment", float),
                "angular_velocity": _named(ds, "segment_angular_velocity", "segment", _rad),
                "angular_acceleration": _named(ds, "segment_angular_acceleration", "segment", _rad),
                "bar_velocity": _vectors(ds, "bar_velocity"),
                "bar_acceleration": _vectors(ds, "bar_acceleration"),
            }
        else:  # held still
            still = dict.fromkeys(segments, 0.0)
            columns |= {
                "moment_of_inertia": [still] * n,
                "angular_velocity": [still] * n,
                "angular_acceleration": [still] * n,
                "bar_velocity": [np.zeros(3)] * n,
                "bar_acceleration": [np.zeros(3)] * n,
            }
        _split_trunk(ds, columns, n)
        common = {
            "exercise": str(ds.attrs["exercise"]),
            "g": float(ds.attrs["g_m_per_s2"]),
            "load_kg": float(ds.attrs["load_kg"]),
        }
        return [cls(**common, **{k: c[i] for k, c in columns.items()}) for i in range(n)]

    def point_bodies(self) -> dict[str, str]:
        """Every named point that is not a joint centre, and the body it is fixed to."""
        out = {p: b for p, b in POINT_BODY.items() if p in self.point}
        out["bar"] = BAR_BODY[self.exercise]
        return out

    def force_bodies(self, *, bar: Bar = "force") -> dict[str, str]:
        """Every external force to apply (the ground's excluded, and the bar's when the model
        carries the bar as a body), and the body it acts on."""
        unknown = set(self.force) - {"ground", *FORCE_BODY}
        if unknown:  # a new kind of load must be placed on a body here, not silently dropped
            raise ValueError(f"no engine body for the force(s) {sorted(unknown)}")
        out = {f: FORCE_BODY[f] for f in self.force if f != "ground"}
        if bar == "body":
            out.pop("bar", None)
        elif "bar" in out:
            out["bar"] = BAR_BODY[self.exercise]
        return out


def _split_trunk(ds, columns: dict, n: int) -> None:
    """Split the trunk at the lumbar joint, in place: the part above it as the dataset gives
    it (``trunk_upper_mass``, ``trunk_upper_com``, ``trunk_upper_moment_of_inertia``; it turns
    with the trunk), and the rest of the trunk, ``pelvis_part``, where the trunk's mass, centre
    of mass and moment of inertia (parallel axes) leave it. The trunk's own entries stay (its
    centre of mass is still a frame of the trunk's body)."""
    m_u = float(ds["trunk_upper_mass"])
    com_u = _vectors(ds, "trunk_upper_com")
    i_u = float(ds["trunk_upper_moment_of_inertia"]) if "time" in ds.dims else 0.0
    for k in range(n):
        mass, com, inertia = columns["mass"][k], columns["com"][k], columns["moment_of_inertia"][k]
        m_t, r_t = mass["trunk"], com["trunk"]
        m_p = m_t - m_u
        r_p = (m_t * r_t - m_u * com_u[k]) / m_p
        offsets = m_u * np.sum((com_u[k] - r_t) ** 2) + m_p * np.sum((r_p - r_t) ** 2)
        columns["mass"][k] = {**mass, "trunk_upper": m_u, "pelvis_part": m_p}
        columns["com"][k] = {**com, "trunk_upper": com_u[k], "pelvis_part": r_p}
        # held still, no moment of inertia is reported (nor needed): all zero
        i_p = inertia["trunk"] - i_u - offsets if inertia["trunk"] else 0.0
        columns["moment_of_inertia"][k] = {**inertia, "trunk_upper": i_u, "pelvis_part": i_p}
        for name in ("segment_angle", "angular_velocity", "angular_acceleration"):
            row = columns[name][k]
            columns[name][k] = {**row, "trunk_upper": row["trunk"]}


def body_frames(posture: Posture) -> dict[str, pin.SE3]:
    """World pose of each body's frame: origin at the proximal joint, x along the segment."""
    if abs(posture.segment_angle["foot"]) > 1e-12:
        raise ValueError("the engine model assumes a flat foot (foot segment angle 0)")
    frames = {"root": pin.SE3.Identity()}
    for joint, _, child in CHAIN:
        frames[joint] = pin.SE3(_rz(posture.segment_angle[child]), posture.point[joint])
    return frames


def build_model(posture: Posture, *, root: Root = "fixed", bar: Bar = "force") -> pin.Model:
    """The Pinocchio model of one posture: joints, segment inertias, named points as frames.

    ``root="fixed"`` welds the foot to the world; ``root="planar"`` hangs it on a planar joint
    at the world origin (neutral configuration = the foot where the dataset has it).
    ``bar="force"`` leaves the bar out of the model (its push on the body is then an external
    force from the dataset); ``bar="body"`` makes it a particle of mass ``load_kg`` on two
    prismatic joints (``bar_x``, ``bar_y``) on the body it loads, so that the engine computes
    its weight and inertia itself.
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

    # Each segment's mass at its centre of mass and its moment of inertia about that centre for
    # rotation about z (body coordinates; the in-plane components never enter planar motion).
    # A frame at every centre of mass lets the tests read the engine's kinematics there.
    for part, body in MASS_BODY.items():
        lever = frames[body].actInv(posture.com[part])
        rotational = np.diag([0.0, 0.0, posture.moment_of_inertia[part]])
        inertia = pin.Inertia(posture.mass[part], lever, rotational)
        model.appendBodyToJoint(joint_id[body], inertia, pin.SE3.Identity())
    for segment, body in BODY_OF_SEGMENT.items():
        lever = frames[body].actInv(posture.com[segment])
        model.addFrame(
            pin.Frame(
                f"com_{segment}",
                joint_id[body],
                pin.SE3(np.eye(3), lever),
                pin.FrameType.OP_FRAME,
            )
        )

    bar_body = None
    if bar == "body":
        # Two prismatic joints at the carrier's origin, along its x and y axes: the bar's
        # coordinates in the carrier's frame. The particle sits at the second joint's origin.
        carrier = joint_id[BAR_BODY[posture.exercise]]
        bar_x = model.addJoint(carrier, pin.JointModelPX(), pin.SE3.Identity(), "bar_x")
        bar_body = model.addJoint(bar_x, pin.JointModelPY(), pin.SE3.Identity(), "bar_y")
        particle = pin.Inertia(posture.load_kg, np.zeros(3), np.zeros((3, 3)))
        model.appendBodyToJoint(bar_body, particle, pin.SE3.Identity())
    elif bar != "force":
        raise ValueError(f"bar must be 'force' or 'body'; got {bar!r}")

    # Named points as operational frames, so forward kinematics can be checked against them.
    for name, body in posture.point_bodies().items():
        if name == "bar" and bar_body is not None:
            model.addFrame(pin.Frame(name, bar_body, pin.SE3.Identity(), pin.FrameType.OP_FRAME))
            continue
        placement = pin.SE3(np.eye(3), frames[body].actInv(posture.point[name]))
        model.addFrame(pin.Frame(name, joint_id[body], placement, pin.FrameType.OP_FRAME))
    return model


def configuration(model: pin.Model, posture: Posture) -> np.ndarray:
    """The joint coordinates q (rad, and m for the bar's) of ``posture`` for a model from
    :func:`build_model`.

    Relative segment angles (see the module docstring); a planar root stays neutral (the foot
    where the world frame puts it); a bar body sits at the dataset's bar centre, in the
    coordinates of the body it loads. The model may come from another sample of the same rep.
    """
    a, s = posture.joint_angle, posture.segment_angle
    angles = {
        "ankle": 0.5 * np.pi - a["ankle"],  # 90 deg - dorsiflexion
        "knee": a["knee"],  # knee flexion
        "hip": -a["hip"],  # minus hip flexion
        "lumbar": s["trunk_upper"] - s["trunk"],  # the trunk is rigid: 0
        "shoulder": s["upper_arm"] - s["trunk_upper"],
        "elbow": s["forearm"] - s["upper_arm"],
    }
    q = pin.neutral(model)
    for joint, value in angles.items():
        q[model.joints[model.getJointId(joint)].idx_q] = value
    if model.existJointName("bar_x"):
        carrier = body_frames(posture)[BAR_BODY[posture.exercise]]
        local = carrier.actInv(posture.point["bar"])
        q[model.joints[model.getJointId("bar_x")].idx_q] = local[0]
        q[model.joints[model.getJointId("bar_y")].idx_q] = local[1]
    return q


def external_forces(model: pin.Model, data: pin.Data, posture: Posture, *, bar: Bar = "force"):
    """The bar (unless it is a body of the model) and the bench as spatial forces on their
    bodies, each in its joint's local frame.

    Needs ``data.oMi`` from ``pin.forwardKinematics``. A world force ``F`` at world point ``p``
    on the body of joint ``i`` (origin ``o``, rotation ``R`` in the world) is the spatial force
    with linear part ``R^T F`` and angular part ``R^T ((p - o) x F)``, its moment about the
    joint origin, both expressed in the joint frame, which is what ``rnea`` expects.
    """
    fext = [pin.Force.Zero() for _ in range(model.njoints)]
    for name, body in posture.force_bodies(bar=bar).items():
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


def engine_lumbar_moments(ds) -> np.ndarray:
    """Pinocchio's anatomical lumbar torque at every phase, N m: comparable with
    ``ds["lumbar_moment"]``."""
    return np.array(
        [inverse_dynamics(ds, k).net_moment["lumbar"] for k in range(ds.sizes["phase"])]
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


def joint_motion(model: pin.Model, posture: Posture) -> tuple[np.ndarray, np.ndarray]:
    """Joint velocities v (rad/s) and accelerations a (rad/s^2) of the revolute joints.

    Each is the child's segment angular velocity (acceleration) minus the parent's, the time
    derivative of the relative angle q; the foot's are zero (it does not move). A planar root
    and the bar's joints are left at zero (see :func:`bar_motion` for the bar).
    """
    w, dw = posture.angular_velocity, posture.angular_acceleration
    v, a = np.zeros(model.nv), np.zeros(model.nv)
    for joint, parent, child in CHAIN:
        i = model.joints[model.getJointId(joint)].idx_v
        v[i] = w[child] - w[parent]
        a[i] = dw[child] - dw[parent]
    return v, a


def bar_motion(model: pin.Model, data: pin.Data, posture: Posture, q, v, a):
    """``(v, a)`` with the bar's joint rates set: the dataset's bar velocity and acceleration
    seen from the body that carries the bar, whose own motion comes from Pinocchio's forward
    kinematics of the chain.

    With the carrier's origin ``o`` (velocity ``v_o``, classical acceleration ``a_o``),
    rotation ``R``, angular velocity ``w`` and acceleration ``dw`` (all in world axes), and
    ``r = p_bar - o``, differentiating ``r = R r_local`` twice gives

        R r_local'  = v_bar - v_o - w x r
        R r_local'' = a_bar - a_o - dw x r - w x (w x r) - 2 w x (R r_local')

    (the relative, Euler, centripetal and Coriolis terms). Pinocchio composes them back into
    the bar's world acceleration, which the tests check against the dataset's.
    """
    v, a = v.copy(), a.copy()
    pin.forwardKinematics(model, data, q, v, a)
    i = model.getJointId(BAR_BODY[posture.exercise])
    world = pin.ReferenceFrame.LOCAL_WORLD_ALIGNED
    velocity = pin.getVelocity(model, data, i, world)
    acceleration = pin.getClassicalAcceleration(model, data, i, world)
    w, dw = velocity.angular, acceleration.angular
    r = posture.point["bar"] - data.oMi[i].translation
    v_rel = posture.bar_velocity - velocity.linear - np.cross(w, r)
    a_rel = (
        posture.bar_acceleration
        - acceleration.linear
        - np.cross(dw, r)
        - np.cross(w, np.cross(w, r))
        - 2.0 * np.cross(w, v_rel)
    )
    to_local = data.oMi[i].rotation.T
    for axis, name in enumerate(("bar_x", "bar_y")):
        k = model.joints[model.getJointId(name)].idx_v
        v[k] = (to_local @ v_rel)[axis]
        a[k] = (to_local @ a_rel)[axis]
    return v, a


@dataclass(frozen=True)
class EngineRep:
    """What Pinocchio says about every sample of a rep (arrays over the samples).

    Attributes
    ----------
    net_moment : ndarray, shape (n, 3)
        Ankle, knee and hip torques with the anatomical sign, in the order of ``ds["joint"]``,
        N m: comparable with ``ds["net_moment"]``.
    lumbar_moment : ndarray, shape (n,)
        The lumbar joint's, comparable with ``ds["lumbar_moment"]``.
    root_wrench : ndarray, shape (n, 3), or None
        With a planar root, ``(F_x, F_y, M_z)`` the world exerts on the foot (N, N m about the
        world origin); ``None`` for a fixed root.
    bar_push : ndarray, shape (n, 2)
        The bar's push on the body (x, y, N): minus the force the carrier's joints exert on the
        bar particle; comparable with ``ds["force_vector"].sel(force="bar")``.
    bar_acceleration : ndarray, shape (n, 2)
        The bar particle's acceleration as Pinocchio composes it, m/s^2.
    com_velocity, com_acceleration : ndarray, shape (n, S, 2)
        Velocity (m/s) and classical acceleration (m/s^2) of each segment's centre of mass by
        Pinocchio's forward kinematics, segments in the order of ``ds["segment"]``.
    """

    net_moment: np.ndarray
    lumbar_moment: np.ndarray
    root_wrench: np.ndarray | None
    bar_push: np.ndarray
    bar_acceleration: np.ndarray
    com_velocity: np.ndarray
    com_acceleration: np.ndarray


def _generalized_force(model: pin.Model, tau: np.ndarray, joint: str) -> float:
    return float(tau[model.joints[model.getJointId(joint)].idx_v])


def rep_inverse_dynamics(ds, *, root: Root = "fixed", moving: bool = True) -> EngineRep:
    """Pinocchio's inverse dynamics at every sample of a rep lifted to a tempo.

    Each sample gets its own model (:func:`build_model` with ``bar="body"``: the bar is a
    particle of the model, so the engine computes its weight and inertia; only the bench
    force, an assumption of biomech's model, is applied from the dataset), its q from
    :func:`configuration`, its v and a from :func:`joint_motion` and :func:`bar_motion`, and
    ``pin.rnea(model, data, q, v, a, fext)``. ``moving=False`` holds every sample still
    (v = a = 0): the same postures, statics, with the same (moving) bench force.

    Examples
    --------
    >>> import biomech
    >>> ds = biomech.simulate(biomech.Squat(), tempo="1-0-1-0", rate_hz=4)
    >>> engine = rep_inverse_dynamics(ds)
    >>> ours = ds["net_moment"].values
    >>> bool(abs(engine.net_moment - ours).max() < 1e-8 * abs(ours).max())
    True
    """
    joints = [str(j) for j in ds["joint"].values]
    segments = [str(s) for s in ds["segment"].values]
    world = pin.ReferenceFrame.LOCAL_WORLD_ALIGNED
    names = ("moment", "lumbar", "root", "bar", "bar_a", "v", "a")
    rows: dict[str, list] = {name: [] for name in names}
    for posture in Posture.series(ds):
        model = build_model(posture, root=root, bar="body")
        data = model.createData()
        q = configuration(model, posture)
        v, a = np.zeros(model.nv), np.zeros(model.nv)
        if moving:
            v, a = bar_motion(model, data, posture, q, *joint_motion(model, posture))

        # the engine's own kinematics of this (q, v, a), read before rnea overwrites data
        pin.forwardKinematics(model, data, q, v, a)
        pin.updateFramePlacements(model, data)
        com = [model.getFrameId(f"com_{s}") for s in segments]
        rows["v"].append([pin.getFrameVelocity(model, data, f, world).linear[:2] for f in com])
        rows["a"].append(
            [pin.getFrameClassicalAcceleration(model, data, f, world).linear[:2] for f in com]
        )
        bar = model.getFrameId("bar")
        rows["bar_a"].append(pin.getFrameClassicalAcceleration(model, data, bar, world).linear[:2])

        fext = external_forces(model, data, posture, bar="body")
        tau = pin.rnea(model, data, q, v, a, fext)
        rows["moment"].append(
            [ANATOMICAL_SIGN[j] * _generalized_force(model, tau, j) for j in joints]
        )
        rows["lumbar"].append(ANATOMICAL_SIGN["lumbar"] * _generalized_force(model, tau, "lumbar"))
        # bar_x and bar_y carry the force the carrier exerts on the bar, in the carrier's axes;
        # the bar pushes back on the body with the opposite force
        carrier = data.oMi[model.getJointId(BAR_BODY[posture.exercise])].rotation
        local = [_generalized_force(model, tau, name) for name in ("bar_x", "bar_y")]
        rows["bar"].append(-(carrier @ np.array([*local, 0.0]))[:2])
        if root == "planar":
            i = model.getJointId("root")
            wrench = data.oMi[i].act(data.f[i])  # as in inverse_dynamics
            rows["root"].append([wrench.linear[0], wrench.linear[1], wrench.angular[2]])
    return EngineRep(
        net_moment=np.array(rows["moment"]),
        lumbar_moment=np.array(rows["lumbar"]),
        root_wrench=np.array(rows["root"]) if root == "planar" else None,
        bar_push=np.array(rows["bar"]),
        bar_acceleration=np.array(rows["bar_a"]),
        com_velocity=np.array(rows["v"]),
        com_acceleration=np.array(rows["a"]),
    )
