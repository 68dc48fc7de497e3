"""Cross-validation of the inverse dynamics against Pinocchio, on whole reps lifted to a tempo.

Each case is lifted with ``biomech.simulate(..., tempo=...)`` and every time sample is rebuilt
in Pinocchio from the result dataset alone (:mod:`tests.engine.pinocchio_model`: the foot as
the root, revolute ankle, knee, hip, shoulder and elbow, each segment's mass at its centre of
mass with its moment of inertia about it, the bar as a particle body on two prismatic joints,
the bench force as an external force). The engine is given only the joint coordinates q, their
rates v and accelerations a (relative segment angular velocities and accelerations; the bar's
coordinates relative to the body it loads); ``pin.rnea`` then computes every segment's and the
bar's inertia itself, and the ground reaction is never fed in.

What is compared, and why each tolerance
----------------------------------------
Both sides take the same motion, the joint angles with their rates and accelerations (ours
come from a five-point stencil in phase and the chain rule; see :mod:`biomech.dynamics`), and
compose the rigid chain's velocities and accelerations from them: biomech along its chain from
the fixed ankle, the engine by its own forward kinematics. So

* centre-of-mass velocities and accelerations agree to ``KINEMATICS_RTOL`` = 1e-12 of the
  run's largest: only rounding separates them (measured up to 3e-15). A modelling difference
  (a centre of mass on the wrong body, a lost centripetal or Coriolis term, degrees for
  radians) is 1e-3 or more;
* the joint torques and the ground reaction agree to ``RTOL`` = 1e-8 of the run's largest
  moment (force), as in the static check (see ``test_pinocchio.py``): both sides solve the same
  linear equations of motion by different routes (d'Alembert loads summed above each joint;
  spatial forces propagated down the chain) and meet at rounding, measured up to 3.4e-15;
* the bar, whose acceleration the engine recomposes from the relative motion, and its push on
  the body, which the engine derives from the bar's mass, gravity and that acceleration,
  agree to ``BAR_RTOL`` = 1e-12 (only rounding separates them).

(An earlier version of biomech differentiated each centre of mass's position through the
phase directly; near the hip thrust's bottom, where the four-bar is a few degrees from
closing, its one-sided stencil parted from the rigid-chain accelerations by 1.1e-7 and the
moments by 2.1e-8. This check found it; the library now moves every body point rigidly with
its segment.)

Every reference is the run's largest magnitude rather than each sample's, so that moments and
accelerations passing through zero are not judged relative to nothing.

That the agreement is not automatic: the inertial part of every case is a sizeable share of
its moments (``test_inertia_matters_on_both_sides``), and small corruptions of the dataset the
engine is built from break it (``test_the_dynamic_check_can_fail``). Breaking the library
itself (dropping the ``-I alpha`` couples, reversing the bar's ``-m a``, centre-of-mass
accelerations 0.1 % off) fails the torque, ground-reaction and bar or kinematics tests here.

What this check cannot see: the engine takes the motion as given. A time parametrization that
is wrong but consistent (every angle and position differentiated through the same wrong phase
rate or acceleration) is still a rigid motion, so the engine and biomech agree on it; that
the velocities and accelerations are the time derivatives of the sampled postures is
``tests/test_dynamics.py``'s check (differences in time at 2 kHz).
"""

import functools
import warnings

import numpy as np
import pytest

import biomech
from biomech import Body, Deadlift, HipThrust, Squat, Tempo

pin = pytest.importorskip("pinocchio")

from .pinocchio_model import (  # noqa: E402  (after the skip: needs the engine)
    rep_inverse_dynamics,
)

RTOL = 1e-8  # engine vs ours: moments and ground reaction (see the module docstring)
KINEMATICS_RTOL = 1e-12  # centre-of-mass velocities and accelerations
BAR_RTOL = 1e-12
INERTIAL_SHARE = 0.05  # the inertial part must exceed this share of the largest moment

FEMALE = Body.from_height_mass(height_m=1.62, mass_kg=58.0, sex="female")
WINTER = Body.from_height_mass(table="winter_2009")  # 1.80 m, 80 kg, Dempster via Winter
# s: lowering, bottom pause, lifting, top hold. Lifted faster than in 0.9 s, the squat and
# the deadlift would need the floor to pull the feet down (a minimum-jerk concentric
# decelerates the body faster than gravity near lockout), which simulate refuses.
SLOW, FAST = "2-0-1-2", "1-0-0.9-0"
FROM_FLOOR = Tempo.parse(SLOW, start="bottom")  # a deadlift starts on the floor
FROM_FLOOR_FAST = Tempo.parse(FAST, start="bottom")

#: case -> (exercise, body, tempo, rate_hz): the static check's set-ups, two tempos, 50-100 Hz
CASES = {
    "hip_thrust-vertical": (HipThrust(), None, SLOW, 50.0),
    "hip_thrust-normal": (HipThrust(bench_reaction="normal"), None, SLOW, 50.0),
    "hip_thrust-vertical-fast": (HipThrust(), None, FAST, 100.0),
    "hip_thrust-normal-fast": (HipThrust(bench_reaction="normal"), None, FAST, 100.0),
    "squat-high": (Squat(), None, SLOW, 50.0),
    "squat-low-deep-fast": (Squat(bar_position="low", depth_deg=15.0), None, FAST, 100.0),
    "deadlift": (Deadlift(), None, FROM_FLOOR, 50.0),
    "deadlift-fast": (Deadlift(), None, FROM_FLOOR_FAST, 100.0),
    "female-hip_thrust-normal-fast": (HipThrust(bench_reaction="normal"), FEMALE, FAST, 100.0),
    "female-squat": (Squat(), FEMALE, SLOW, 50.0),
    "female-deadlift-fast": (Deadlift(), FEMALE, FROM_FLOOR_FAST, 100.0),
    "winter-hip_thrust-vertical": (HipThrust(), WINTER, SLOW, 50.0),
    "winter-squat-fast": (Squat(), WINTER, FAST, 100.0),
    "winter-deadlift": (Deadlift(), WINTER, FROM_FLOOR, 50.0),
}


@functools.cache
def lifted(case: str):
    """The biomech result of a case, one rep (cached; treat as read-only)."""
    exercise, body, tempo, rate_hz = CASES[case]
    with warnings.catch_warnings():
        # With a frictionless back the feet need a friction coefficient slightly above 1 and
        # biomech warns; that is gym feasibility, not the mechanics checked here.
        warnings.simplefilter("ignore", biomech.BiomechWarning)
        return biomech.simulate(exercise, body, tempo=tempo, rate_hz=rate_hz)


@functools.cache
def engine(case: str, root: str = "fixed", moving: bool = True):
    """Pinocchio's inverse dynamics of the case at every time sample (cached)."""
    return rep_inverse_dynamics(lifted(case), root=root, moving=moving)


def xy(da) -> np.ndarray:
    """x and y of a variable with an ``axis`` dimension, as the last axis of a numpy array."""
    return da.sel(axis=["x", "y"]).values


def cross(r: np.ndarray, f: np.ndarray) -> np.ndarray:
    """z of the planar cross product over the last axis (x, y)."""
    return r[..., 0] * f[..., 1] - r[..., 1] * f[..., 0]


def relative(engine_values, ours) -> float:
    """Largest |engine - ours| over the run, over the run's largest |ours|."""
    ours = np.asarray(ours)
    return float(np.max(np.abs(np.asarray(engine_values) - ours)) / np.max(np.abs(ours)))


def com_kinematics(ds) -> tuple[np.ndarray, np.ndarray]:
    """Our centre-of-mass velocities and accelerations, shape ``(time, segment, 2)``."""
    order = ("time", "segment", "axis")
    return (
        xy(ds["segment_com_velocity"].transpose(*order)),
        xy(ds["segment_com_acceleration"].transpose(*order)),
    )


def ground_wrench(ds) -> np.ndarray:
    """Our ground reaction as ``(F_x, F_y, M_z)``: the force, and its moment about the origin
    acting at the centre of pressure on the floor."""
    ground = xy(ds["force_vector"].sel(force="ground"))
    cop = ds["center_of_pressure"].values
    return np.column_stack([ground, cop * ground[:, 1]])


# --------------------------------------------------------------------- kinematics ---------
@pytest.mark.parametrize("case", CASES)
def test_engine_kinematics_match_ours(case):
    """Driven by our joint angles, their rates and accelerations, the rigid chain puts every
    segment's centre of mass at our velocity and acceleration (to rounding), and recomposes
    the bar's world acceleration from its motion relative to the body it loads to rounding,
    which checks the relative motion (Euler, centripetal, Coriolis terms)."""
    ds = lifted(case)
    rep = engine(case)
    velocity, acceleration = com_kinematics(ds)
    assert relative(rep.com_velocity, velocity) <= KINEMATICS_RTOL
    assert relative(rep.com_acceleration, acceleration) <= KINEMATICS_RTOL
    assert relative(rep.bar_acceleration, xy(ds["bar_acceleration"])) <= BAR_RTOL
    # and the motion is real: the centres of mass do accelerate
    assert float(np.abs(acceleration).max()) > 0.5  # m/s^2


# --------------------------------------------------------------------- dynamics -----------
@pytest.mark.parametrize("case", CASES)
def test_dynamic_joint_torques_match_the_engine(case):
    """Pinocchio's ankle, knee and hip torques at every time sample, mapped to the anatomical
    sign, equal ``net_moment`` to 1e-8 of the run's largest moment (module docstring)."""
    ds = lifted(case)
    rep = engine(case)
    assert relative(rep.net_moment, ds["net_moment"].values) <= RTOL


@pytest.mark.parametrize("case", CASES)
def test_dynamic_lumbar_moment_matches_the_engine(case):
    """The engine's lumbar torque (its trunk split at the lumbar point, the upper part's own
    mass, centre of mass and moment of inertia from the dataset) equals ``lumbar_moment``,
    inertia included, to 1e-8 of its largest value."""
    ds = lifted(case)
    assert relative(engine(case).lumbar_moment, ds["lumbar_moment"].values) <= RTOL


@pytest.mark.parametrize("case", CASES)
def test_root_reaction_is_the_dynamic_ground_reaction(case):
    """With the foot on a planar root joint (held still: q neutral, v = a = 0 for the root),
    the engine's root reaction is our ground reaction, inertia included: force to 1e-8 of the
    largest ground force and moment about the origin to 1e-8 of that force times the foot
    length (centres of pressure agree to 1e-8 foot lengths). The planar and fixed roots give
    the same joint torques."""
    ds = lifted(case)
    planar = engine(case, "planar")
    expected = ground_wrench(ds)
    scale = float(np.max(np.abs(expected[:, :2])))
    foot = float((ds["position"].sel(point="toe") - ds["position"].sel(point="heel"))[0, 0])
    wrench = planar.root_wrench
    np.testing.assert_allclose(wrench[:, :2], expected[:, :2], rtol=0, atol=RTOL * scale)
    np.testing.assert_allclose(wrench[:, 2], expected[:, 2], rtol=0, atol=RTOL * scale * foot)
    assert relative(planar.net_moment, engine(case).net_moment) <= 1e-12


@pytest.mark.parametrize("case", CASES)
def test_the_engine_finds_the_bar_load(case):
    """The bar's push on the body as the engine derives it (minus the force the body exerts on
    the bar particle through its two prismatic joints: the bar's mass, gravity and its
    acceleration) is our ``force_vector(bar)``, weight and inertia together."""
    ds = lifted(case)
    assert relative(engine(case).bar_push, xy(ds["force_vector"].sel(force="bar"))) <= BAR_RTOL


# --------------------------------------------------------------------- the check is a check
@pytest.mark.parametrize("case", CASES)
def test_inertia_matters_on_both_sides(case):
    """The inertial part is no rounding error in any case: on our side the dynamic and
    quasi-static moments differ by more than 5 % of the largest moment, and so do the engine's
    moments of the moving rep and of the same postures held still (v = a = 0: every segment's
    and the bar's inertia dropped, the bench force kept). Held still, the engine's moments are
    our quasi-static ones where the floor is the only support (squat, deadlift); in the hip
    thrust the bench force the engine is given belongs to the moving rep, so there they are
    not comparable."""
    ds = lifted(case)
    ours, still = ds["net_moment"].values, ds["quasi_static_net_moment"].values
    largest = float(np.abs(ours).max())
    assert float(np.abs(ours - still).max()) > INERTIAL_SHARE * largest
    moving, held = engine(case).net_moment, engine(case, moving=False).net_moment
    assert float(np.abs(moving - held).max()) > INERTIAL_SHARE * largest
    if "bench" not in ds["force"].values:
        assert relative(held, still) <= RTOL


@pytest.mark.parametrize("case", ["hip_thrust-vertical-fast", "squat-high", "deadlift-fast"])
@pytest.mark.parametrize(
    "corruption",
    ["no segment rotational inertia", "bar inertia reversed", "angular acceleration x 1.01"],
)
def test_the_dynamic_check_can_fail(case, corruption):
    """Corrupt the dataset the engine is built from (our moments stay as biomech computed
    them): drop every segment's moment of inertia, reverse the bar's acceleration, or scale
    the angular accelerations by 1 %. The moments then disagree by far more than the
    tolerance (> 1e-4 of the largest moment), so agreement above is not automatic."""
    ds = lifted(case).copy(deep=True)
    if corruption == "no segment rotational inertia":
        ds["segment_moment_of_inertia"][:] = 0.0
        ds["trunk_upper_moment_of_inertia"][...] = 0.0
    elif corruption == "bar inertia reversed":
        ds["bar_acceleration"] = -ds["bar_acceleration"]
    else:
        ds["segment_angular_acceleration"] = 1.01 * ds["segment_angular_acceleration"]
    rep = rep_inverse_dynamics(ds)
    assert relative(rep.net_moment, ds["net_moment"].values) > 1e-4
