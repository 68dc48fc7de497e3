"""The physics the project exists to show, as tests that can fail."""

import warnings

import numpy as np
import pytest

import biomech
from biomech import Body, Deadlift, HipThrust, Squat, simulate, summarize


def hip(ds):
    return ds["net_moment"].sel(joint="hip")


def quiet(exercise, body=None, n=201):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", biomech.BiomechWarning)
        return simulate(exercise, body, n=n)


@pytest.mark.parametrize(
    "exercise",
    [
        Squat(),
        Squat(bar_position="low"),
        pytest.param(
            Deadlift(),
            marks=pytest.mark.xfail(
                strict=True,
                reason="The bar hangs from vertical arms in front of the thigh (thigh depth "
                "plus bar radius, about 9.5 cm): with no bar-thigh contact force in the "
                "statics, the hip carries about 126 N m at a stacked lockout.",
            ),
        ),
    ],
    ids=["high-bar squat", "low-bar squat", "deadlift"],
)
def test_squat_and_deadlift_hip_moment_falls_toward_zero_at_lockout(exercise):
    """At lockout the load's line of action passes (nearly) through the hip: <= 15 % of peak."""
    m = hip(simulate(exercise, n=201))
    assert float(m.max()) > 100.0  # a real load at the bottom
    assert abs(float(m.sel(phase=1.0))) <= 0.15 * float(m.max())


#: The beam idealisation: the bench pushes straight up (it needs more friction at the back than
#: a bench gives near the bottom, and warns; these tests show what the idealisation implies).
VERTICAL = {"bench_reaction": "vertical"}


def test_hip_thrust_bar_moment_is_near_its_largest_at_lockout_on_a_vertical_bench():
    """Vertical bench reaction: the bar's share of the hip moment (the loaded result minus the
    bodyweight result; moments are linear in the load) is that of a point load on a beam
    between the bench contact and the feet, P a b / (a + b): the span a + b is nearly fixed,
    and the share is largest with the bar near mid-span, which with the default set-up it
    approaches at lockout. So the share rises from the bottom to lockout."""
    loaded = hip(quiet(HipThrust(load_kg=100.0, **VERTICAL)))
    bar_share = loaded - hip(quiet(HipThrust(load_kg=0.0, **VERTICAL)))
    assert float(bar_share.sel(phase=1.0)) >= 0.99 * float(bar_share.max())
    assert np.all(np.diff(bar_share.values) > 0.0)


@pytest.mark.parametrize("load_kg", [150.0, 200.0, 300.0])
def test_hip_thrust_keeps_its_moment_to_lockout_on_a_vertical_bench(load_kg):
    """Vertical bench reaction, a bar of 150 kg (1.9 x body mass) or more: the hip moment at
    lockout is >= 95 % of its maximum over the range of motion (the beam's plateau)."""
    m = hip(quiet(HipThrust(load_kg=load_kg, **VERTICAL)))
    assert float(m.sel(phase=1.0)) >= 0.95 * float(m.max())


@pytest.mark.parametrize("load_kg", [0.0, 50.0, 100.0, 200.0])
def test_hip_thrust_peaks_early_and_keeps_a_part_of_it_at_lockout(load_kg):
    """Admissible contact forces (the default least squeeze inside both friction cones): the
    bench's push tilts toward the back's normal where the back is upright, so the hip moment is
    largest at the bottom and falls toward lockout, where the bench pushes straight up. Unlike
    the squat's and the deadlift's it keeps a large part of its peak at lockout (more with
    heavier bars, whose share peaks near lockout on the beam): at least a third."""
    s = summarize(simulate(HipThrust(load_kg=load_kg)))
    assert float(s["phase_at_peak_hip"]) <= 0.1
    assert 1.0 / 3.0 <= float(s["lockout_to_peak_hip"]) < 0.9


def test_hip_thrust_normal_bench_reaction_peaks_at_the_bottom():
    """A frictionless back pushed perpendicular to the trunk: the peak is at the bottom, and
    above the vertical idealisation's and the admissible default's."""
    s = summarize(quiet(HipThrust(bench_reaction="normal")))
    assert float(s["phase_at_peak_hip"]) == 0.0
    vertical = summarize(quiet(HipThrust(**VERTICAL)))
    default = summarize(simulate(HipThrust()))
    assert float(s["peak_hip_moment"]) > float(default["peak_hip_moment"])
    assert float(default["peak_hip_moment"]) > float(vertical["peak_hip_moment"])


def test_all_assumptions_agree_where_the_trunk_is_level():
    """When the trunk is horizontal the back's normal is vertical: the vertical, frictionless
    and least-squeeze pushes coincide (the bench's edge radius cancels: the trunk axis is
    back offset + radius above the edge's axis, itself a radius below the bench's top)."""
    body = Body.default()
    level = body.knee_height_m - 0.055 * body.height_m  # trunk axis level at lockout
    runs = [
        quiet(HipThrust(bench_height_m=level, bench_reaction=rule), n=11)
        for rule in ("vertical", "normal", "least_squeeze")
    ]
    angle = runs[0]["segment_angle"].sel(segment="trunk", phase=1.0)
    assert abs(abs(float(angle)) - 180.0) < 1e-9
    for other in runs[1:]:
        np.testing.assert_allclose(
            other["net_moment"].sel(phase=1.0), runs[0]["net_moment"].sel(phase=1.0), atol=1e-9
        )


def test_pressing_through_the_heels_in_the_hip_thrust():
    """Centre of pressure at the heel instead of under the ankle (same posture): the ground
    reaction moves backward, toward the hip, so its lever about the hip shortens and the hip
    moment falls; it now passes behind the knee, which it tends to flex, so the knee needs
    more extension moment; and behind the ankle, which needs a dorsiflexion (negative)
    moment. Under the ankle the ground's vertical push has no lever about the ankle: the ankle
    moment is the foot's own weight plus the floor's horizontal push times the ankle's height
    (affine in it, slope of size the ankle height)."""
    ankle = simulate(HipThrust(cop_fraction=None), n=11)
    heel = simulate(HipThrust(cop_fraction=0.0), n=11)
    assert np.all(hip(heel) < hip(ankle))
    assert np.all(heel["net_moment"].sel(joint="knee") > ankle["net_moment"].sel(joint="knee"))
    assert np.all(heel["net_moment"].sel(joint="ankle") < 0)
    under = ankle["net_moment"].sel(joint="ankle").values
    push = ankle["force_vector"].sel(force="ground", axis="x").values
    slope, _ = np.polyfit(push, under, 1)
    assert abs(slope) == pytest.approx(Body.default().ankle_height_m, rel=1e-9)


def test_low_bar_loads_the_hip_more_and_the_knee_less_than_high_bar():
    """Same depth and knee travel: the low bar sits lower on the back, the trunk leans more
    to keep it over midfoot, so the upper body's weight acts further in front of the hip
    (Wretenberg et al. 1996 report the same direction of effect)."""
    high = simulate(Squat(bar_position="high"))
    low = simulate(Squat(bar_position="low"))
    assert float(hip(low).max()) > float(hip(high).max())
    knee_high = high["net_moment"].sel(joint="knee").max()
    knee_low = low["net_moment"].sel(joint="knee").max()
    assert float(knee_low) < float(knee_high)


def test_restricting_knee_travel_moves_moment_from_knee_to_hip():
    """Less forward knee travel (smaller shank angle) at the same depth: larger hip moment and
    smaller knee moment at the bottom (Fry et al. 2003 report the same direction)."""
    free = simulate(Squat(shank_angle_deg=35.0), n=11)
    restricted = simulate(Squat(shank_angle_deg=20.0), n=11)
    assert float(hip(restricted).sel(phase=0.0)) > float(hip(free).sel(phase=0.0))
    assert float(restricted["net_moment"].sel(joint="knee", phase=0.0)) < float(
        free["net_moment"].sel(joint="knee", phase=0.0)
    )


def test_feet_placement_changes_the_knee_moment_in_the_hip_thrust():
    """Feet close to the bench put the knee ahead of the ankle at lockout, so the ground
    reaction passes behind the knee: a knee extension moment. Feet far away put the knee
    behind the ankle: the reaction passes in front of it and the knee needs a flexion
    moment."""
    near = simulate(HipThrust(feet_distance_m=0.70), n=11)  # default is 0.84 m
    far = simulate(HipThrust(feet_distance_m=0.90), n=11)
    knee_near = near["net_moment"].sel(joint="knee", phase=1.0)
    knee_far = far["net_moment"].sel(joint="knee", phase=1.0)
    assert float(knee_near) > 0 > float(knee_far)
