"""Equilibrium and net joint moments, checked with code that does not share the library's."""

import warnings

import numpy as np
import pytest

import biomech
from biomech import Body, HipThrust, Squat, simulate
from biomech.model import statics as model

G = biomech.STANDARD_GRAVITY


def run(exercise, body=None, n=31, g=G):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", biomech.BiomechWarning)
        return simulate(exercise, body, n=n, g=g)


def loads_of_one(segment, x, y, fx, fy):
    """The model's segment loads with a single force on ``segment`` (an index of SEGMENTS)."""
    zero = (0.0,) * 8

    def one(value):
        return tuple(value if k == segment else 0.0 for k in range(8))

    return one(x), one(y), one(fx), one(fy), zero


def test_horizontal_segment_holds_m_g_l_over_two():
    """A uniform 4 kg, 0.5 m rod held horizontally at one end (the ankle, at the origin): its
    weight at mid-length needs m g L / 2 at the joint, plantarflexion (the rod pulls the
    shank's side of the joint forward and down)."""
    xs, ys, fxs, fys, couples = loads_of_one(1, 0.25, 0.0, 0.0, -4.0 * G)
    bar = (0.0, 0.0, 0.0, 0.0)
    contact = (0.0, 0.0, 0.0, 1.0, 0.0)
    r = model.reactions(xs, ys, fxs, fys, couples, bar, False, contact)
    joints = (0.0, 0.0, 1.0, 0.0, 1.0, 0.0)  # knee and hip beyond the rod: nothing above them
    m = model.net_moments(joints, xs, ys, fxs, fys, couples, bar, contact, r)
    assert m.ankle == pytest.approx(4.0 * G * 0.5 / 2, rel=1e-15)
    assert m.knee == 0.0
    assert m.ankle_force_y == pytest.approx(4.0 * G, rel=1e-15)  # the joint holds the rod up


def test_bar_over_the_hip_has_zero_moment_arm():
    """Lockout of a hip thrust whose trunk and thighs are level: the bar is right over the
    hip, so its line of action passes through the hip centre."""
    body = Body.default()
    bench = body.knee_height_m - 0.055 * body.height_m  # trunk axis at knee height
    ds = run(HipThrust(bench_height_m=bench), body)
    assert float(ds["hip_moment_arm"].sel(force="bar", phase=1.0)) == pytest.approx(0, abs=1e-12)
    assert float(ds["hip_moment_contribution"].sel(force="bar", phase=1.0)) == pytest.approx(
        0, abs=1e-9
    )


@pytest.mark.parametrize(("direction", "arm"), [((1.0, 0.0), 4.0), ((0.6, 0.8), 0.0)])
def test_moment_arm_is_perpendicular_distance(direction, arm):
    """A bench push at (3, 4) m about a hip at the origin: horizontal, 4 m off the hip;
    along the line through the hip, no moment arm."""
    xs, ys, fxs, fys, couples = loads_of_one(3, 0.0, 0.0, 0.0, 0.0)
    contact = (3.0, 4.0, *direction, 1.0)
    r = model.Reactions(0.0, 0.0, 0.0, 0.0, 1.0)
    h = model.hip_shares((0.0, 0.0), xs, ys, fxs, fys, couples, (0.0, 0.0, 0.0, 0.0),
                         (0.0, -1.0), contact, r)  # fmt: skip
    assert h.bench_arm == pytest.approx(arm, abs=1e-15)


def test_squat_hip_moment_is_load_times_horizontal_distance_plus_body():
    """Hand calculation: with vertical forces only, the hip moment from above is the sum of
    every upper-body weight times its horizontal distance in front of the hip."""
    ds = run(Squat(load_kg=120.0), n=11)
    hip_x = ds["position"].sel(point="hip", axis="x")
    bar = 120.0 * G * (ds["position"].sel(point="bar", axis="x") - hip_x)
    upper = ["trunk", "head", "upper_arm", "forearm", "hand"]
    body = sum(
        float(ds["segment_mass"].sel(segment=s))
        * G
        * (ds["segment_com"].sel(segment=s, axis="x") - hip_x)
        for s in upper
    )
    np.testing.assert_allclose(ds["net_moment"].sel(joint="hip"), bar + body, rtol=1e-12)


def test_hip_thrust_vertical_is_a_beam_on_two_supports():
    """Hand calculation for bench_reaction='vertical': the bar rests on a beam supported by
    the bench contact and the feet. By the lever rule the feet carry P a / (a + b) of the bar's
    weight P (a, b: horizontal distances from the bar to the bench contact and to the centre of
    pressure), and that share, at its distance from the hip, is the bar's part of the hip
    moment (the body's own part is removed by subtracting the bodyweight result, since
    moments are linear in the load). With the bar over the hip this is the bending moment
    P a b / (a + b) of a simply supported beam."""
    P = 150.0 * G
    loaded = run(HipThrust(load_kg=150.0, bench_reaction="vertical"), n=21)
    bodyweight = run(HipThrust(load_kg=0.0, bench_reaction="vertical"), n=21)
    x = loaded["position"].sel(axis="x")
    cop = loaded["center_of_pressure"]
    a = x.sel(point="bar") - x.sel(point="bench_contact")
    b = cop - x.sel(point="bar")
    beam = P * a / (a + b) * (cop - x.sel(point="hip"))
    got = loaded["net_moment"].sel(joint="hip") - bodyweight["net_moment"].sel(joint="hip")
    np.testing.assert_allclose(got, beam, rtol=1e-10)


def test_cop_outside_foot_warns():
    """A squat with vertical shins and a deep bottom puts the body's weight behind the heels."""
    with pytest.warns(biomech.BiomechWarning, match="centre of pressure leaves the foot"):
        simulate(Squat(load_kg=0.0, shank_angle_deg=5.0, depth_deg=-20.0), n=11)


def test_default_gravity_is_standard_gravity():
    """g defaults to the standard acceleration of gravity, 9.80665 m/s^2 (3rd CGPM, 1901)."""
    assert biomech.STANDARD_GRAVITY == 9.80665
    ds = simulate(Squat(), n=3)
    assert ds.attrs["g_m_per_s2"] == 9.80665


@pytest.mark.parametrize(
    "exercise",
    [Squat(), biomech.Deadlift(), HipThrust(), HipThrust(bench_reaction="normal")],
    ids=["squat", "deadlift", "hip_thrust", "hip_thrust-normal"],
)
def test_lumbar_moment_from_below_equals_from_above(exercise):
    """Whole-body equilibrium: the moment about the lumbar joint of everything *below* it (the
    ground reaction at the centre of pressure, feet, shanks, thighs, the trunk's pelvis part,
    and the bar where it lies on the pelvis) is the library's lumbar extension moment, summed
    here from the dataset alone (the pelvis part is the trunk minus its upper part)."""
    ds = run(exercise)
    lumbar = ds["position"].sel(point="lumbar")
    g = ds.attrs["g_m_per_s2"]

    def xy(v):
        return v.sel(axis="x"), v.sel(axis="y")

    def moment(point, fx, fy):
        r = point - lumbar
        return r.sel(axis="x") * fy - r.sel(axis="y") * fx

    com, mass = ds["segment_com"], ds["segment_mass"]
    below = moment(
        ds["force_point"].sel(force="ground"), *xy(ds["force_vector"].sel(force="ground"))
    )
    for segment in ("foot", "shank", "thigh"):
        below = below + moment(com.sel(segment=segment), 0.0, -g * mass.sel(segment=segment))
    m_u = ds["trunk_upper_mass"]
    m_p = mass.sel(segment="trunk") - m_u
    pelvis = mass.sel(segment="trunk") * com.sel(segment="trunk") - m_u * ds["trunk_upper_com"]
    below = below + moment(pelvis / m_p, 0.0, -g * m_p)
    if isinstance(exercise, HipThrust):  # the bar in the hip crease, on the pelvis
        below = below + moment(
            ds["force_point"].sel(force="bar"), *xy(ds["force_vector"].sel(force="bar"))
        )
    # S_above + S_below = 0 and M_lumbar = -S_above (extension positive, as at the hip)
    scale = float(np.abs(ds["lumbar_moment"]).max())
    np.testing.assert_allclose(below.values, ds["lumbar_moment"].values, rtol=0, atol=1e-10 * scale)
