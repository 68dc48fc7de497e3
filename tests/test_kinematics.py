"""Rigid segments and the constraints of each exercise hold at every phase."""

import numpy as np
import pytest

from biomech import Body, Deadlift, HipThrust, Squat, simulate

pytestmark = pytest.mark.filterwarnings("ignore::biomech.BiomechWarning")

BODIES = [
    Body.default(),
    Body.from_height_mass(height_m=1.62, mass_kg=58.0, sex="female"),
    Body.from_height_mass(height_m=1.95, mass_kg=110.0, table="winter_2009"),
]
EXERCISES = [
    HipThrust(),
    HipThrust(bench_reaction="normal", cop_fraction=0.1, hyperextension_deg=10.0),
    Squat(),
    Squat(bar_position="low", depth_deg=15.0, shank_angle_deg=35.0),
    Deadlift(),
    Deadlift(shank_angle_deg=20.0),
]
SEGMENT_ENDS = {
    "shank": ("ankle", "knee"),
    "thigh": ("knee", "hip"),
    "trunk": ("hip", "shoulder"),
    "upper_arm": ("shoulder", "elbow"),
    "forearm": ("elbow", "wrist"),
}


def dist(ds, a, b):
    d = ds["position"].sel(point=a) - ds["position"].sel(point=b)
    return np.hypot(d.sel(axis="x"), d.sel(axis="y")).values


@pytest.mark.parametrize("body", BODIES, ids=["male", "female", "winter"])
@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: repr(e)[:40])
def test_segments_are_rigid_and_feet_still(body, exercise):
    ds = simulate(exercise, body, n=41)
    for seg, (a, b) in SEGMENT_ENDS.items():
        length = dist(ds, a, b)
        if seg in ("upper_arm", "forearm"):
            # the squat's wide-grip arms are seen in sagittal projection: rigid, never longer
            assert np.ptp(length) <= 1e-12, seg
            assert np.all(length <= body.segment_length(seg) + 1e-12), seg
        else:
            assert length == pytest.approx(body.segment_length(seg), rel=1e-12, abs=1e-12), seg
    for p in ("heel", "toe", "ankle"):
        xy = ds["position"].sel(point=p).values
        assert np.ptp(xy, axis=0) == pytest.approx([0, 0], abs=1e-15)
    assert ds["position"].sel(point="heel", axis="y").values == pytest.approx(0.0)
    assert ds["position"].sel(point="toe", axis="y").values == pytest.approx(0.0)


@pytest.mark.parametrize(
    "exercise", [Squat(), Squat(bar_position="low"), Deadlift()], ids=lambda e: repr(e)[:30]
)
def test_bar_path_vertical_over_midfoot(exercise):
    ds = simulate(exercise, n=41)
    bar_x = ds["position"].sel(point="bar", axis="x").values
    heel = ds["position"].sel(point="heel", axis="x").values
    toe = ds["position"].sel(point="toe", axis="x").values
    midfoot = 0.5 * (heel + toe)
    assert np.ptp(bar_x) <= 1e-12  # a vertical line
    if exercise.name == "squat":
        np.testing.assert_allclose(bar_x, midfoot, rtol=0, atol=1e-12)
    else:  # midfoot, or in front of it where the thigh at lockout is deeper than that
        assert np.all(bar_x >= midfoot - 1e-12)
        assert np.all(bar_x - midfoot <= 0.02)
    bar_y = ds["position"].sel(point="bar", axis="y").values
    rising = ds["phase"].values <= 0.8
    assert np.all(np.diff(bar_y[rising]) > 0)


def test_deadlift_starts_on_the_floor_and_arms_hang():
    ds = simulate(Deadlift(plate_diameter_m=0.45), n=21)
    assert float(ds["position"].sel(point="bar", axis="y", phase=0.0)) == pytest.approx(0.225)
    for p in ("shoulder", "elbow", "wrist", "grip"):
        np.testing.assert_allclose(
            ds["position"].sel(point=p, axis="x"),
            ds["position"].sel(point="bar", axis="x"),
            atol=1e-12,
        )


@pytest.mark.parametrize("bench", [0.36, 0.40, 0.42])
def test_hip_thrust_back_rolls_on_the_bench_edge_and_plates_touch(bench):
    """The back stays tangent to the edge's circle (the contact is on it, and the trunk axis
    is back offset + radius from its axis), the contact moves along the back by the arc it
    rolls over the edge (no slip), and the plates touch the floor at the bottom."""
    ex = HipThrust(bench_height_m=bench)
    ds = simulate(ex, n=41)
    r = ex.bench_edge_radius_m
    used = ex.resolved()
    axis = np.array([-used.feet_distance_m, bench - r])
    contact = ds["position"].sel(point="bench_contact").values
    np.testing.assert_allclose(np.hypot(*(contact - axis).T), r, rtol=0, atol=1e-12)
    hip = ds["position"].sel(point="hip").values
    theta = np.deg2rad(ds["segment_angle"].sel(segment="trunk").values) % (2 * np.pi)
    u = np.stack([np.cos(theta), np.sin(theta)], axis=-1)
    normal = np.stack([u[:, 1], -u[:, 0]], axis=-1)
    # the trunk axis's distance from the edge's axis, and the contact's place along the back
    np.testing.assert_allclose(
        np.sum((hip - axis) * normal, axis=-1), used.back_offset_m + r, rtol=0, atol=1e-12
    )
    along = np.sum((contact - hip) * u, axis=-1)
    np.testing.assert_allclose(np.diff(along), r * np.diff(theta), rtol=0, atol=1e-12)
    assert float(ds["position"].sel(point="bar", axis="y", phase=0.0)) == pytest.approx(
        0.225, abs=1e-9
    )


def test_hip_thrust_default_shank_vertical_at_lockout():
    ds = simulate(HipThrust(), n=11)
    assert float(ds["joint_angle"].sel(joint="ankle", phase=1.0)) == pytest.approx(0, abs=1e-9)


def test_hip_thrust_bench_default_is_a_standard_bench():
    """The default bench is 0.40 m high whoever lifts; ``None`` puts it at knee height."""
    assert HipThrust().resolved(Body.default()).bench_height_m == pytest.approx(0.40)
    low = Body.from_height_mass(height_m=1.55, mass_kg=55.0)
    knee = HipThrust(bench_height_m=None).resolved(low).bench_height_m
    assert knee == pytest.approx(low.knee_height_m)


def test_hip_thrust_lockout_hip_flexion_near_zero():
    ds = simulate(HipThrust(), n=11)
    assert abs(float(ds["joint_angle"].sel(joint="hip", phase=1.0))) < 5.0


@pytest.mark.parametrize("exercise", [Squat(), Deadlift()], ids=lambda e: e.name)
def test_standing_lockout_is_stacked_over_the_foot(exercise):
    """At lockout the knee is straight and knee and hip stand over the foot, the ankle
    dorsiflexed at most 10 deg (no rigid stick tipped forward)."""
    at = simulate(exercise, n=11).sel(phase=1.0)
    assert float(at["joint_angle"].sel(joint="knee")) == pytest.approx(0.0, abs=1e-9)
    assert 0.0 <= float(at["joint_angle"].sel(joint="ankle")) <= 10.0 + 1e-9
    heel = float(at["position"].sel(point="heel", axis="x"))
    toe = float(at["position"].sel(point="toe", axis="x"))
    for joint in ("knee", "hip"):
        assert heel <= float(at["position"].sel(point=joint, axis="x")) <= toe, joint


def test_hyperextension_at_lockout():
    ds = simulate(HipThrust(hyperextension_deg=10.0), n=11)
    assert float(ds["joint_angle"].sel(joint="hip", phase=1.0)) == pytest.approx(-10.0)


def test_squat_bottom_matches_depth_and_knee_travel():
    """Parallel: thigh horizontal at the bottom; the shank leans by ``shank_angle_deg``."""
    ds = simulate(Squat(depth_deg=0.0, shank_angle_deg=30.0), n=11)
    knee = ds["position"].sel(point="knee", phase=0.0)
    hip = ds["position"].sel(point="hip", phase=0.0)
    assert float(hip.sel(axis="y")) == pytest.approx(float(knee.sel(axis="y")), abs=1e-12)
    assert float(ds["joint_angle"].sel(joint="ankle", phase=0.0)) == pytest.approx(30.0)


def test_joint_angles_follow_from_positions():
    """Hip flexion from the positions (angle between thigh and trunk directions)."""
    ds = simulate(Squat(), n=11)
    p = ds["position"]
    thigh = (p.sel(point="hip") - p.sel(point="knee")).values
    trunk = (p.sel(point="shoulder") - p.sel(point="hip")).values
    a = np.degrees(np.arctan2(thigh[:, 1], thigh[:, 0]) - np.arctan2(trunk[:, 1], trunk[:, 0]))
    np.testing.assert_allclose(
        ds["joint_angle"].sel(joint="hip").values, (a + 180) % 360 - 180, atol=1e-9
    )


def _illinois(f, lo, hi):
    """The hip thrust's root search (:mod:`biomech.model.hip_thrust`) on ``f``."""
    from biomech.model import hip_thrust as ht

    f_lo, f_hi = f(lo), f(hi)
    a, fa, c, fc, side = ht.root_bracket(lo, f_lo, hi, f_hi)
    for _ in range(ht.ROOT_STEPS):
        x = ht.root_point(a, fa, c, fc)
        a, fa, c, fc, side = ht.root_step(a, fa, c, fc, side, x, f(x))
    return ht.root_or_end(lo, f_lo, hi, f_hi, ht.root_point(a, fa, c, fc))


def test_root_search_reaches_rounding_in_its_steps():
    """The Illinois steps find ``arccos(c)`` (an independent closed form) to rounding, for
    roots anywhere in the bracket, near its ends included, and for a flat and a steep
    function."""
    c = np.linspace(-0.999, 0.999, 2001)
    lo, hi = np.zeros_like(c), np.full_like(c, np.pi)
    for scale in (1e-3, 1.0, 1e3):
        root = _illinois(lambda t, k=scale: k * (np.cos(t) - c), lo, hi)
        np.testing.assert_allclose(root, np.arccos(c), rtol=0.0, atol=4e-15)


def test_root_search_without_a_root_ends_where_a_bisection_would():
    """With no sign change in the bracket the search returns the end nearer to zero, as
    repeated halving would, and computes no NaN."""
    lo, hi = np.array([0.0, 0.0]), np.array([1.0, 1.0])
    offset = np.array([2.0, -2.0])  # t + 2 > 0 on [0, 1]: nearest at 0; t - 2 < 0: at 1
    with np.errstate(all="raise"):
        root = _illinois(lambda t: t + offset, lo, hi)
    np.testing.assert_array_equal(root, [0.0, 1.0])
