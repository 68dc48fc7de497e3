"""Correct under every input (issue 12): each test names the item of the issue it holds.

Every one of these failed before its fix: the item's reproduction, as the issue gives it, is
the test.
"""

import concurrent.futures
import dataclasses
import itertools
import multiprocessing
import pickle
import tracemalloc
import warnings

import numpy as np
import pytest

import biomech
from biomech import (
    Body,
    Deadlift,
    HipThrust,
    Squat,
    Tempo,
    compare_lifts,
    de_leva_1996,
    rep_metrics,
    simulate,
    summarize,
    sweep,
    winter_2009,
)
from biomech.cli import main


def quiet(f, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", biomech.BiomechWarning)
        return f(*args, **kwargs)


# ---------------------------------------------------------------- 1. tempo phase ----------
def test_the_phase_of_the_last_sample_is_the_end_of_the_rep():
    """Item 1: the last sample of '1-0-1.2-0.7' from the bottom fell one ulp outside every
    part of the rep and kept what np.empty_like left (8.7 in the issue)."""
    _, p, dp, ddp = Tempo.parse("1-0-1.2-0.7", start="bottom").sample(rate_hz=50, reps=3)
    assert p[-1] == 0.0
    assert dp[-1] == 0.0
    assert ddp[-1] == 0.0


@pytest.mark.parametrize("start", ["top", "bottom"])
def test_every_sampled_phase_lies_in_the_range_of_motion(start):
    """Item 1, over a grid of tempo strings (durations 0-3 s, moves from 0.1 s): the phase of
    every sample is in [0, 1], and it is the end phase of the rep on the last sample."""
    moves = [0.1, 0.7, 1.2, 2.3, 3.0]
    pauses = [0.0, 0.3, 0.7, 1.9]
    for ecc, bottom, con, top in itertools.product(moves, pauses, moves, pauses):
        tempo = Tempo(
            eccentric_s=ecc, bottom_pause_s=bottom, concentric_s=con, top_pause_s=top, start=start
        )
        for reps in (1, 3):
            _, p, dp, ddp = tempo.sample(rate_hz=50, reps=reps)
            assert np.all((p >= 0.0) & (p <= 1.0)), tempo
            assert np.all(np.isfinite(dp)), tempo
            assert np.all(np.isfinite(ddp)), tempo
            assert p[-1] == (1.0 if start == "top" else 0.0), tempo


def test_tempo_cli_is_deterministic(capsys):
    """Item 1: the same command succeeded, then failed with an unrelated error, then
    succeeded."""
    argv = ["tempo", "deadlift", "--tempo", "1-0-1.2-0.7", "--reps", "3", "--no-figure"]
    outputs = []
    for _ in range(3):
        assert quiet(main, argv) == 0
        outputs.append(capsys.readouterr())
    assert outputs[0] == outputs[1] == outputs[2]


def test_movement_and_phase_agree_on_every_sample():
    """The part of the rep a sample is in (``movement``) is the part whose phase it has."""
    tempo = Tempo.parse("1-0.3-1.2-0.7", start="bottom")
    t, p, dp, _ = tempo.sample(rate_hz=50, reps=3)
    movement = tempo.movement(t, reps=3)
    moving = dp != 0.0
    assert set(movement[moving]) <= {"concentric", "eccentric"}
    assert np.all(dp[movement == "concentric"] >= 0.0)
    assert np.all(dp[movement == "eccentric"] <= 0.0)
    assert np.all(p[movement == "bottom_pause"] == 0.0)
    assert np.all(p[movement == "top_pause"] == 1.0)


# ---------------------------------------------------------------- 2. Body tables ----------
def test_the_direct_constructor_uses_the_table_of_the_sex():
    """Item 2: Body(sex="female") silently used the male de Leva table."""
    direct = Body(height_m=1.7, mass_kg=60.0, sex="female")
    built = Body.from_height_mass(height_m=1.7, mass_kg=60.0, sex="female")
    assert direct == built
    assert direct.table.sex == "female"
    # de Leva (1996) Table 4: female thigh 14.78 % of body mass, two thighs, the table's
    # percentages (summing to 99.99 with pairs doubled) rescaled to sum to 100
    total = sum(p * (2 if s in _PAIRED else 1) for s, p in _DE_LEVA_FEMALE_MASS_PERCENT.items())
    expected = 2 * 14.78 / total * 60.0
    assert direct.segment_mass("thigh") == pytest.approx(expected, rel=1e-12)
    assert direct.segment_mass("thigh") == pytest.approx(17.74, abs=0.005)


_DE_LEVA_FEMALE_MASS_PERCENT = {
    "foot": 1.29,
    "shank": 4.81,
    "thigh": 14.78,
    "trunk": 42.57,
    "head": 6.68,
    "upper_arm": 2.55,
    "forearm": 1.38,
    "hand": 0.56,
}
_PAIRED = {"foot", "shank", "thigh", "upper_arm", "forearm", "hand"}


def test_a_table_of_the_other_sex_is_refused():
    """Item 2: a body and its table cannot disagree on the sex."""
    with pytest.raises(ValueError, match=r"`table`.*'male'.*`sex` = 'female'"):
        Body(height_m=1.7, mass_kg=60.0, sex="female", table=de_leva_1996("male"))
    with pytest.raises(ValueError, match=r"`table`.*'female'.*`sex` = 'male'"):
        Body.from_height_mass(sex="male", table=de_leva_1996("female"))
    # a table that is not sex-specific takes either
    assert Body(height_m=1.7, mass_kg=60.0, sex="female", table=winter_2009()).sex == "female"


def test_the_constructor_takes_a_table_name():
    assert Body(height_m=1.7, mass_kg=60.0, table="winter_2009") == Body.from_height_mass(
        height_m=1.7, mass_kg=60.0, table="winter_2009"
    )


# ---------------------------------------------------------- 3. compare_lifts rows ----------
def test_two_set_ups_of_one_lift_are_two_rows():
    """Item 3: rows were keyed by the exercise's name, so the second squat replaced the
    first."""
    light, heavy = Squat(load_kg=60.0), Squat(load_kg=140.0)
    table = compare_lifts(exercises=[light, heavy])
    assert len(table) == 2
    assert table.index.is_unique
    assert list(table.index) == ["squat (load_kg=60)", "squat (load_kg=140)"]
    for label, exercise in zip(table.index, (light, heavy), strict=True):
        peak = float(simulate(exercise, n=201)["net_moment"].sel(joint="hip").max())
        assert table.loc[label, "peak_hip_moment"] == pytest.approx(peak, rel=1e-12)


def test_compare_lifts_takes_labels():
    table = compare_lifts(exercises={"light": Squat(load_kg=60.0), "heavy": Squat(load_kg=140.0)})
    assert list(table.index) == ["light", "heavy"]
    assert table.loc["heavy", "peak_hip_moment"] > table.loc["light", "peak_hip_moment"]


def test_identical_set_ups_are_numbered():
    table = compare_lifts(exercises=[Squat(), Squat(), Deadlift()])
    assert list(table.index) == ["squat (1)", "squat (2)", "deadlift"]


# --------------------------------------------------------- 4. physical bounds ----------
@pytest.mark.parametrize(
    ("make", "name"),
    [
        (lambda: Squat(load_kg=1e308), "load_kg"),
        (lambda: HipThrust(load_kg=1e308), "load_kg"),
        (lambda: Deadlift(load_kg=5000.0), "load_kg"),
        (lambda: Body(height_m=1.8, mass_kg=1e308), "mass_kg"),
        (lambda: Body(height_m=1.8, mass_kg=5e-324), "mass_kg"),
        (lambda: Body(height_m=1e6, mass_kg=80.0), "height_m"),
        (lambda: Body(height_m=1e-3, mass_kg=80.0), "height_m"),
        (lambda: simulate(Squat(), g=1e308), "g"),
        (lambda: simulate(Squat(), g=5e-324), "g"),
    ],
)
def test_absurd_inputs_are_refused_by_name(make, name):
    """Item 4: these gave NaN or meaningless numbers, or only warned."""
    with pytest.raises(ValueError, match=rf"`{name}` must be"):
        make()


@pytest.mark.parametrize(
    ("kwargs", "hint"),
    [
        ({"height_m": 165.0}, r"Did you mean 1\.65 m"),
        ({"height_m": 180}, r"Did you mean 1\.8 m"),
        ({"height_m": 1.8, "mass_kg": 80000.0}, r"Did you mean 80 kg"),
        ({"height_m": 1650.0}, r"Did you mean 1\.65 m"),
    ],
)
def test_clearly_wrong_units_get_a_hint(kwargs, hint):
    with pytest.raises(ValueError, match=hint):
        Body.from_height_mass(**kwargs)


def test_the_bounds_are_in_the_docstrings():
    """Each bound a value must respect is stated where the parameter is documented."""
    from biomech.anthropometry import HEIGHT_RANGE_M, MASS_RANGE_KG
    from biomech.exercises._base import MAX_LOAD_KG
    from biomech.simulate import G_RANGE

    for bound in (*HEIGHT_RANGE_M, *MASS_RANGE_KG):
        assert f"{bound:g}" in Body.__doc__
    for cls in (HipThrust, Squat, Deadlift):
        assert f"{MAX_LOAD_KG:g}" in cls.__doc__
    assert f"{G_RANGE[1]:g}" in simulate.__doc__


# --------------------------------------------------------- 5. samples per move ----------
def test_too_few_samples_per_move_are_refused():
    """Item 5: 0.1 Hz over a 2-0-1-2 rep gave NaN impulses."""
    with pytest.raises(ValueError, match=r"`rate_hz` = 0\.1 .*concentric.*at least"):
        simulate(Squat(), tempo="2-0-1-2", rate_hz=0.1)


def test_the_tempo_cli_refuses_too_few_samples(capsys):
    argv = ["tempo", "squat", "--rate-hz", "0.1", "--no-figure"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "`--rate-hz`" in err
    assert "nan" not in err.lower()


# ------------------------------------------------------------- 6. concurrency ----------
SWEEPS = [
    (HipThrust, {"load_kg": np.linspace(0.0, 200.0, 7), "bench_height_m": [0.36, 0.42]}),
    (Squat, {"load_kg": [60.0, 140.0], "bar_position": ["high", "low"]}),
    (Deadlift, {"load_kg": np.linspace(20.0, 220.0, 5), "height_m": [1.65, 1.85]}),
]


def run_sweep(k):
    exercise, kw = SWEEPS[k % len(SWEEPS)]
    summary = k % 2 == 0
    engine = "numpy" if k % 4 < 2 else "auto"
    return sweep(exercise, n=31, summary=summary, threads=2, engine=engine, **kw)


def test_concurrent_sweeps_equal_serial_sweeps_and_leave_the_warning_filters():
    """Item 6: 64 sweeps on 8 threads left an ``ignore BiomechWarning`` filter behind (their
    ``warnings.catch_warnings`` is not thread-safe), so later warnings never appeared. From
    threads, every result equals the serial one bit for bit, and the filters are unchanged."""
    filters = list(warnings.filters)
    serial = [run_sweep(k) for k in range(12)]  # k % 12 sets the sweep, its mode and engine
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        threaded = list(pool.map(run_sweep, range(64)))
    assert warnings.filters == filters
    for k, ds in enumerate(threaded):
        assert ds.identical(serial[k % 12]), k
    # and a later warning still appears
    with pytest.warns(biomech.BiomechWarning, match="friction"):
        simulate(HipThrust(bench_reaction="normal"), n=11)


def test_the_sweep_warns_from_the_calling_thread_once():
    """Warnings about the set-ups of a sweep are given once, by the calling thread, whatever
    the threads that computed them."""
    with pytest.warns(biomech.BiomechWarning) as record:
        sweep(Squat, height_m=[0.9, 1.8], mass_kg=40.0, n=11, threads=2)
    heights = [w for w in record if "height_m" in str(w.message)]
    assert len(heights) == 1
    assert heights[0].filename == __file__


# --------------------------------------------------------------- 7. memory budget ----------
def test_a_full_sweep_too_large_for_memory_is_refused_before_it_allocates():
    """Item 7: 10^7 postures of full curves (about 8 GB) allocated for half a minute and died.
    The estimate comes first: the refusal allocates next to nothing."""
    tracemalloc.start()
    try:
        with pytest.raises(ValueError, match=r"`load_kg`.*GB.*summary=True.*chunks=") as info:
            sweep(HipThrust, load_kg=np.linspace(0, 200, 10**5), n=100)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 50e6
    assert "memory_limit_gb" in str(info.value)


def test_simulate_of_too_many_samples_is_refused():
    with pytest.raises(ValueError, match=r"`n` = 100000000 .*GB.*memory_limit_gb"):
        simulate(Squat(), n=10**8)


def test_a_long_set_is_refused_by_the_budget_and_runs_with_a_larger_one():
    with pytest.raises(ValueError, match=r"`reps` = 1000 .*GB.*memory_limit_gb"):
        simulate(Squat(), tempo="2-0-1-2", reps=1000, memory_limit_gb=0.5)
    ds = simulate(Squat(), tempo="2-0-1-2", reps=40, rate_hz=20, memory_limit_gb=1.0)
    assert ds.sizes["rep"] == 40


def test_a_lower_budget_refuses_what_the_default_takes():
    with pytest.raises(ValueError, match=r"`n` = 20001 .*memory_limit_gb"):
        simulate(Squat(), n=20001, memory_limit_gb=0.001)
    assert simulate(Squat(), n=20001).sizes["phase"] == 20001


def test_the_estimate_bounds_what_simulate_holds():
    """The estimate is not below what the result holds, nor far above it."""
    from biomech._memory import simulate_bytes

    for exercise, tempo in [(HipThrust(), None), (Squat(), None), (Deadlift(), "2-0-1-2")]:
        if tempo is None:
            ds = quiet(simulate, exercise, n=5001)
            samples = 5001
        else:
            ds = quiet(simulate, exercise, tempo=tempo, reps=4, rate_hz=200)
            samples = ds.sizes["time"]
        estimate = simulate_bytes(exercise, samples, bodies=1, lifted=tempo is not None)
        assert ds.nbytes <= estimate <= 6 * ds.nbytes


def test_rep_metrics_memory_grows_linearly_with_reps():
    """Per-rep peaks took a (rep, time, joint) array: quadratic in the reps."""
    ds = simulate(Squat(), tempo="1-0-1-0", reps=200, rate_hz=20)
    tracemalloc.start()
    try:
        rep_metrics(ds)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 40 * ds["net_moment"].nbytes


def test_a_memory_limit_must_be_positive():
    with pytest.raises(ValueError, match=r"`memory_limit_gb` must be"):
        simulate(Squat(), memory_limit_gb=0.0)
    with pytest.raises(ValueError, match=r"`memory_limit_gb` must be"):
        sweep(Squat, load_kg=[1.0, 2.0], memory_limit_gb=-1.0)


# -------------------------------------------------------------------- 8. pickling ----------
POPULATION = Body.from_height_mass(height_m=np.array([1.6, 1.9]), mass_kg=np.array([60.0, 95.0]))
VALUES = [
    Body.default(),
    Body(height_m=1.7, mass_kg=60.0, sex="female"),
    POPULATION,
    de_leva_1996("female"),
    winter_2009(),
    HipThrust(),
    HipThrust(bench_height_m=0.4, bench_reaction="normal"),
    Squat(bar_position="low"),
    Deadlift(shank_angle_deg=15.0),
    Tempo.parse("3-1-X-0", start="bottom"),
]


@pytest.mark.parametrize("value", VALUES, ids=lambda v: type(v).__name__)
def test_values_round_trip_through_pickle_and_hash(value):
    """Item 8: Body and SegmentTable held mappingproxy objects, which neither pickle nor
    hash."""
    again = pickle.loads(pickle.dumps(value))
    assert again == value
    assert hash(again) == hash(value)
    assert {value: 1}[again] == 1


def test_equal_values_hash_equal_and_different_values_differ():
    a = Body.from_height_mass(height_m=np.array([1.6, 1.9]), mass_kg=np.array([60.0, 95.0]))
    assert a == POPULATION
    assert hash(a) == hash(POPULATION)
    b = Body.from_height_mass(height_m=np.array([1.6, 1.91]), mass_kg=np.array([60.0, 95.0]))
    assert a != b
    assert Squat(load_kg=np.array([60.0, 80.0])) == Squat(load_kg=np.array([60.0, 80.0]))
    assert Squat(load_kg=60.0) != Squat(load_kg=61.0)
    assert Squat() != Deadlift()


def test_a_population_is_immutable():
    with pytest.raises(ValueError, match="read-only"):
        POPULATION.height_m[0] = 2.5


@pytest.mark.parametrize(
    "result",
    [
        lambda: simulate(HipThrust(), n=11),
        lambda: simulate(Squat(), POPULATION, n=11),
        lambda: simulate(Deadlift(), tempo="2-0-1-1", rate_hz=20),
        lambda: sweep(Squat, load_kg=[60.0, 100.0], n=11, summary=True),
        lambda: sweep(Squat, load_kg=[60.0, 100.0], n=11),
        lambda: summarize(simulate(Squat(), n=11)),
    ],
    ids=["simulate", "population", "tempo", "summary-sweep", "full-sweep", "summarize"],
)
def test_results_round_trip_through_pickle(result):
    ds = result()
    assert pickle.loads(pickle.dumps(ds)).identical(ds)


def test_a_lazy_sweep_round_trips_through_the_standard_pickle():
    """Item 8: the lazy sweep held a local closure."""
    pytest.importorskip("dask")
    # dask chunks of 4 cut across the categorical dimension, which is not the last
    kw = {"bar_position": ["high", "low"], "load_kg": np.linspace(0, 200, 5), "n": 21}
    lazy = sweep(Squat, summary=True, chunks=4, height_m=[1.7, 1.8, 1.9], **kw)
    again = pickle.loads(pickle.dumps(lazy))
    computed = again.compute(scheduler="synchronous")
    assert computed.identical(sweep(Squat, summary=True, height_m=[1.7, 1.8, 1.9], **kw))


def test_simulate_runs_in_a_process_pool():
    """Item 8: ``ProcessPoolExecutor().submit(biomech.simulate, ...)`` failed to pickle the
    body."""
    body = Body(height_m=1.7, mass_kg=60.0, sex="female")
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool:
        remote = pool.submit(simulate, Squat(load_kg=80.0), body, n=21).result()
    assert remote.identical(simulate(Squat(load_kg=80.0), body, n=21))


# ---------------------------------------------------------------- 9. sweep input ----------
def test_a_sweep_of_nothing_runs_the_one_set_up():
    """Item 9: with nothing swept the sweep crashed with ``cannot reshape array of size 0``."""
    s = sweep(HipThrust, summary=True, n=51)
    one = summarize(simulate(HipThrust(), n=51))
    assert s["peak_hip_moment"].dims == ()
    assert float(s["peak_hip_moment"]) == pytest.approx(float(one["peak_hip_moment"]), rel=1e-12)
    full = sweep(HipThrust, n=51)
    np.testing.assert_allclose(
        full["net_moment"], simulate(HipThrust(), n=51)["net_moment"], rtol=1e-12, atol=1e-12
    )


@pytest.mark.parametrize(
    "value", ["heavy", {60.0, 80.0}, {"a": 60.0}, (v for v in (60.0, 80.0))], ids=repr
)
def test_a_sweep_names_a_value_that_is_no_number(value):
    """Item 9: these hid behind the reshape error."""
    with pytest.raises(TypeError, match=r"`load_kg` must be"):
        sweep(HipThrust, summary=True, load_kg=value)


def test_a_sweep_names_a_bad_element_before_computing():
    with pytest.raises(ValueError, match=r"`bench_height_m` must be .*got 3\.0"):
        sweep(HipThrust, bench_height_m=[0.4, 3.0], summary=True)


# ----------------------------------------------------- 10. messages name the argument -----
@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: simulate(Squat(), g=np.array([9.8, 9.7])), "g"),
        (lambda: simulate(Squat(), tempo="2-0-1-2", rate_hz=np.array([50.0, 60.0])), "rate_hz"),
        (lambda: Tempo(eccentric_s=np.array([1.0, 2.0])), "eccentric_s"),
        (lambda: compare_lifts(load_kg=np.array([1.0, 2.0])), "load_kg"),
        (lambda: compare_lifts(POPULATION), "body"),
        (lambda: sweep(Squat, load_kg=[1.0, 2.0], threads=2.5), "threads"),
        (lambda: sweep(Squat, load_kg=[1.0, 2.0], threads="4"), "threads"),
        (lambda: simulate(Squat(), tempo="2-0"), "tempo"),
        (lambda: simulate(Squat(), tempo="a-b-c-d"), "tempo"),
        (lambda: simulate(Squat(), tempo="-1-0-1-0"), "tempo"),
        (lambda: sweep(Squat, body=Body(height_m=np.array([]), mass_kg=80.0)), "height_m"),
    ],
)
def test_the_message_names_the_argument(call, name):
    """Item 10."""
    with pytest.raises((ValueError, TypeError), match=rf"`{name}`"):
        call()


def test_a_negative_tempo_part_is_called_negative():
    with pytest.raises(ValueError, match=r"negative") as info:
        Tempo.parse("-1-0-1-0")
    assert "four parts" not in str(info.value)


# ------------------------------------------------------ 11. invalid values refused -----
@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: sweep(Squat, load_kg=[1.0, 2.0], threads=-1), "threads"),
        (lambda: sweep(Squat, load_kg=[1.0, 2.0], threads=0), "threads"),
        (lambda: sweep(Squat, load_kg=[1.0, 2.0], summary=True, chunks=2.5), "chunks"),
        (lambda: sweep(Squat, load_kg=[1.0, 2.0], summary="no"), "summary"),
        (lambda: simulate(Squat(), reps=0), "reps"),
        (lambda: simulate(Squat(), reps=3), "reps"),
        (lambda: compare_lifts(exercises=[]), "exercises"),
        (lambda: Body(height_m=np.array([]), mass_kg=80.0), "height_m"),
        (
            lambda: sweep(Squat, body=Body(height_m=np.zeros(0), mass_kg=80.0), summary=True),
            "height_m",
        ),
    ],
)
def test_invalid_values_are_refused(call, name):
    """Item 11: these were accepted silently."""
    with pytest.raises((ValueError, TypeError), match=rf"`{name}`"):
        call()


# ------------------------------------------------------- 12. custom segment tables -----
def replaced(field, segment, value):
    t = de_leva_1996()
    mapping = dict(getattr(t, field))
    if value is None:
        del mapping[segment]
    else:
        mapping[segment] = value
    return lambda: dataclasses.replace(t, **{field: mapping})


@pytest.mark.parametrize(
    ("make", "match"),
    [
        (replaced("length_fraction", "thigh", np.nan), r"`length_fraction\['thigh'\]`.*nan"),
        (replaced("mass_fraction", "thigh", -0.1), r"`mass_fraction\['thigh'\]`.*-0\.1"),
        (replaced("length_fraction", "thigh", None), r"`length_fraction`.*missing.*'thigh'"),
        (replaced("com_fraction", "pelvis", 0.5), r"`com_fraction`.*unknown.*'pelvis'"),
        (replaced("radius_of_gyration", "hand", 0.0), r"`radius_of_gyration\['hand'\]`"),
        (replaced("com_fraction", "shank", 1.2), r"`com_fraction\['shank'\]`.*1\.2"),
        (replaced("mass_fraction", "trunk", 0.6), r"`mass_fraction` .*sum.*1"),
    ],
)
def test_a_custom_segment_table_is_validated(make, match):
    """Item 12: a NaN gave NaN everywhere, a negative mass was accepted, a missing segment
    raised KeyError."""
    with pytest.raises(ValueError, match=match):
        make()


def test_a_valid_custom_table_still_works():
    t = de_leva_1996()
    longer = dataclasses.replace(t, length_fraction={**t.length_fraction, "thigh": 0.26})
    assert Body(height_m=1.8, mass_kg=80.0, table=longer).segment_length("thigh") == 0.468
    assert hash(longer) != hash(t)


# ---------------------------------------------------------- 13. exception types -----
@pytest.mark.parametrize(
    ("call", "exc", "match"),
    [
        (lambda: summarize(None), TypeError, r"`ds` must be an xarray\.Dataset.*None"),
        (lambda: rep_metrics(None), TypeError, r"`ds` must be an xarray\.Dataset.*None"),
        (
            lambda: summarize(simulate(Squat(), n=11).isel(phase=slice(0, 3))),
            ValueError,
            r"`ds` must .*phase.*1",
        ),
        (
            lambda: rep_metrics(
                simulate(Squat(), tempo="2-0-1-2", rate_hz=20).drop_vars("quasi_static_net_moment")
            ),
            ValueError,
            r"`ds`.*quasi_static_net_moment",
        ),
        (
            lambda: summarize(simulate(Squat(), n=11).drop_vars("net_moment")),
            ValueError,
            r"`ds`.*net_moment",
        ),
    ],
)
def test_wrong_datasets_raise_the_right_type(call, exc, match):
    """Item 13: AttributeError and KeyError."""
    with pytest.raises(exc, match=match):
        call()


# ---------------------------------------------------------- 14. warning locations -----
def test_body_warnings_point_at_the_callers_line():
    """Item 14: they pointed at ``<string>:7``, the dataclass's generated ``__init__``."""
    with pytest.warns(biomech.BiomechWarning) as record:
        Body(height_m=0.9, mass_kg=40.0)
    assert {w.filename for w in record} == {__file__}
    with pytest.warns(biomech.BiomechWarning) as record:
        Body.from_height_mass(height_m=0.9, mass_kg=40.0)
    assert {w.filename for w in record} == {__file__}


@pytest.mark.parametrize("summary", [False, True])
def test_sweep_warnings_point_at_the_callers_line(summary):
    """Vertical shins and a deep bottom put the weight behind the heels (as in
    test_statics.test_cop_outside_foot_warns)."""
    with pytest.warns(biomech.BiomechWarning, match="centre of pressure") as record:
        sweep(
            Squat,
            load_kg=[0.0, 20.0],
            shank_angle_deg=5.0,
            depth_deg=-20.0,
            n=11,
            summary=summary,
            threads=2,
        )
    assert {w.filename for w in record} == {__file__}
