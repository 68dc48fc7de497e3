"""Inverse dynamics over a tempo: the motion, Newton-Euler for the whole body, the zero-speed
limit and the acceptance facts of issue 6. Each check recomputes its fact from the dataset's
public variables or from a hand calculation, not from the code that produced it."""

import warnings

import numpy as np
import pytest

import biomech
from biomech import Body, Deadlift, HipThrust, Squat, Tempo, simulate
from biomech.dynamics import stencil_nodes, stencil_weights

G = 9.80665
EXERCISES = [
    pytest.param(HipThrust(), id="hip_thrust"),
    pytest.param(HipThrust(bench_reaction="normal", cop_fraction=0.3), id="hip_thrust_normal"),
    pytest.param(Squat(bar_position="low"), id="squat"),
    pytest.param(Deadlift(), id="deadlift"),
]


def lifted(exercise, tempo="2-0-1-2", body=None, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", biomech.BiomechWarning)
        return simulate(exercise, body, tempo=tempo, **kw)


def xy(da):
    return da.sel(axis="x").to_numpy() + 1j * da.sel(axis="y").to_numpy()


# ------------------------------------------------------------------------ the stencil ----
@pytest.mark.parametrize("p", [0.0, 0.0007, 0.3, 0.9995, 1.0])
def test_stencil_is_exact_for_quartics(p):
    """The five-point stencil differentiates any polynomial of degree <= 4 exactly, also where
    it is shifted to stay inside [0, 1]."""
    coef = np.array([0.3, -1.2, 2.0, 0.7, -1.5])  # c0 + c1 p + ... + c4 p^4
    f = np.polynomial.Polynomial(coef)
    nodes = stencil_nodes(np.array([p]))
    w1, w2 = stencil_weights(np.array([p]))
    assert nodes.min() >= 0.0
    assert nodes.max() <= 1.0
    np.testing.assert_allclose((w1 * f(nodes)).sum(-1), f.deriv(1)(p), rtol=1e-9)
    np.testing.assert_allclose((w2 * f(nodes)).sum(-1), f.deriv(2)(p), rtol=1e-6)


# ------------------------------------------------------------------------ the motion -----
@pytest.mark.parametrize("exercise", EXERCISES)
def test_motion_matches_finite_differences_in_time(exercise):
    """Bar and centre-of-mass velocity and acceleration (chain rule through the phase) agree
    with central differences of the sampled positions in time (2 kHz, O(dt^2)). The jerk of a
    minimum-jerk move jumps where one part of the rep meets the next, and there the second
    difference is only O(dt): those samples are left out of the acceleration check."""
    ds = lifted(exercise, tempo="2-0-1-0", rate_hz=2000)
    t = ds["time"].to_numpy()
    dt = t[1] - t[0]
    part = ds["movement"].to_numpy()
    boundary = np.zeros(t.size, bool)
    boundary[1:] |= part[1:] != part[:-1]
    boundary[:-1] |= boundary[1:].copy()
    inner = ~boundary[1:-1]
    for pos, vel, acc in [
        (xy(ds["position"].sel(point="bar")), ds["bar_velocity"], ds["bar_acceleration"]),
        (
            xy(ds["segment_com"].sel(segment="thigh")),
            ds["segment_com_velocity"].sel(segment="thigh"),
            ds["segment_com_acceleration"].sel(segment="thigh"),
        ),
    ]:
        v_fd = (pos[2:] - pos[:-2]) / (2 * dt)
        a_fd = (pos[2:] - 2 * pos[1:-1] + pos[:-2]) / dt**2
        v, a = xy(vel)[1:-1], xy(acc)[1:-1]
        scale_v, scale_a = np.abs(v).max(), np.abs(a).max()
        assert np.abs(v_fd - v).max() < 1e-4 * scale_v
        assert np.abs(a_fd - a)[inner].max() < 1e-4 * scale_a
    ang = np.unwrap(np.deg2rad(ds["segment_angle"].sel(segment="trunk").to_numpy()))
    omega = np.deg2rad(ds["segment_angular_velocity"].sel(segment="trunk").to_numpy())
    w_fd = (ang[2:] - ang[:-2]) / (2 * dt)
    assert np.abs(w_fd - omega[1:-1]).max() < 1e-4 * np.abs(omega).max()


def test_nothing_moves_during_a_hold_or_at_a_turnaround():
    ds = lifted(Squat(), tempo="2-1-1-2", rate_hz=100)
    still = ds["movement"].isin(["bottom_pause", "top_pause"])
    assert float(np.abs(ds["segment_com_acceleration"].where(still)).max()) == 0.0
    np.testing.assert_allclose(
        ds["net_moment"].where(still, 0.0), ds["quasi_static_net_moment"].where(still, 0.0)
    )


# ------------------------------------------------------------------------ Newton-Euler ----
@pytest.mark.parametrize("exercise", EXERCISES)
def test_whole_body_newton_euler(exercise):
    """External forces on the body (ground, bench, the bar's push, the weights) equal the rate
    of change of its momentum, and their moment about the (fixed) ankle equals the rate of
    change of its angular momentum about the ankle: sum m (r x a) + I alpha."""
    ds = lifted(exercise, rate_hz=200)
    m = ds["segment_mass"].to_numpy()
    com = xy(ds["segment_com"])
    acc = xy(ds["segment_com_acceleration"])
    alpha = np.deg2rad(ds["segment_angular_acceleration"].to_numpy())
    inertia = ds["segment_moment_of_inertia"].to_numpy()
    body = Body.default()
    k = np.array([body.table.radius_of_gyration[s] for s in biomech.SEGMENTS])
    lengths = np.array([body.segment_length(s) for s in biomech.SEGMENTS])
    np.testing.assert_allclose(inertia, m * (k * lengths) ** 2, rtol=1e-14)
    F = xy(ds["force_vector"])  # bar, ground (and bench): forces on the body
    r = xy(ds["force_point"])
    weights = -1j * G * m
    total = F.sum(-1) + weights.sum()
    momentum_rate = (m * acc).sum(-1)
    scale = G * (m.sum() + ds.attrs["load_kg"])
    np.testing.assert_allclose(total, momentum_rate, atol=1e-9 * scale)
    ankle = xy(ds["position"].sel(point="ankle"))[:, None]

    def cross(a, b):
        return (np.conj(a) * b).imag

    moment = cross(r - ankle, F).sum(-1) + cross(com - ankle, weights).sum(-1)
    h_rate = (m * cross(com - ankle, acc)).sum(-1) + (inertia * alpha).sum(-1)
    np.testing.assert_allclose(moment, h_rate, atol=1e-9 * scale * 1.0)


@pytest.mark.parametrize("exercise", EXERCISES)
def test_the_bar_obeys_newtons_second_law(exercise):
    """The body holds the bar: the bar's push on the body is its weight less m a, with a the
    bar's acceleration (itself checked against differences of its position above)."""
    ds = lifted(exercise, rate_hz=100)
    load = ds.attrs["load_kg"]
    push = xy(ds["force_vector"].sel(force="bar"))
    expected = load * (-1j * G - xy(ds["bar_acceleration"]))
    np.testing.assert_allclose(push, expected, atol=1e-12 * load * G)
    assert float(np.abs(xy(ds["bar_acceleration"])).max()) > 1.0  # the bar does accelerate


@pytest.mark.parametrize("exercise", EXERCISES)
def test_hip_contributions_still_sum_to_the_hip_moment(exercise):
    """With inertia, each side's force and segment contributions sum to the hip moment."""
    ds = lifted(exercise, rate_hz=100)
    hip = ds["net_moment"].sel(joint="hip")
    for side in ("above", "below"):
        forces = ds["hip_moment_contribution"].where(ds["side_of_hip"] == side, 0).sum("force")
        segs = ds["segment_hip_moment_contribution"]
        segs = segs.where(ds["segment_side_of_hip"] == side, 0).sum("segment")
        np.testing.assert_allclose(forces + segs, hip, atol=1e-9 * float(abs(hip).max()))


def test_ankle_moment_impulse_has_no_inertial_part():
    """Over a rep from rest to rest the angular momentum about the fixed ankle returns to zero,
    so the inertial part of the ankle moment integrates to zero: dynamic and quasi-static
    ankle moment impulses agree (to the trapezoid rule's accuracy), while the knee's and hip's
    (moving joints) need not."""
    ds = lifted(Squat(), tempo="2-0-1-1", rate_hz=400)
    ankle = ds.sel(joint="ankle", rep=1)
    inertial = np.abs(ds["inertial_net_moment"].sel(joint="ankle")).integrate("time")
    diff = float(ankle["moment_impulse"] - ankle["quasi_static_moment_impulse"])
    assert abs(diff) < 1e-3 * float(inertial)


# ------------------------------------------------------------------------ limits ----------
def test_fast_turnaround_raises_the_hip_thrust_hip_moment_and_slow_tempo_agrees():
    """Issue 6: after a fast bottom turnaround the dynamic hip-thrust hip moment exceeds the
    quasi-static one near the bottom; ten times slower, the two agree within 1 %."""
    fast = lifted(HipThrust(), tempo="2-0-1-0", rate_hz=200)
    up = fast.where((fast["movement"] == "concentric") & (fast["phase"] < 0.25), drop=True)
    hip = up["net_moment"].sel(joint="hip")
    still = up["quasi_static_net_moment"].sel(joint="hip")
    assert float((hip - still).max()) > 0.1 * float(still.max())
    slow = lifted(HipThrust(), tempo="20-0-10-0", rate_hz=20)
    dyn = slow["net_moment"].sel(joint="hip")
    qs = slow["quasi_static_net_moment"].sel(joint="hip")
    assert float(abs(dyn - qs).max()) < 0.01 * float(abs(qs).max())


def test_population_equals_a_loop_of_bodies():
    heights, masses = np.array([1.6, 1.85]), np.array([55.0, 95.0])
    pop = lifted(Squat(), body=Body.from_height_mass(height_m=heights, mass_kg=masses))
    for i, (h, m) in enumerate(zip(heights, masses, strict=True)):
        one = lifted(Squat(), body=Body.from_height_mass(height_m=h, mass_kg=m))
        for name in ("net_moment", "quasi_static_net_moment", "moment_impulse", "peak_moment"):
            np.testing.assert_allclose(pop[name].isel(body=i), one[name], rtol=1e-12, atol=1e-9)


# ------------------------------------------------------------------------ metrics ---------
def test_metrics_by_hand():
    """A hold at lockout adds moment x duration to the impulse; each rep of a set is the same;
    the time under tension is the tempo's sum; the peak lies in its own rep."""
    tempo = Tempo(eccentric_s=1.5, bottom_pause_s=0.5, concentric_s=1.0, top_pause_s=2.0)
    ds = lifted(HipThrust(), tempo=tempo, reps=3, rate_hz=100)
    hold = lifted(
        HipThrust(),
        tempo=Tempo(eccentric_s=1.5, bottom_pause_s=0.5, concentric_s=1.0, top_pause_s=4.0),
        reps=1,
        rate_hz=100,
    )
    lockout = float(simulate(HipThrust(), n=2)["net_moment"].sel(joint="hip", phase=1.0))
    extra = hold["moment_impulse"].sel(joint="hip", rep=1) - ds["moment_impulse"].sel(
        joint="hip", rep=1
    )
    np.testing.assert_allclose(float(extra), 2.0 * lockout, rtol=1e-9)
    np.testing.assert_allclose(ds["time_under_tension"], 5.0)
    assert float(ds["set_time_under_tension"]) == 15.0
    imp = ds["moment_impulse"].sel(joint="hip")
    np.testing.assert_allclose(imp, imp.sel(rep=1), rtol=1e-9)
    np.testing.assert_allclose(float(ds["set_moment_impulse"].sel(joint="hip")), float(imp.sum()))
    first = ds.sel(time=slice(0.0, 5.0))  # the first rep, both ends included
    np.testing.assert_allclose(
        float(imp.sel(rep=1)),
        np.trapezoid(first["net_moment"].sel(joint="hip"), first["time"]),
        rtol=1e-12,
    )
    t_peak = ds["time_at_peak_moment"].sel(joint="hip")
    assert bool(((t_peak >= 5.0 * (ds["rep"] - 1)) & (t_peak <= 5.0 * ds["rep"])).all())


def test_time_above_half_peak_shows_where_the_load_is_felt():
    """The hip thrust keeps its hip moment above half its peak through the whole rep (the top
    hold included); the squat's falls below at lockout, so less than half of its rep counts."""
    thrust = lifted(HipThrust(), tempo="2-0-1-2")
    squat = lifted(Squat(), tempo="2-0-1-2")
    assert float(thrust["time_above_half_peak"].sel(joint="hip", rep=1)) > 4.5
    assert float(squat["time_above_half_peak"].sel(joint="hip", rep=1)) < 2.5


def test_units_and_names():
    ds = lifted(Deadlift(), tempo=Tempo.parse("1-1-1-1", start="bottom"))
    units = {
        "net_moment": "N m",
        "quasi_static_net_moment": "N m",
        "bar_acceleration": "m/s^2",
        "segment_angular_velocity": "deg/s",
        "moment_impulse": "N m s",
        "time_under_tension": "s",
        "time_at_peak_moment": "s",
    }
    for name, unit in units.items():
        assert ds[name].attrs["units"] == unit, name
        assert ds[name].attrs["long_name"]
    assert ds["time"].attrs["units"] == "s"
    assert ds.attrs["tempo"] == "1-1-1-1"
    assert ds.attrs["tempo_start"] == "bottom"
    assert ds["phase"].dims == ("time",)
    assert float(ds["phase"][0]) == 0.0  # a deadlift set started from the floor


# ------------------------------------------------------------------------ errors ----------
def test_bad_dynamic_input_is_named():
    with pytest.raises(TypeError, match=r"`tempo` must be a biomech\.Tempo"):
        simulate(Squat(), tempo=2.0)
    with pytest.raises(ValueError, match="`tempo` must have four parts"):
        simulate(Squat(), tempo="2-0-1")
    with pytest.raises(ValueError, match=r"`n` \(51\) cannot be combined with `tempo`"):
        simulate(Squat(), n=51, tempo="2-0-1-2")
    with pytest.raises(ValueError, match="`reps` must be an integer number of reps >= 1"):
        simulate(Squat(), tempo="2-0-1-2", reps=0)
    with pytest.raises(ValueError, match="`rate_hz` must be"):
        simulate(Squat(), tempo="2-0-1-2", rate_hz=-5)
    with pytest.raises(ValueError, match=r"must be a result of biomech\.simulate"):
        biomech.rep_metrics(simulate(Squat(), n=5))
    with pytest.raises(ValueError, match="must be a quasi-static result over `phase`"):
        biomech.summarize(lifted(Squat(), rate_hz=20))
