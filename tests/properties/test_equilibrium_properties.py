"""Equilibrium on random bodies and set-ups (hypothesis).

Every generated set-up the body can perform must satisfy, at every phase:
whole-body equilibrium (forces and moments sum to zero, 1e-9 relative) and equal net moments
at ankle, knee and hip computed from the loads below the joint and from the loads above it
(1e-9 relative), recomputed by :mod:`tests._oracle`, which shares no code with the library.

Each property also runs on :data:`EXAMPLES` on the default body, every time (hypothesis's
``@example``): the defaults and the named alternatives of the three lifts.
"""

import warnings

import numpy as np
from hypothesis import example, given, reject
from hypothesis import strategies as st

import biomech
from biomech import Body, Deadlift, HipThrust, Squat

from .._oracle import moment_from_above, moment_from_below, residuals

bodies = st.builds(
    Body.from_height_mass,
    height_m=st.floats(1.50, 2.05),
    mass_kg=st.floats(45.0, 130.0),
    sex=st.sampled_from(["male", "female"]),
    table=st.sampled_from(["de_leva_1996", "winter_2009"]),
)
loads = st.floats(0.0, 300.0)
hip_thrusts = st.builds(
    HipThrust,
    load_kg=loads,
    bench_height_m=st.none() | st.floats(0.30, 0.60),
    feet_distance_m=st.none() | st.floats(0.6, 1.1),
    bench_reaction=st.sampled_from(["least_squeeze", "vertical", "normal"]),
    cop_fraction=st.none() | st.floats(0.0, 1.0),
    plate_diameter_m=st.floats(0.30, 0.50),
    hyperextension_deg=st.floats(0.0, 20.0),
    bench_contact_fraction=st.floats(0.6, 1.0),
    back_offset_m=st.none() | st.floats(0.0, 0.15),
    bar_offset_m=st.none() | st.floats(0.03, 0.15),
    bench_edge_radius_m=st.floats(0.0, 0.08),
    bench_friction=st.floats(0.3, 1.0),
    floor_friction=st.floats(0.4, 1.0),
)
squats = st.builds(
    Squat,
    load_kg=loads,
    bar_position=st.sampled_from(["high", "low"]),
    depth_deg=st.floats(-30.0, 30.0),
    shank_angle_deg=st.floats(5.0, 45.0),
)
deadlifts = st.builds(
    Deadlift,
    load_kg=loads,
    shank_angle_deg=st.floats(0.0, 35.0),
    plate_diameter_m=st.floats(0.30, 0.50),
)
exercises = hip_thrusts | squats | deadlifts
G = biomech.STANDARD_GRAVITY

#: Set-ups every property is checked on, besides the generated ones: each lift's defaults,
#: the three bench assumptions, no load, the centre of pressure at the heel and far forward, the
#: low bar.
EXAMPLES = [
    HipThrust(),
    HipThrust(bench_reaction="normal"),
    HipThrust(bench_reaction="vertical"),
    HipThrust(load_kg=0.0),
    HipThrust(cop_fraction=0.0),
    HipThrust(cop_fraction=0.8, bench_reaction="normal"),
    Squat(),
    Squat(bar_position="low"),
    Deadlift(),
]


def on_examples(**fixed):
    """Decorate a property so that it also runs on every set-up of :data:`EXAMPLES` with the
    default body (and the values ``fixed`` of its other arguments)."""

    def decorate(test):
        for exercise in reversed(EXAMPLES):
            test = example(exercise=exercise, body=Body.default(), **fixed)(test)
        return test

    return decorate


def performable(exercise, body, g=G):
    """The result, or reject the example when the body cannot perform the set-up."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", biomech.BiomechWarning)
            return biomech.simulate(exercise, body, n=17, g=g)
    except ValueError:
        reject()


@given(exercise=exercises, body=bodies)
@on_examples()
def test_whole_body_equilibrium(exercise, body):
    ds = performable(exercise, body)
    force, moment, weight, scale = residuals(ds, G)
    assert np.max(np.abs(force)) <= 1e-9 * np.max(weight)
    assert np.max(np.abs(moment)) <= 1e-9 * np.max(scale)


@given(exercise=exercises, body=bodies)
@on_examples()
def test_both_sides_of_every_joint_agree(exercise, body):
    ds = performable(exercise, body)
    scale = np.max(np.abs(ds["net_moment"].values)) + 1e-300
    for joint in ("ankle", "knee", "hip"):
        reported = ds["net_moment"].sel(joint=joint).values
        below = moment_from_below(ds, joint, G)
        above = moment_from_above(ds, joint, G)
        assert np.max(np.abs(below - reported)) <= 1e-9 * scale, joint
        assert np.max(np.abs(above - reported)) <= 1e-9 * scale, joint


@given(exercise=exercises, body=bodies, g=st.floats(1.0, 25.0))
@on_examples(g=0.5 * G)
@on_examples(g=2.0 * G)
def test_moments_are_linear_in_g(exercise, body, g):
    a = performable(exercise, body)
    b = performable(exercise, body, g=g)
    np.testing.assert_allclose(
        b["net_moment"],
        a["net_moment"] * g / G,
        rtol=1e-12,
        atol=1e-12 * float(np.abs(a["net_moment"]).max()),
    )


@given(exercise=exercises, body=bodies)
@on_examples()
def test_contribution_is_force_times_moment_arm(exercise, body):
    ds = performable(exercise, body)
    f = ds["force_vector"]
    magnitude = np.hypot(f.sel(axis="x"), f.sel(axis="y"))
    np.testing.assert_allclose(
        np.abs(ds["hip_moment_contribution"]),
        magnitude * ds["hip_moment_arm"],
        rtol=1e-9,
        atol=1e-9 * float(magnitude.max()),
    )


@given(exercise=exercises, body=bodies)
@on_examples()
def test_segments_rigid_and_feet_still(exercise, body):
    ds = performable(exercise, body)
    p = ds["position"]
    for seg, (a, b) in {
        "shank": ("ankle", "knee"),
        "thigh": ("knee", "hip"),
        "trunk": ("hip", "shoulder"),
    }.items():
        d = p.sel(point=a) - p.sel(point=b)
        length = np.hypot(d.sel(axis="x"), d.sel(axis="y"))
        np.testing.assert_allclose(length, body.segment_length(seg), rtol=1e-12)
    assert float(np.ptp(p.sel(point="ankle").values, axis=0).max()) == 0.0


@given(exercise=exercises, body=bodies)
@on_examples()
def test_contribution_has_the_sign_of_the_moment_it_makes(exercise, body):
    """A force above the hip contributes -(r - r_hip) x F (the trunk's side: its moment must
    be resisted), one below contributes +(r - r_hip) x F; recomputed here with plain
    2-D cross products."""
    ds = performable(exercise, body)
    hip = ds["position"].sel(point="hip").values
    for f in ds["force"].values:
        r = ds["force_point"].sel(force=f).values
        F = ds["force_vector"].sel(force=f).values
        cross = (r[:, 0] - hip[:, 0]) * F[:, 1] - (r[:, 1] - hip[:, 1]) * F[:, 0]
        side = -1.0 if str(ds["side_of_hip"].sel(force=f).values) == "above" else 1.0
        scale = float(np.abs(F).max()) * 3.0
        np.testing.assert_allclose(
            ds["hip_moment_contribution"].sel(force=f), side * cross, rtol=0, atol=1e-10 * scale
        )


@given(exercise=exercises, body=bodies)
@on_examples()
def test_contributions_sum_to_hip_moment_on_each_side(exercise, body):
    """The decomposition is complete: the contributions of the external forces and of the
    weights on either side of the hip add up to the net hip moment."""
    ds = performable(exercise, body)
    hip = ds["net_moment"].sel(joint="hip")
    for side in ("above", "below"):
        forces = ds["hip_moment_contribution"].where(ds["side_of_hip"] == side, 0).sum("force")
        weights = (
            ds["segment_hip_moment_contribution"]
            .where(ds["segment_side_of_hip"] == side, 0)
            .sum("segment")
        )
        scale = max(
            float(np.abs(ds[v]).max())
            for v in ("hip_moment_contribution", "segment_hip_moment_contribution")
        )
        np.testing.assert_allclose(forces + weights, hip, rtol=0, atol=1e-10 * scale)
