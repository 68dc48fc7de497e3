"""Sweeps equal loops of simulate() on the same values; bad sweep input is named."""

import warnings

import numpy as np
import pytest

import biomech
from biomech import Body, Deadlift, HipThrust, Squat, simulate, summarize, sweep


def quiet_simulate(exercise, body=None, n=21):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", biomech.BiomechWarning)
        return simulate(exercise, body, n=n)


def test_full_sweep_equals_a_loop_of_simulate():
    loads, benches = [0.0, 90.0, 180.0], [0.36, 0.42]
    ds = sweep(HipThrust, load_kg=loads, bench_height_m=benches, n=21, chunk_postures=50)
    assert ds["net_moment"].dims == ("load_kg", "bench_height_m", "phase", "joint")
    for load in loads:
        for bench in benches:
            one = simulate(HipThrust(load_kg=load, bench_height_m=bench), n=21)
            got = ds.sel(load_kg=load, bench_height_m=bench)
            for name in ("net_moment", "position", "force_vector", "hip_moment_arm"):
                np.testing.assert_allclose(got[name], one[name], rtol=1e-12, atol=1e-12)


def test_summary_sweep_equals_summarize_of_each_simulate():
    heights, masses = [1.6, 1.75, 1.9], [60.0, 95.0]
    s = sweep(
        Squat,
        height_m=heights,
        mass_kg=masses,
        load_kg=120.0,
        n=41,
        summary=True,
        chunk_postures=100,
        threads=2,
    )
    assert s["peak_hip_moment"].dims == ("height_m", "mass_kg")
    for h in heights:
        for m in masses:
            one = summarize(
                simulate(Squat(load_kg=120.0), Body.from_height_mass(height_m=h, mass_kg=m), n=41)
            )
            got = s.sel(height_m=h, mass_kg=m)
            np.testing.assert_allclose(got["peak_hip_moment"], one["peak_hip_moment"], rtol=1e-12)
            np.testing.assert_allclose(
                got["lockout_hip_moment"], one["lockout_hip_moment"], rtol=1e-12, atol=1e-9
            )
            np.testing.assert_allclose(got["mean_hip_moment"], one["mean_hip_moment"], rtol=1e-12)
            assert float(got["phase_at_peak_hip"]) == float(one["phase_at_peak_hip"])
            np.testing.assert_allclose(
                got["hip_flexion_at_peak_hip"], one["hip_flexion_at_peak_hip"], rtol=1e-12
            )


def test_categorical_parameters_sweep_like_the_others():
    s = sweep(
        Squat,
        bar_position=["high", "low"],
        sex=["male", "female"],
        depth_deg=[0.0, 10.0],
        n=21,
        summary=True,
    )
    assert s["peak_hip_moment"].dims == ("bar_position", "sex", "depth_deg")
    for pos in ("high", "low"):
        for sex in ("male", "female"):
            for depth in (0.0, 10.0):
                one = summarize(
                    simulate(
                        Squat(bar_position=pos, depth_deg=depth),
                        Body.from_height_mass(sex=sex),
                        n=21,
                    )
                )
                got = s.sel(bar_position=pos, sex=sex, depth_deg=depth)
                np.testing.assert_allclose(
                    got["peak_hip_moment"], one["peak_hip_moment"], rtol=1e-12
                )


@pytest.mark.parametrize(
    ("exercise", "heights", "masses"),
    [
        (Deadlift, [1.65, 1.85], [60.0, 90.0]),
        (HipThrust, [1.5, 2.0], 80.0),  # one mass for every height broadcasts
    ],
)
def test_population_body_adds_a_body_dimension(exercise, heights, masses):
    pop = Body.from_height_mass(height_m=np.array(heights), mass_kg=masses)
    s = sweep(exercise, body=pop, load_kg=[60.0, 140.0], n=21, summary=True)
    assert s["peak_hip_moment"].dims == ("body", "load_kg")
    np.testing.assert_allclose(s["height_m"], heights)
    np.testing.assert_allclose(s["mass_kg"], np.broadcast_to(masses, (2,)))
    last = Body.from_height_mass(height_m=heights[1], mass_kg=np.broadcast_to(masses, (2,))[1])
    one = summarize(simulate(exercise(load_kg=140.0), last, n=21))
    np.testing.assert_allclose(
        s["peak_hip_moment"].isel(body=1).sel(load_kg=140.0), one["peak_hip_moment"], rtol=1e-12
    )


def test_threads_and_chunks_do_not_change_the_result():
    kw = {"load_kg": np.linspace(0, 200, 7), "height_m": [1.6, 1.8, 2.0], "n": 31, "summary": True}
    a = sweep(HipThrust, threads=1, chunk_postures=31, **kw)
    b = sweep(HipThrust, threads=2, chunk_postures=10_000, **kw)
    for name in a.data_vars:
        np.testing.assert_array_equal(a[name], b[name])


def test_progress_bar_can_be_shown(capsys):
    sweep(HipThrust, load_kg=[0.0, 100.0], n=11, summary=True, progress=True, chunk_postures=11)
    assert "sweep" in capsys.readouterr().err


def test_cop_warning_is_issued_once_with_a_count():
    with pytest.warns(biomech.BiomechWarning, match=r"in \d+ of 4 set-ups") as record:
        sweep(
            Squat,
            load_kg=[0.0, 20.0],
            shank_angle_deg=[5.0, 30.0],
            depth_deg=-20.0,
            n=11,
            summary=True,
        )
    assert len(record) == 1


@pytest.mark.parametrize(
    ("kwargs", "exc", "match"),
    [
        ({"bench_hieght_m": [0.4, 0.5]}, ValueError, r"`bench_hieght_m` is not a parameter of"),
        ({"load_kg": []}, ValueError, r"`load_kg` must hold at least one value"),
        ({"load_kg": np.ones((2, 2))}, ValueError, r"`load_kg` must be a scalar or a 1-D"),
        ({"load_kg": [-5.0, 10.0]}, ValueError, r"`load_kg` must be"),
        ({"n": 1}, ValueError, r"`n` must be an integer number of samples >= 2"),
    ],
)
def test_bad_sweep_input_is_named(kwargs, exc, match):
    with pytest.raises(exc, match=match):
        sweep(HipThrust, **kwargs)


def test_population_with_swept_height_is_refused():
    pop = Body.from_height_mass(height_m=np.array([1.7, 1.8]))
    with pytest.raises(ValueError, match="cannot be swept for a population"):
        sweep(Squat, body=pop, height_m=[1.6, 1.9])


def test_not_an_exercise():
    with pytest.raises(TypeError, match="`exercise` must be an exercise class or instance"):
        sweep(dict, load_kg=[1.0])


def test_an_infeasible_set_up_in_a_sweep_names_the_swept_range():
    with pytest.raises(ValueError, match=r"`bench_height_m` = 0.45 to 1.45 \(swept\) is too high"):
        sweep(HipThrust, bench_height_m=[0.45, 1.45], summary=True, n=11, threads=1)
