"""Bad input gets a clear error naming the argument, the value and what is allowed."""

import numpy as np
import pytest

import biomech
from biomech import Body, Deadlift, HipThrust, Squat, simulate


@pytest.mark.parametrize(
    ("kwargs", "exc", "match"),
    [
        ({"height_m": -1.8}, ValueError, r"`height_m` must be .*between 0.5 and 3; got -1.8"),
        ({"height_m": np.nan}, ValueError, r"`height_m`.*got nan"),
        ({"mass_kg": 0.0}, ValueError, r"`mass_kg` must be .*between 10 and 700; got 0.0"),
        ({"mass_kg": np.inf}, ValueError, r"`mass_kg`.*got inf"),
        ({"mass_kg": np.array([70.0, -3.0])}, ValueError, r"`mass_kg`.*-3.0.*shape \(2,\)"),
        ({"sex": "other"}, ValueError, r"`sex` must be one of 'male', 'female'; got 'other'"),
        ({"table": "plagenhoef"}, ValueError, r"`table` must be one of .*got 'plagenhoef'"),
        ({"height_m": "tall"}, TypeError, r"`height_m` must be a real number"),
        ({"height_m": True}, TypeError, r"`height_m` must be a real number"),
        ({"height_m": np.ones(2), "mass_kg": np.ones(3) * 70}, ValueError, "broadcast"),
    ],
)
def test_body_rejects(kwargs, exc, match):
    with pytest.raises(exc, match=match):
        Body.from_height_mass(**kwargs)


@pytest.mark.parametrize(
    ("make", "match"),
    [
        (lambda: HipThrust(load_kg=-10.0), r"`load_kg` must be .*in \[0, 1000\]; got -10.0"),
        (lambda: Squat(load_kg=np.nan), r"`load_kg`.*got nan"),
        (lambda: Deadlift(load_kg=np.inf), r"`load_kg`.*got inf"),
        (lambda: HipThrust(bench_reaction="sideways"), r"`bench_reaction` must be one of"),
        (lambda: HipThrust(cop_fraction=1.5), r"`cop_fraction` must be .*\[0, 1\].*got 1.5"),
        (lambda: HipThrust(bench_height_m=3.0), r"`bench_height_m` must be .*got 3.0"),
        (lambda: HipThrust(hyperextension_deg=-5), r"`hyperextension_deg`.*got -5"),
        (lambda: Squat(bar_position="front"), r"`bar_position` must be one of 'high', 'low'"),
        (lambda: Squat(depth_deg=80), r"`depth_deg` must be .*\[-45, 45\].*got 80"),
        (lambda: Squat(shank_angle_deg=70), r"`shank_angle_deg`.*got 70"),
        (lambda: Deadlift(plate_diameter_m=0.0), r"`plate_diameter_m`.*got 0.0"),
    ],
)
def test_exercise_rejects(make, match):
    with pytest.raises(ValueError, match=match):
        make()


@pytest.mark.parametrize("n", [1, 0, -5])
def test_n_below_two(n):
    with pytest.raises(
        ValueError, match=rf"`n` must be an integer number of samples >= 2; got {n}"
    ):
        simulate(Squat(), n=n)


@pytest.mark.parametrize("n", [2.5, "10", True])
def test_n_not_integer(n):
    with pytest.raises(TypeError, match="`n` must be an integer"):
        simulate(Squat(), n=n)


def test_bad_g_and_objects():
    with pytest.raises(ValueError, match=r"`g` must be .*got -9.8"):
        simulate(Squat(), g=-9.8)
    with pytest.raises(TypeError, match="`exercise` must be a HipThrust, Squat or Deadlift"):
        simulate("squat")
    with pytest.raises(TypeError, match=r"`body` must be a biomech\.Body"):
        simulate(Squat(), body={"height_m": 1.8})


def test_bench_too_high_for_the_legs():
    """A 1.45 m bench cannot be reached with vertical shanks: the message says which way to
    move it."""
    with pytest.raises(ValueError, match=r"`bench_height_m` = 1.45 is too high .*Lower the bench"):
        simulate(HipThrust(bench_height_m=1.45))


def test_bench_too_high_for_the_plates():
    """At 1 m the legs reach lockout but the bar can never come down to the floor."""
    with pytest.raises(ValueError, match=r"the plates cannot reach the floor .*= 1.0"):
        simulate(HipThrust(bench_height_m=1.0))


def test_bench_too_low_for_the_plates():
    with pytest.raises(ValueError, match=r"`bench_height_m` = 0.15 is too low for plates"):
        simulate(HipThrust(bench_height_m=0.15, plate_diameter_m=1.0))
    with pytest.raises(ValueError, match=r"`feet_distance_m` = 0.06 is too close .*short of lock"):
        simulate(HipThrust(feet_distance_m=0.06))


def test_heels_under_the_bench_edge():
    """5 cm from the bench edge to the ankle puts the heels (5.3 cm behind the ankle of the
    default body) under the bench: refused, with how far to move the feet."""
    with pytest.raises(
        biomech.InfeasibleSetupError, match=r"`feet_distance_m` = 0.05 .*0.003 m under the bench"
    ):
        simulate(HipThrust(feet_distance_m=0.05))


def test_feet_too_far_from_the_bench():
    with pytest.raises(ValueError, match=r"`feet_distance_m` = 1.9 is too far"):
        simulate(HipThrust(feet_distance_m=1.9))


def test_feet_too_close_to_the_bench():
    with pytest.raises(ValueError, match=r"`feet_distance_m` = 0.01 is too close"):
        simulate(HipThrust(feet_distance_m=0.01, bench_height_m=0.1))


def test_plates_cannot_reach_the_floor():
    """Contact near the hips and a high bench: the hips hang above plate height."""
    with pytest.raises(ValueError, match="the plates cannot reach the floor"):
        simulate(HipThrust(bench_contact_fraction=0.4, bench_height_m=0.6))


def test_squat_depth_out_of_reach():
    """Deep squat with vertical shins: no trunk angle keeps the bar over midfoot."""
    with pytest.raises(ValueError, match=r"`depth_deg` = 45.0 with `shank_angle_deg` = 0.0"):
        simulate(Squat(depth_deg=45.0, shank_angle_deg=0.0))


def test_population_of_populations_is_refused():
    pop = Body.from_height_mass(height_m=np.ones((2, 2)) * 1.8)
    with pytest.raises(ValueError, match=r"1-D population; got shape \(2, 2\)"):
        simulate(Squat(), pop)


def test_odd_body_warns():
    with pytest.warns(biomech.BiomechWarning, match="height_m"):
        Body.from_height_mass(height_m=0.9, mass_kg=40.0)


def test_frictionless_back_at_a_steep_trunk_warns_about_friction():
    """Default hip thrust, bench pushing normal to the trunk, 40 deg from vertical at the
    bottom: the floor must supply more horizontal force than its friction allows."""
    with pytest.warns(biomech.BiomechWarning, match=r"feet would slip .*0\.9\d\d, above `floor"):
        simulate(HipThrust(bench_reaction="normal"), n=11)


def test_vertical_bench_warns_about_the_backs_friction():
    """The beam idealisation: a vertical push on a back inclined 50 deg needs a friction
    coefficient of tan 50 deg = 1.2 at the bottom, which no bench's pad gives."""
    with pytest.warns(biomech.BiomechWarning, match=r"back would slip .*1\.\d\d\d, above `bench"):
        simulate(HipThrust(bench_reaction="vertical"), n=11)


def test_least_squeeze_refuses_a_back_that_would_slip():
    """A 0.45 m bench puts the back too upright at the bottom for a shirt on a pad (0.5) and
    shoes on the floor (0.8): no squeeze keeps both contacts from slipping, and the message
    says what to change."""
    with pytest.raises(
        biomech.InfeasibleSetupError, match=r"back would slip .*Raise `bench_friction`"
    ):
        simulate(HipThrust(bench_height_m=0.45), n=11)
    simulate(HipThrust(bench_height_m=0.45, bench_friction=0.7), n=11)  # a grippier pad


def test_array_exercise_parameter_is_refused_by_simulate():
    with pytest.raises(ValueError, match=r"`load_kg` of Squat must be a single value"):
        simulate(Squat(load_kg=np.array([60.0, 100.0])))


def test_warnings_point_at_the_callers_line():
    """A BiomechWarning is attributed to the user's code, not to the library's internals."""
    with pytest.warns(biomech.BiomechWarning) as record:
        simulate(HipThrust(bench_reaction="normal"), n=11)
    assert record[0].filename == __file__


@pytest.mark.parametrize(
    "value", [0, 1, -1, 2.5, 0.0, -0.0, 1e-300, np.float64(0.75), np.nan, np.inf, -np.inf]
)
@pytest.mark.parametrize(
    "limits",
    [
        {},
        {"low": 0.0},
        {"low": 0.0, "low_inclusive": False},
        {"low": 0.0, "high": 1.0},
        {"low": 0.0, "high": 1.0, "high_inclusive": False},
        {"high": 0.0},
    ],
)
def test_check_real_treats_plain_scalars_as_0d_arrays(value, limits):
    """``check_real`` checks plain Python and numpy scalars without making an array; the
    result, and the error, are those of the same value as a 0-d array."""
    from biomech._validation import check_real

    def outcome(v):
        try:
            out = check_real("x", v, **limits)
        except ValueError as error:
            return "error", str(error)
        return type(out), out

    want = outcome(np.asarray(value, dtype=float))
    assert outcome(value) == want
