"""Cross-validation of the statics against Pinocchio, a general rigid-body engine.

Each case is simulated with biomech, then rebuilt in Pinocchio from the result dataset alone
(:mod:`tests.engine.pinocchio_model`: the foot as the root, revolute ankle, knee, hip, shoulder
and elbow, point masses at the dataset's centres of mass, the bar and bench forces on the bodies
they act on) and the engine's static inverse dynamics is compared with ``net_moment`` at every
phase of the rep.

Tolerance: 1e-8 relative to the largest |net moment| of the run. Both sides solve the same
linear equilibrium equations by different routes (biomech sums moments over the loads above each
joint in complex arithmetic; Pinocchio propagates spatial forces down the chain and projects on
the joint axes), so they should agree to floating-point rounding, about 1e-15 relative here;
1e-8 leaves many orders of magnitude for rounding and for the degrees-to-radians round trip of
the angles, while any modelling difference (a load on the wrong body or side of a joint, a
centre of mass 1 mm off, a sign) shows up at 1e-5 or more. The reference is the run's largest
moment rather than each sample's so that moments passing through zero (the ankle, a hip near
lockout) are not judged relative to nothing.
"""

import functools
import warnings

import numpy as np
import pytest

import biomech
from biomech import Body, Deadlift, HipThrust, Squat

pin = pytest.importorskip("pinocchio")

from .pinocchio_model import (  # noqa: E402  (after the skip: needs the engine)
    CHAIN,
    Posture,
    body_frames,
    build_model,
    configuration,
    engine_lumbar_moments,
    engine_net_moments,
    inverse_dynamics,
)

N = 21  # phases per rep, 0 (bottom) to 1 (lockout)
RTOL = 1e-8  # see the module docstring
POSITION_ATOL = 1e-12  # m: forward kinematics must land on the dataset's points

FEMALE = Body.from_height_mass(height_m=1.62, mass_kg=58.0, sex="female")
WINTER = Body.from_height_mass(table="winter_2009")  # 1.80 m, 80 kg, Dempster via Winter

CASES = {
    "hip_thrust-vertical": (HipThrust(), None),
    "hip_thrust-normal": (HipThrust(bench_reaction="normal"), None),
    "hip_thrust-bodyweight": (HipThrust(load_kg=0.0), None),
    "hip_thrust-heel": (HipThrust(cop_fraction=0.0), None),
    "squat-high": (Squat(), None),
    "squat-low-deep": (Squat(bar_position="low", depth_deg=15.0), None),
    "deadlift": (Deadlift(), None),
    "female-hip_thrust-vertical": (HipThrust(), FEMALE),
    "female-hip_thrust-normal": (HipThrust(bench_reaction="normal"), FEMALE),
    "female-squat": (Squat(), FEMALE),
    "female-deadlift": (Deadlift(), FEMALE),
    "winter-hip_thrust-vertical": (HipThrust(), WINTER),
    "winter-hip_thrust-normal": (HipThrust(bench_reaction="normal"), WINTER),
    "winter-squat": (Squat(), WINTER),
    "winter-deadlift": (Deadlift(), WINTER),
}
# (Squat(bar_position="low", depth_deg=15) is infeasible for the Winter body: 151 deg of hip
# flexion, above the 150 deg cap; so the second bodies run the default set-ups.)


@functools.cache
def result(case: str):
    """The biomech result of a case (cached; treat as read-only)."""
    exercise, body = CASES[case]
    with warnings.catch_warnings():
        # With a frictionless back the feet need a friction coefficient slightly above 1 and
        # biomech warns; that is gym feasibility, not the mechanics checked here.
        warnings.simplefilter("ignore", biomech.BiomechWarning)
        return biomech.simulate(exercise, body, n=N)


def relative_difference(engine: np.ndarray, ours: np.ndarray) -> float:
    """Largest |engine - ours| over the run, over the run's largest |ours|."""
    return float(np.max(np.abs(engine - ours)) / np.max(np.abs(ours)))


@pytest.mark.parametrize("case", CASES)
def test_forward_kinematics_reproduces_the_posture(case):
    """q from the dataset's joint angles puts every joint centre, named point and the body's
    centre of mass where the dataset has them, and each segment's axis points at the next joint
    (the segment-angle convention), at every phase."""
    ds = result(case)
    for k in range(N):
        posture = Posture.of(ds, k)
        model = build_model(posture, root="planar")  # the planar root carries the foot's mass
        data = model.createData()
        q = configuration(model, posture)
        pin.forwardKinematics(model, data, q)
        pin.updateFramePlacements(model, data)
        frames = body_frames(posture)
        for joint, *_ in CHAIN:
            placement = data.oMi[model.getJointId(joint)]
            np.testing.assert_allclose(
                placement.translation, posture.point[joint], rtol=0, atol=POSITION_ATOL
            )
            # the joint frame's orientation is its segment's angle
            np.testing.assert_allclose(
                placement.rotation, frames[joint].rotation, rtol=0, atol=1e-12
            )
        for name in posture.point_bodies():
            np.testing.assert_allclose(
                data.oMf[model.getFrameId(name)].translation,
                posture.point[name],
                rtol=0,
                atol=POSITION_ATOL,
            )
        np.testing.assert_allclose(
            pin.centerOfMass(model, data, q), posture.body_com, rtol=0, atol=POSITION_ATOL
        )
        # segment axes point up the chain: the next joint (or wrist and grip, beyond the
        # forearm) lies on the +x axis of each body frame
        distal = {"ankle": ["knee"], "knee": ["hip"], "hip": ["shoulder"]}
        distal |= {"shoulder": ["elbow"], "elbow": ["wrist", "grip"]}
        for body, names in distal.items():
            for name in names:
                local = frames[body].actInv(posture.point[name])
                assert local[0] > 0.0
                assert abs(local[1]) < POSITION_ATOL


@pytest.mark.parametrize("case", CASES)
def test_one_rigid_model_follows_the_whole_rep(case):
    """A model built at the bottom of the rep, driven only by each phase's joint angles,
    reproduces every later posture: biomech's segments are rigid bodies with fixed centres of
    mass, as a rigid-body engine assumes. (The hip thrust's bar and bench contact are left
    out: the bar rides in the crease between thigh and trunk, so it is fixed to neither, and
    the back rolls over the bench's edge, so the contact moves along the back.)"""
    ds = result(case)
    model = build_model(Posture.of(ds, 0), root="planar")
    data = model.createData()
    for k in range(N):
        posture = Posture.of(ds, k)
        q = configuration(model, posture)
        pin.forwardKinematics(model, data, q)
        pin.updateFramePlacements(model, data)
        for joint, *_ in CHAIN:
            np.testing.assert_allclose(
                data.oMi[model.getJointId(joint)].translation,
                posture.point[joint],
                rtol=0,
                atol=POSITION_ATOL,
            )
        for name in posture.point_bodies():
            if name in ("bar", "bench_contact") and posture.exercise == "hip_thrust":
                continue
            np.testing.assert_allclose(
                data.oMf[model.getFrameId(name)].translation,
                posture.point[name],
                rtol=0,
                atol=POSITION_ATOL,
            )
        np.testing.assert_allclose(
            pin.centerOfMass(model, data, q), posture.body_com, rtol=0, atol=POSITION_ATOL
        )


@pytest.mark.parametrize("case", CASES)
def test_joint_torques_match_the_engine(case):
    """Pinocchio's ankle, knee and hip torques, mapped to the anatomical sign, equal
    ``net_moment`` to 1e-8 relative at every phase (tolerance: see the module docstring)."""
    ds = result(case)
    engine = engine_net_moments(ds)
    ours = ds["net_moment"].values
    assert relative_difference(engine, ours) <= RTOL


@pytest.mark.parametrize("case", CASES)
def test_lumbar_moment_matches_the_engine(case):
    """The engine's torque at a revolute joint splitting its trunk at the dataset's lumbar
    point (the part above it loaded with the head, the arms, the bench and, in the squat and
    deadlift, the bar) equals ``lumbar_moment`` to 1e-8 of its largest value."""
    ds = result(case)
    assert relative_difference(engine_lumbar_moments(ds), ds["lumbar_moment"].values) <= RTOL


@pytest.mark.parametrize("case", ["hip_thrust-vertical", "squat-high", "deadlift"])
def test_the_lumbar_check_can_fail(case):
    """Move the upper trunk's centre of mass 1 cm toward the toes before building the engine
    model: the lumbar torques disagree by more than 1e-3 of their largest value."""
    ds = result(case).copy(deep=True)
    ds["trunk_upper_com"].loc[{"axis": "x"}] += 0.01
    ours = ds["lumbar_moment"].values
    assert relative_difference(engine_lumbar_moments(ds), ours) > 1e-3


@pytest.mark.parametrize("case", CASES)
def test_root_reaction_is_the_ground_reaction(case):
    """With the foot on a planar root joint, the engine's root reaction (the wrench the world
    must exert on the foot) is the dataset's ground reaction: force, and moment about the origin
    of that force at the centre of pressure. No foot-weight correction is needed: the foot's
    mass is on the root body, so its weight is in the reaction, as it is in biomech's ground
    force. Forces to 1e-8 of the largest ground force; moments to 1e-8 of that force times the
    foot length (centres of pressure agree to 1e-8 foot lengths). The fixed-root and planar-root
    joint torques agree to rounding."""
    ds = result(case)
    ground = ds["force_vector"].sel(force="ground", axis=["x", "y"]).values
    cop = ds["force_point"].sel(force="ground", axis=["x", "y"]).values
    ground_moment = cop[:, 0] * ground[:, 1] - cop[:, 1] * ground[:, 0]
    expected = np.column_stack([ground, ground_moment])

    results = [inverse_dynamics(ds, k, root="planar") for k in range(N)]
    wrench = np.array([r.root_wrench for r in results])
    scale = np.max(np.abs(ground))
    foot = float((ds["position"].sel(point="toe") - ds["position"].sel(point="heel"))[0, 0])
    np.testing.assert_allclose(wrench[:, :2], expected[:, :2], rtol=0, atol=RTOL * scale)
    np.testing.assert_allclose(wrench[:, 2], expected[:, 2], rtol=0, atol=RTOL * scale * foot)

    planar = np.array([[r.net_moment[j] for j in ds["joint"].values] for r in results])
    fixed = engine_net_moments(ds, root="fixed")
    assert relative_difference(planar, fixed) <= 1e-12


@pytest.mark.parametrize(
    ("case", "joint", "phase"),
    [
        ("deadlift", "hip", 0.0),  # bar and trunk in front of the hip: extension
        ("squat-high", "hip", 0.0),
        ("squat-high", "knee", 0.0),  # hips behind the knees at the bottom: extension
        ("hip_thrust-vertical", "hip", 1.0),  # bar on the hips, bridged: extension
        ("deadlift", "lumbar", 0.0),  # the bar and the upper body ahead of the spine
        ("squat-high", "lumbar", 0.0),
    ],
)
def test_engine_signs_match_the_anatomy(case, joint, phase):
    """The engine's sign mapping, derived from the joint-angle definitions, gives the moments
    every coach knows: extension at the hip and knee in the bottom of a squat, and so on."""
    ds = result(case)
    k = int(np.argmin(np.abs(ds["phase"].values - phase)))
    assert inverse_dynamics(ds, k).net_moment[joint] > 0.0


@pytest.mark.parametrize("case", ["hip_thrust-vertical", "squat-high", "deadlift"])
def test_the_check_can_fail(case):
    """Move the trunk's centre of mass 1 cm toward the toes before building the engine model
    (the forces stay as biomech computed them): the torques then disagree by far more than the
    tolerance (> 1e-3 relative), so agreement above is not automatic."""
    ds = result(case).copy(deep=True)
    ds["segment_com"].loc[{"segment": "trunk", "axis": "x"}] += 0.01
    engine = engine_net_moments(ds)
    assert relative_difference(engine, ds["net_moment"].values) > 1e-3
