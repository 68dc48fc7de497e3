"""The compiled (numba) and numpy engines of summary sweeps give the same numbers, and both
equal loops of simulate + summarize, hip decomposition included; engine errors are named."""

import sys
import warnings

import numpy as np
import pytest

import biomech
from biomech import Body, Deadlift, HipThrust, Squat, simulate, summarize, sweep
from biomech._engines import available
from biomech.sweep import FORCE_SUMMARY_VARIABLES, SUMMARY_VARIABLES

needs_numba = pytest.mark.skipif(not available(), reason="numba (the fast extra) is not installed")
ENGINES = [pytest.param("numba", marks=needs_numba), "numpy"]

RTOL = 1e-12
ATOL = 1e-9  # N m, m or deg: for values that are zero up to rounding (a lockout moment)

#: Hip-thrust sweeps covering every branch of the kernel: the three bench reactions, the
#: centre of pressure under the ankle or set, default and set feet, hyperextension, both sexes,
#: a swept plate diameter.
HIP_THRUST_CASES = {
    "least-squeeze-default": {
        "load_kg": [0.0, 60.0, 200.0],
        "bench_height_m": [0.36, 0.40, 0.42],
    },
    "vertical": {
        "exercise": HipThrust(bench_reaction="vertical"),
        "load_kg": [0.0, 100.0],
        "bench_height_m": [0.40, 0.50],
    },
    "normal-cop-set": {
        "exercise": HipThrust(bench_reaction="normal", cop_fraction=0.35),
        "load_kg": [20.0, 140.0],
        "bench_height_m": [0.38, 0.42],
    },
    "normal-cop-default-feet-set": {
        "exercise": HipThrust(bench_reaction="normal"),
        "feet_distance_m": [0.75, 0.85],
        "load_kg": [0.0, 100.0],
    },
    "feet-set-hyperextended": {
        "feet_distance_m": [0.75, 0.85],
        "hyperextension_deg": [0.0, 10.0, 20.0],
        "load_kg": 120.0,
    },
    "sexes-heights-plates": {
        "sex": ["male", "female"],
        "height_m": [1.6, 1.9],
        "plate_diameter_m": [0.45, 0.50],
        "cop_fraction": [0.0, 0.3],
    },
}

#: The standing lifts: both bar positions, depth and shank angle (the centre of pressure
#: leaves the foot in some), set bar placement, plates, sexes and heights.
STANDING_CASES = {
    "squat-bars-depths": {
        "exercise": Squat,
        "bar_position": ["high", "low"],
        "depth_deg": [-20.0, 0.0, 10.0],
        "shank_angle_deg": [30.0, 40.0],
        "load_kg": [0.0, 140.0],
    },
    "squat-bar-set-sexes": {
        "exercise": Squat(bar_above_shoulder_m=0.02, bar_behind_shoulder_m=0.09),
        "sex": ["male", "female"],
        "height_m": [1.55, 1.95],
        "load_kg": 100.0,
    },
    "deadlift-shanks-plates": {
        "exercise": Deadlift,
        "shank_angle_deg": [0.0, 12.0, 30.0],
        "plate_diameter_m": [0.35, 0.45],
        "load_kg": [20.0, 250.0],
    },
    "deadlift-sexes-heights": {
        "exercise": Deadlift,
        "sex": ["male", "female"],
        "height_m": [1.5, 2.05],
        "mass_kg": [55.0, 120.0],
    },
}
ALL_CASES = {**HIP_THRUST_CASES, **STANDING_CASES}


def quiet_sweep(exercise, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", biomech.BiomechWarning)
        return sweep(exercise, summary=True, **kw)


def quiet_simulate(exercise, body, n):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", biomech.BiomechWarning)
        return simulate(exercise, body, n=n)


def case_kwargs(case):
    kw = dict(ALL_CASES[case])
    return kw.pop("exercise", HipThrust), kw


@needs_numba
@pytest.mark.parametrize("case", list(ALL_CASES))
def test_numba_engine_equals_numpy_engine(case):
    exercise, kw = case_kwargs(case)
    fast = quiet_sweep(exercise, engine="numba", n=41, **kw)
    slow = quiet_sweep(exercise, engine="numpy", n=41, **kw)
    bench = case in HIP_THRUST_CASES
    assert list(fast.data_vars) == [
        v for v in SUMMARY_VARIABLES if bench or v != "max_bench_friction_required"
    ]
    for name in fast.data_vars:
        assert fast[name].dims == slow[name].dims
        assert fast[name].attrs == slow[name].attrs
        np.testing.assert_allclose(fast[name], slow[name], rtol=RTOL, atol=ATOL, err_msg=name)
    forces = ["bar", "ground", "bench"] if case in HIP_THRUST_CASES else ["bar", "ground"]
    assert list(fast["force"].values) == forces


def expected_summary(ds):
    """The summary variables computed from a simulate() dataset (the oracle)."""
    one = summarize(ds)
    knee = summarize(ds, joint="knee")
    i_peak = ds["net_moment"].sel(joint="hip").reset_coords(drop=True).argmax("phase")
    at_peak = ds.isel(phase=i_peak)
    above = ds["segment_side_of_hip"] == "above"
    weights = at_peak["segment_hip_moment_contribution"]
    return {
        "peak_hip_moment": one["peak_hip_moment"],
        "phase_at_peak_hip": one["phase_at_peak_hip"],
        "hip_flexion_at_peak_hip": one["hip_flexion_at_peak_hip"],
        "lockout_hip_moment": one["lockout_hip_moment"],
        "lockout_to_peak_hip": one["lockout_to_peak_hip"],
        "mean_hip_moment": one["mean_hip_moment"],
        "peak_knee_moment": knee["peak_knee_moment"],
        "phase_at_peak_knee": knee["phase_at_peak_knee"],
        "lockout_knee_moment": knee["lockout_knee_moment"],
        "mean_knee_moment": knee["mean_knee_moment"],
        "cop_leaves_foot": ~ds["cop_within_foot"].all("phase"),
        "mean_hip_moment_contribution": ds["hip_moment_contribution"].integrate("phase"),
        "hip_moment_contribution_at_peak_hip": at_peak["hip_moment_contribution"],
        "hip_moment_arm_at_peak_hip": at_peak["hip_moment_arm"],
        "upper_body_weight_hip_moment_at_peak_hip": weights.where(above).sum("segment"),
        "leg_weight_hip_moment_at_peak_hip": weights.where(~above).sum("segment"),
        "max_ground_friction_required": ds["ground_friction_required"].max("phase"),
        **(
            {"max_bench_friction_required": ds["bench_friction_required"].max("phase")}
            if "bench_friction_required" in ds
            else {}
        ),
    }


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", list(ALL_CASES))
def test_summary_sweep_equals_a_loop_of_simulate(case, engine):
    exercise, kw = case_kwargs(case)
    base = exercise() if isinstance(exercise, type) else exercise
    s = quiet_sweep(exercise, engine=engine, n=31, **kw)
    body_fields = ("height_m", "mass_kg", "sex")
    swept = [d for d in s["peak_hip_moment"].dims]
    for flat in range(s["peak_hip_moment"].size):
        at = dict(zip(swept, np.unravel_index(flat, s["peak_hip_moment"].shape), strict=True))
        got = s.isel(at)
        values = {d: got[d].item() for d in swept}
        setup = dict(values)
        setup.update({k: v for k, v in kw.items() if k not in swept})
        body = Body.from_height_mass(**{k: setup.pop(k) for k in body_fields if k in setup})
        one = quiet_simulate(type(base)(**{**base_fields(base), **setup}), body, 31)
        for name, want in expected_summary(one).items():
            np.testing.assert_allclose(
                got[name], want, rtol=RTOL, atol=ATOL, err_msg=f"{name} at {values}"
            )


def base_fields(exercise):
    import dataclasses

    return {f.name: getattr(exercise, f.name) for f in dataclasses.fields(exercise)}


@needs_numba
def test_a_population_body_sweeps_alike_on_both_engines():
    pop = Body.from_height_mass(
        height_m=np.array([1.55, 1.75, 1.95]), mass_kg=np.array([55.0, 80.0, 110.0]), sex="female"
    )
    kw = {"body": pop, "load_kg": [40.0, 160.0], "n": 51}
    fast = quiet_sweep(HipThrust, engine="numba", **kw)
    slow = quiet_sweep(HipThrust, engine="numpy", **kw)
    for name in fast.data_vars:
        np.testing.assert_allclose(fast[name], slow[name], rtol=RTOL, atol=ATOL, err_msg=name)
    last = Body.from_height_mass(height_m=1.95, mass_kg=110.0, sex="female")
    want = expected_summary(quiet_simulate(HipThrust(load_kg=160.0), last, 51))
    got = fast.isel(body=2).sel(load_kg=160.0)
    for name, value in want.items():
        np.testing.assert_allclose(got[name], value, rtol=RTOL, atol=ATOL, err_msg=name)


@pytest.mark.parametrize(
    ("exercise", "kw"),
    [
        (HipThrust(bench_reaction="normal"), {"load_kg": [0.0, 100.0, 200.0]}),
        (HipThrust, {"load_kg": [0.0, 100.0, 200.0], "bench_height_m": [0.36, 0.42]}),
        (Squat, {"load_kg": [0.0, 140.0], "bar_position": ["high", "low"]}),
        (Deadlift, {"load_kg": [60.0, 220.0], "shank_angle_deg": [5.0, 20.0]}),
    ],
)
def test_the_decomposition_summary_sums_to_the_peak_hip_moment(exercise, kw):
    """Each side of the hip carries the whole hip moment: bar + bench + upper-body weights
    above, ground + leg weights below."""
    s = quiet_sweep(exercise, n=41, **kw)
    contribution = s["hip_moment_contribution_at_peak_hip"]
    above = contribution.where(s["side_of_hip"] == "above").sum("force")
    below = contribution.where(s["side_of_hip"] == "below").sum("force")
    peak = s["peak_hip_moment"]
    scale = float(np.abs(peak).max())
    np.testing.assert_allclose(
        above + s["upper_body_weight_hip_moment_at_peak_hip"], peak, rtol=0, atol=1e-12 * scale
    )
    np.testing.assert_allclose(
        below + s["leg_weight_hip_moment_at_peak_hip"], peak, rtol=0, atol=1e-12 * scale
    )
    assert bool((s["hip_moment_arm_at_peak_hip"] >= 0).all())


def test_force_variables_have_a_force_dimension():
    s = quiet_sweep(HipThrust, load_kg=[0.0, 100.0], n=11)
    for name in FORCE_SUMMARY_VARIABLES:
        assert s[name].dims == ("load_kg", "force")
    assert list(s["side_of_hip"].values) == ["above", "below", "above"]


@needs_numba
def test_auto_uses_numpy_without_numba_and_numba_then_refuses(monkeypatch):
    kw = {"load_kg": [0.0, 100.0], "n": 21}
    with_numba = quiet_sweep(HipThrust, engine="auto", **kw)
    monkeypatch.setitem(sys.modules, "numba", None)  # import numba now raises ImportError
    without = quiet_sweep(HipThrust, engine="auto", **kw)
    for name in with_numba.data_vars:
        np.testing.assert_allclose(without[name], with_numba[name], rtol=RTOL, atol=ATOL)
    with pytest.raises(ImportError, match=r"`engine` = 'numba' needs numba.*biomech\[fast\]"):
        quiet_sweep(HipThrust, engine="numba", **kw)


@pytest.mark.parametrize(
    ("exercise", "kw", "exc", "match"),
    [
        (HipThrust, {"engine": "bogus"}, ValueError, r"`engine` must be one of 'auto'"),
        (HipThrust, {"engine": None}, TypeError, r"`engine` must be one of"),
        (
            Squat,
            {"engine": "numba", "summary": False},
            ValueError,
            r"`engine` = 'numba' has a kernel only for summary sweeps .* got a full sweep of squat",
        ),
    ],
)
def test_bad_engine_is_named(exercise, kw, exc, match):
    kw = {"summary": True, "load_kg": [0.0, 10.0], "n": 11, **kw}
    with pytest.raises(exc, match=match):
        sweep(exercise, **kw)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("exercise", "kw", "match"),
    [
        (
            HipThrust,
            {"bench_height_m": [0.40, 1.45]},
            r"^`bench_height_m` = 0.4 to 1.45 \(swept\) is too high for these legs",
        ),
        (
            HipThrust,
            {"feet_distance_m": 1.5, "load_kg": [0.0, 10.0]},
            r"^`feet_distance_m` = 1.5 is too far from the bench",
        ),
        (
            Squat,
            {"depth_deg": [0.0, 45.0], "shank_angle_deg": 0.0},
            r"^`depth_deg` = 0 to 45 \(swept\) with `shank_angle_deg` = 0.0 needs 180 deg of hip "
            r"flexion; at most 150 deg is allowed\.$",
        ),
        (
            Squat,
            {"depth_deg": 45.0, "shank_angle_deg": [40.0, 50.0]},
            r"^`depth_deg` = 45.0 with `shank_angle_deg` = 40 to 50 \(swept\) needs 50 deg of "
            r"ankle dorsiflexion; at most 40 deg is allowed",
        ),
        (
            Squat,
            {"bar_behind_shoulder_m": [0.0, 0.3], "bar_above_shoulder_m": -0.3, "depth_deg": 20.0},
            r"^`depth_deg` = 20.0 with `shank_angle_deg` = None is out of reach: the hips would "
            r"be 1.30 times the hip-to-bar distance behind midfoot",
        ),
    ],
)
def test_an_infeasible_set_up_raises_the_same_error_on_both_engines(exercise, kw, match, engine):
    with pytest.raises(ValueError, match=match):
        sweep(exercise, summary=True, n=21, threads=1, engine=engine, **kw)


@needs_numba
@pytest.mark.parametrize(
    ("exercise", "kw", "match"),
    [
        (HipThrust, {"bench_height_m": [0.40, 1.45]}, r"^`bench_height_m` = 0.4 to 1.45 "),
        (
            Squat,
            {"depth_deg": [0.0, 45.0], "shank_angle_deg": 0.0},
            r"^`depth_deg` = 0 to 45 \(swept\) .* needs 180 deg of hip flexion",
        ),
    ],
)
def test_the_kernel_words_an_infeasible_batch_whatever_its_chunks(exercise, kw, match):
    """On the compiled engine the checks run on a whole batch (the set-ups before its
    chunks, the rep's extremes after them, on two threads, one chunk per set-up): the error
    names the batch's extremes, as on one thread, and the next sweep runs as usual."""
    with pytest.raises(ValueError, match=match):
        sweep(exercise, summary=True, n=21, threads=2, chunk_postures=21, engine="numba", **kw)
    ok = sweep(exercise, summary=True, n=21, threads=2, engine="numba", load_kg=[0.0, 50.0])
    assert bool(np.isfinite(ok["peak_hip_moment"]).all())


@needs_numba
def test_lazy_sweep_on_the_numpy_engine_equals_the_numba_engine():
    pytest.importorskip("dask")
    kw = {"load_kg": np.linspace(0, 200, 7), "bench_height_m": [0.36, 0.42], "n": 21}
    lazy = quiet_sweep(HipThrust, engine="numpy", chunks=4, **kw)
    eager = quiet_sweep(HipThrust, engine="numba", **kw)
    computed = lazy.compute(scheduler="synchronous")
    for name in eager.data_vars:
        assert computed[name].dims == eager[name].dims
        np.testing.assert_allclose(computed[name], eager[name], rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize("engine", ENGINES)
def test_batches_of_set_ups_change_nothing(engine, monkeypatch):
    """A sweep cut into many small batches (the kernel's tables built a batch at a time, for
    bounded memory) and chunks gives the same numbers as one batch."""
    kw = {
        "load_kg": np.linspace(0.0, 200.0, 5),
        "bench_height_m": np.linspace(0.34, 0.40, 7),
        "sex": ["male", "female"],
        "n": 21,
        "summary": True,
        "engine": engine,
    }
    whole = sweep(HipThrust, **kw)
    monkeypatch.setattr(sys.modules["biomech.sweep"], "PREPARE_SETUPS", 4)
    batched = sweep(HipThrust, chunk_postures=50, threads=2, **kw)
    for name in SUMMARY_VARIABLES:
        np.testing.assert_array_equal(batched[name], whole[name])
