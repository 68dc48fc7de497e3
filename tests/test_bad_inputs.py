"""Every public entry point refuses bad input by name (issue 12).

Each row is a call with one bad argument. It must raise ValueError or TypeError (never
return, never another type) with a message that names the argument (in backticks), shows the
value it got, and says what was expected ("must ..."). The command line must exit with
status 2 and say the same on stderr.
"""

import dataclasses
import math
import warnings

import matplotlib
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
    plotting,
    rep_metrics,
    simulate,
    summarize,
    sweep,
)
from biomech.cli import main

matplotlib.use("Agg")

NUMBER_NOT = ["abc", True, None, [1.0, "a"], {"a": 1.0}, 1 + 2j]
NOT_FINITE = [math.nan, math.inf, -math.inf]


def shown(value):
    """How a message shows a bad value: its repr, or the offending number."""
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, np.ndarray):
        return None  # an array: the message names the offending element instead
    return repr(value)


def row(call, name, value, *, text=None, id_=None):
    """A bad call: ``call(value)`` must name ``name`` and show ``text`` (default: the value)."""
    return pytest.param(call, name, value, text, id=id_ or f"{name}={value!r}"[:60])


def bad_numbers(call, name, out_of_range=(), *, skip_none=False):
    """Rows for a numeric argument: not numbers, not finite, out of range."""
    values = [v for v in NUMBER_NOT if not (skip_none and v is None)]
    return [row(call, name, v, id_=f"{call.__name__}-{name}-{v!r}") for v in values] + [
        row(call, name, v, id_=f"{call.__name__}-{name}-{v!r}")
        for v in NOT_FINITE + list(out_of_range)
    ]


# ------------------------------------------------------------------------- exercises ------
def hip_thrust(**kw):
    return lambda v: HipThrust(**{**kw, **v})


def field_rows(cls, name, out_of_range, *, optional=False):
    def call(value):
        return cls(**{name: value})

    call.__name__ = cls.__name__
    return bad_numbers(call, name, out_of_range, skip_none=optional)


EXERCISE_ROWS = [
    *field_rows(HipThrust, "load_kg", [-1.0, 1001.0, 1e308]),
    *field_rows(HipThrust, "bench_height_m", [0.0, 1.6], optional=True),
    *field_rows(HipThrust, "feet_distance_m", [0.0, -0.5, 2.5], optional=True),
    *field_rows(HipThrust, "cop_fraction", [-0.1, 1.1], optional=True),
    *field_rows(HipThrust, "plate_diameter_m", [0.0, 1.2]),
    *field_rows(HipThrust, "hyperextension_deg", [-1.0, 31.0]),
    *field_rows(HipThrust, "bench_contact_fraction", [0.0, 0.2, 1.5]),
    *field_rows(HipThrust, "back_offset_m", [-0.1, 0.5], optional=True),
    *field_rows(HipThrust, "bar_offset_m", [-0.1, 0.5], optional=True),
    *field_rows(Squat, "load_kg", [-5.0, 2000.0]),
    *field_rows(Squat, "depth_deg", [-46.0, 46.0]),
    *field_rows(Squat, "shank_angle_deg", [-1.0, 51.0], optional=True),
    *field_rows(Squat, "bar_above_shoulder_m", [-0.4, 0.4], optional=True),
    *field_rows(Squat, "bar_behind_shoulder_m", [0.31], optional=True),
    *field_rows(Deadlift, "load_kg", [-0.5, 1e4]),
    *field_rows(Deadlift, "shank_angle_deg", [-1.0, 41.0], optional=True),
    *field_rows(Deadlift, "plate_diameter_m", [0.0, 1.5]),
    row(lambda v: HipThrust(bench_reaction=v), "bench_reaction", "sideways"),
    row(lambda v: HipThrust(bench_reaction=v), "bench_reaction", 1),
    row(lambda v: Squat(bar_position=v), "bar_position", "front"),
    row(lambda v: Squat(bar_position=v), "bar_position", None),
]


# ---------------------------------------------------------------------------- bodies ------
def body(name):
    def call(value):
        return Body(**{"height_m": 1.8, "mass_kg": 80.0, name: value})

    call.__name__ = "Body"
    return call


def built(name):
    def call(value):
        return Body.from_height_mass(**{name: value})

    call.__name__ = "from_height_mass"
    return call


BODY_ROWS = [
    *bad_numbers(body("height_m"), "height_m", [0.0, -1.8, 0.3, 3.5, 1e6]),
    *bad_numbers(body("mass_kg"), "mass_kg", [0.0, 5e-324, 5.0, 1e308]),
    *bad_numbers(built("height_m"), "height_m", [175.0]),
    *bad_numbers(built("mass_kg"), "mass_kg", [-70.0]),
    row(body("sex"), "sex", "other"),
    row(body("sex"), "sex", 1),
    row(body("table"), "table", "plagenhoef"),
    row(body("table"), "table", 3.0),
    row(lambda v: Body(height_m=v, mass_kg=80.0), "height_m", np.array([1.8, np.nan]), text="nan"),
    row(lambda v: Body(height_m=v, mass_kg=80.0), "height_m", np.array([]), text="empty"),
    row(lambda v: Body(height_m=1.8, mass_kg=v), "mass_kg", np.zeros((0, 2)), text="empty"),
    row(lambda v: de_leva_1996(v), "sex", "any"),
    row(lambda v: de_leva_1996(v), "sex", None),
    row(lambda v: Body.default().segment_length(v), "segment", "elbow"),
    row(lambda v: Body.default().segment_mass(v), "segment", 3),
]


def table(field, segment, value):
    t = de_leva_1996()
    return lambda v: dataclasses.replace(t, **{field: {**getattr(t, field), segment: v}})


TABLE_ROWS = [
    row(table("length_fraction", "thigh", None), "length_fraction['thigh']", math.nan),
    row(table("length_fraction", "shank", None), "length_fraction['shank']", -0.2),
    row(table("mass_fraction", "thigh", None), "mass_fraction['thigh']", -0.1),
    row(table("mass_fraction", "hand", None), "mass_fraction['hand']", "a lot"),
    row(table("com_fraction", "foot", None), "com_fraction['foot']", 1.5),
    row(table("radius_of_gyration", "trunk", None), "radius_of_gyration['trunk']", math.inf),
    row(
        lambda v: dataclasses.replace(de_leva_1996(), ankle_height_fraction=v),
        "ankle_height_fraction",
        0.5,
    ),
    row(lambda v: dataclasses.replace(de_leva_1996(), grip_fraction=v), "grip_fraction", -1.0),
    row(lambda v: dataclasses.replace(de_leva_1996(), sex=v), "sex", "robot"),
    row(
        lambda v: dataclasses.replace(de_leva_1996(), mass_fraction=v),
        "mass_fraction",
        [0.1, 0.2],
        text="list",
    ),
]


# ----------------------------------------------------------------------------- tempo ------
def tempo(name):
    def call(value):
        return Tempo(**{name: value})

    call.__name__ = "Tempo"
    return call


TEMPO_ROWS = [
    *bad_numbers(tempo("eccentric_s"), "eccentric_s", [0.0, 0.05, 61.0]),
    *bad_numbers(tempo("concentric_s"), "concentric_s", [-1.0]),
    *bad_numbers(tempo("bottom_pause_s"), "bottom_pause_s", [-0.5, 100.0]),
    *bad_numbers(tempo("top_pause_s"), "top_pause_s", [-0.1]),
    row(tempo("eccentric_s"), "eccentric_s", np.array([1.0, 2.0]), text="shape (2,)"),
    row(tempo("start"), "start", "middle"),
    row(lambda v: Tempo.parse(v), "notation", "2-0-1"),
    row(lambda v: Tempo.parse(v), "notation", "2-0-1-2-3"),
    row(lambda v: Tempo.parse(v), "notation", "fast"),
    row(lambda v: Tempo.parse(v), "notation", 2012),
    row(lambda v: Tempo.parse(v), "notation", "2-0--1-2"),
    row(lambda v: Tempo.parse(v), "notation", "2-0-Y-2"),
    row(lambda v: Tempo.parse(v), "notation", "0-0-1-0", text="0.0"),
    row(lambda v: Tempo().sample(rate_hz=v), "rate_hz", 0.0),
    row(lambda v: Tempo().sample(rate_hz=v), "rate_hz", -10.0),
    row(lambda v: Tempo().sample(rate_hz=v), "rate_hz", 1.0),
    row(lambda v: Tempo().sample(rate_hz=v), "rate_hz", "fast"),
    row(lambda v: Tempo().sample(reps=v), "reps", 0),
    row(lambda v: Tempo().sample(reps=v), "reps", 2.5),
    row(lambda v: Tempo().sample(reps=v), "reps", "3"),
    row(lambda v: Tempo().phase(v), "t", "now"),
    row(lambda v: Tempo().phase([0.0, 1.0], reps=v), "reps", -1),
    row(lambda v: Tempo().movement(v), "t", [0.0, math.nan], text="nan"),
]


# ---------------------------------------------------------------------- simulate ----------
SIMULATE_ROWS = [
    row(lambda v: simulate(v), "exercise", "squat"),
    row(lambda v: simulate(v), "exercise", Squat, text="Squat"),
    row(lambda v: simulate(v), "exercise", None),
    row(lambda v: simulate(Squat(), v), "body", {"height_m": 1.8}, text="height_m"),
    row(lambda v: simulate(Squat(), v), "body", 1.8),
    row(lambda v: simulate(Squat(), n=v), "n", 1),
    row(lambda v: simulate(Squat(), n=v), "n", -5),
    row(lambda v: simulate(Squat(), n=v), "n", 2.5),
    row(lambda v: simulate(Squat(), n=v), "n", "10"),
    row(lambda v: simulate(Squat(), n=v), "n", True),
    row(lambda v: simulate(Squat(), n=v), "n", 10**9, text="1000000000"),
    row(lambda v: simulate(Squat(), g=v), "g", -9.8),
    row(lambda v: simulate(Squat(), g=v), "g", 0.0),
    row(lambda v: simulate(Squat(), g=v), "g", 1e308),
    row(lambda v: simulate(Squat(), g=v), "g", math.nan),
    row(lambda v: simulate(Squat(), g=v), "g", "earth"),
    row(lambda v: simulate(Squat(), g=v), "g", np.array([9.8, 9.7]), text="shape (2,)"),
    row(lambda v: simulate(Squat(), tempo=v), "tempo", 2.0),
    row(lambda v: simulate(Squat(), tempo=v), "tempo", "2-0"),
    row(lambda v: simulate(Squat(), tempo=v), "tempo", "a-b-c-d", text="'a'"),
    row(lambda v: simulate(Squat(), tempo=v), "tempo", "-1-0-1-0"),
    row(lambda v: simulate(Squat(), tempo="2-0-1-2", reps=v), "reps", 0),
    row(lambda v: simulate(Squat(), tempo="2-0-1-2", reps=v), "reps", 1.5),
    row(lambda v: simulate(Squat(), reps=v), "reps", 3),
    row(lambda v: simulate(Squat(), reps=v), "reps", 0),
    row(lambda v: simulate(Squat(), rate_hz=v), "rate_hz", 50.0),
    row(lambda v: simulate(Squat(), tempo="2-0-1-2", rate_hz=v), "rate_hz", 0.1),
    row(lambda v: simulate(Squat(), tempo="2-0-1-2", rate_hz=v), "rate_hz", -1.0),
    row(
        lambda v: simulate(Squat(), tempo="2-0-1-2", rate_hz=v),
        "rate_hz",
        np.array([50.0, 60.0]),
        text="shape (2,)",
    ),
    row(lambda v: simulate(Squat(), n=51, tempo=v), "n", "2-0-1-2", text="51"),
    row(lambda v: simulate(Squat(), memory_limit_gb=v), "memory_limit_gb", 0.0),
    row(lambda v: simulate(Squat(), memory_limit_gb=v), "memory_limit_gb", "lots"),
    row(
        lambda v: simulate(Squat(load_kg=v)),
        "load_kg",
        np.array([60.0, 100.0]),
        text="shape (2,)",
    ),
    row(
        lambda v: simulate(Squat(), v),
        "body",
        Body.from_height_mass(height_m=np.full((2, 2), 1.8)),
        text="(2, 2)",
    ),
]


# -------------------------------------------------------------------------- sweep ---------
def sw(**kw):
    """A small sweep with ``v`` for the one keyword named in ``kw``."""
    return lambda v: sweep(Squat, load_kg=[60.0, 100.0], **{"n": 11, **{k: v for k in kw}})


SWEEP_ROWS = [
    row(lambda v: sweep(v), "exercise", "squat"),
    row(lambda v: sweep(v), "exercise", int, text="int"),
    row(sw(threads=0), "threads", 0),
    row(sw(threads=0), "threads", -1),
    row(sw(threads=0), "threads", 2.5),
    row(sw(threads=0), "threads", "4"),
    row(sw(chunk_postures=0), "chunk_postures", 0),
    row(sw(chunk_postures=0), "chunk_postures", 1.5),
    row(sw(summary=0), "summary", "no"),
    row(sw(summary=0), "summary", 1),
    row(sw(progress=0), "progress", "yes"),
    row(sw(engine=0), "engine", "gpu"),
    row(sw(n=0), "n", 1),
    row(sw(g=0), "g", -1.0),
    row(sw(memory_limit_gb=0), "memory_limit_gb", -2.0),
    row(lambda v: sweep(Squat, summary=True, chunks=v, load_kg=[1.0, 2.0]), "chunks", 2.5),
    row(lambda v: sweep(Squat, summary=True, chunks=v, load_kg=[1.0, 2.0]), "chunks", 0),
    row(lambda v: sweep(Squat, chunks=v, load_kg=[1.0, 2.0]), "chunks", 2, text="summary=True"),
    row(lambda v: sweep(Squat, bench_height_m=v), "bench_height_m", 0.4, text="not a parameter"),
    row(lambda v: sweep(Squat, load_kg=v), "load_kg", "heavy"),
    row(lambda v: sweep(Squat, load_kg=v), "load_kg", {60.0, 80.0}),
    row(lambda v: sweep(Squat, load_kg=v), "load_kg", {"a": 60.0}),
    row(lambda v: sweep(Squat, load_kg=v), "load_kg", [60.0, -1.0], text="-1.0"),
    row(lambda v: sweep(Squat, load_kg=v), "load_kg", np.ones((2, 2)), text="(2, 2)"),
    row(lambda v: sweep(Squat, load_kg=v), "load_kg", np.array([]), text="empty"),
    row(lambda v: sweep(Squat, bar_position=v), "bar_position", ["high", "front"], text="'front'"),
    row(lambda v: sweep(Squat, height_m=v), "height_m", [1.8, 180.0], text="180.0"),
    row(lambda v: sweep(Squat, mass_kg=v), "mass_kg", [-80.0], text="-80.0"),
    row(lambda v: sweep(Squat, sex=v), "sex", ["male", "robot"], text="'robot'"),
    row(lambda v: sweep(Squat, table=v), "table", "plagenhoef"),
    row(
        lambda v: sweep(Squat, body=v, height_m=[1.6, 1.8]),
        "height_m",
        Body.from_height_mass(height_m=np.array([1.6, 1.8])),
        text="population",
    ),
    row(
        lambda v: sweep(HipThrust, load_kg=v, n=100),
        "load_kg",
        np.linspace(0, 200, 10**5),
        text="100000",
    ),
    row(lambda v: sweep(Squat, body=v, load_kg=[1.0]), "body", "me"),
    row(
        lambda v: sweep(Squat, body=Body(height_m=v, mass_kg=80.0)),
        "height_m",
        np.array([]),
        text="empty",
    ),
]


# --------------------------------------------------------- results: summaries, metrics ----
def held():
    return simulate(Squat(), n=11)


def lifted():
    return simulate(Squat(), tempo="2-0-1-2", rate_hz=20)


RESULT_ROWS = [
    row(lambda v: summarize(v), "ds", None),
    row(lambda v: summarize(v), "ds", "results"),
    row(lambda v: summarize(v), "ds", {"net_moment": 1.0}, text="net_moment"),
    row(lambda v: summarize(held(), joint=v), "joint", "elbow"),
    row(lambda v: summarize(held(), joint=v), "joint", 1),
    row(lambda v: summarize(held().isel(phase=v)), "ds", slice(0, 3), text="phases 0"),
    row(lambda v: summarize(held().drop_vars(v)), "ds", "net_moment", text="net_moment"),
    row(lambda v: summarize(lifted().drop_vars(v)), "ds", "rep", text="time"),
    row(lambda v: rep_metrics(v), "ds", None),
    row(lambda v: rep_metrics(v), "ds", 3.0),
    row(lambda v: rep_metrics(held().drop_vars(v)), "ds", "joint_angle", text="phase"),
    row(
        lambda v: rep_metrics(lifted().drop_vars(v)),
        "ds",
        "quasi_static_net_moment",
        text="quasi_static_net_moment",
    ),
    row(lambda v: compare_lifts(load_kg=v), "load_kg", -10.0),
    row(lambda v: compare_lifts(load_kg=v), "load_kg", "heavy"),
    row(lambda v: compare_lifts(load_kg=v), "load_kg", np.array([1.0, 2.0]), text="shape (2,)"),
    row(lambda v: compare_lifts(exercises=v), "exercises", [], text="none"),
    row(lambda v: compare_lifts(exercises=v), "exercises", ["squat"], text="'squat'"),
    row(lambda v: compare_lifts(exercises=v), "exercises", Squat(), text="Squat("),
    row(lambda v: compare_lifts(exercises=v), "exercises", 3),
    row(lambda v: compare_lifts(n=v), "n", 0),
    row(lambda v: compare_lifts(g=v), "g", math.inf),
    row(
        lambda v: compare_lifts(v),
        "body",
        Body.from_height_mass(height_m=np.array([1.7, 1.8])),
        text="(2,)",
    ),
    row(lambda v: compare_lifts(v), "body", "me"),
]


# ----------------------------------------------------------------------- plotting ---------
PLOT_ROWS = [
    row(lambda v: plotting.plot_moment_curves(v), "datasets", None),
    row(lambda v: plotting.plot_moment_curves(v), "datasets", [], text="none"),
    row(lambda v: plotting.plot_moment_curves(v), "datasets", [1.0], text="float"),
    row(lambda v: plotting.plot_moment_curves(held(), joint=v), "joint", "elbow"),
    row(lambda v: plotting.plot_moment_curves(held(), x=v), "x", "time"),
    row(lambda v: plotting.plot_moment_curves(held(), ax=v), "ax", "left"),
    row(lambda v: plotting.plot_moment_curves(held(), labels=v), "labels", ["a", "b"], text="2"),
    row(lambda v: plotting.plot_moment_curves(held(), labels=v), "labels", "ab"),
    row(lambda v: plotting.plot_moment_curves(held(), mark_peak=v), "mark_peak", "yes"),
    row(
        lambda v: plotting.plot_moment_curves(v),
        "datasets",
        simulate(Squat(), Body.from_height_mass(height_m=np.array([1.7, 1.8])), n=5),
        text="population",
    ),
    row(lambda v: plotting.plot_dynamic_vs_static(v), "ds", held(), text="time"),
    row(lambda v: plotting.plot_dynamic_vs_static(lifted(), x=v), "x", "speed"),
    row(lambda v: plotting.plot_dynamic_vs_static(lifted(), joint=v), "joint", "wrist"),
    row(lambda v: plotting.plot_moment_arms(held(), forces=v), "forces", ["bench"], text="'bench'"),
    row(lambda v: plotting.plot_moment_arms(v), "ds", None),
    row(lambda v: plotting.plot_free_body(held(), v), "phase", 1.5),
    row(lambda v: plotting.plot_free_body(held(), v), "phase", "bottom"),
    row(lambda v: plotting.plot_free_body(held(), force_scale=v), "force_scale", -1.0),
    row(lambda v: plotting.plot_free_body(held(), force_scale=v), "force_scale", "big"),
    row(lambda v: plotting.plot_free_body(v), "ds", "squat"),
    row(lambda v: plotting.plot_free_body(lifted(), v), "ds", 0.5, text="`phase`"),
    row(lambda v: plotting.plot_free_body(v), "ds", [held(), held()], text="list"),
    row(lambda v: plotting.plot_stick_figure(held(), offset=v), "offset", math.nan),
    row(lambda v: plotting.plot_stick_figure(held(), v), "phase", -0.5),
    row(lambda v: plotting.plot_posture_strip(held(), phases=v), "phases", [], text="none"),
    row(lambda v: plotting.plot_posture_strip(held(), phases=v), "phases", [0.0, 2.0], text="2.0"),
    row(lambda v: plotting.plot_posture_strip(held(), phases=v), "phases", 0.5),
    row(lambda v: plotting.plot_posture_strip(held(), joint=v), "joint", "neck"),
    row(lambda v: plotting.animate_rep(held(), interval_ms=v), "interval_ms", 0),
    row(lambda v: plotting.animate_rep(held(), interval_ms=v), "interval_ms", "slow"),
    row(lambda v: plotting.animate_rep(held(), joint=v), "joint", "toe"),
    row(lambda v: plotting.animate_rep(v), "ds", lifted(), text="time"),
]

ROWS = EXERCISE_ROWS + BODY_ROWS + TABLE_ROWS + TEMPO_ROWS + SIMULATE_ROWS + SWEEP_ROWS
ROWS += RESULT_ROWS + PLOT_ROWS


def test_there_are_enough_rows():
    """The issue asks for at least 150 bad inputs across every public entry point."""
    assert len(ROWS) + len(CLI_ROWS) >= 150


@pytest.mark.parametrize(("call", "name", "value", "text"), ROWS)
def test_a_bad_argument_is_refused_by_name(call, name, value, text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", biomech.BiomechWarning)
        try:
            call(value)
        except (ValueError, TypeError) as error:
            message = str(error)
        else:
            pytest.fail(f"returned for `{name}` = {value!r}")
    assert f"`{name}" in message, message
    want = text if text is not None else shown(value)
    if want is not None:
        assert want in message, message
    assert any(word in message for word in ("must", "needs", "cannot", "expected")), message


# ------------------------------------------------------------------ the command line ------
CLI_ROWS = [
    (["compare", "--load-kg", "-10"], "--load-kg", "-10"),
    (["compare", "--load-kg", "heavy"], "--load-kg", "heavy"),
    (["compare", "--height-m", "180"], "--height-m", "1.8 m"),
    (["compare", "--mass-kg", "0"], "--mass-kg", "0.0"),
    (["compare", "--sex", "other"], "--sex", "other"),
    (["compare", "--table", "x"], "--table", "'x'"),
    (["compare", "--n", "1"], "--n", "1"),
    (["compare", "--out", "/nonexistent/dir/x.png"], "--out", "/nonexistent/dir/x.png"),
    (["fbd", "squat", "--phase", "2"], "--phase", "2.0"),
    (["fbd", "bench_press"], "exercise", "bench_press"),
    (["fbd", "hip_thrust", "--bench-reaction", "up"], "--bench-reaction", "up"),
    (["fbd", "deadlift", "--out", "/nonexistent/x.png"], "--out", "/nonexistent"),
    (["tempo", "squat", "--tempo", "2-0"], "--tempo", "2-0"),
    (["tempo", "squat", "--tempo", "fast"], "--tempo", "fast"),
    (["tempo", "squat", "--reps", "0"], "--reps", "0"),
    (["tempo", "squat", "--reps", "two"], "--reps", "two"),
    (["tempo", "squat", "--rate-hz", "0.1"], "--rate-hz", "0.1"),
    (["tempo", "squat", "--rate-hz", "-5"], "--rate-hz", "-5"),
    (["tempo", "deadlift", "--start", "middle"], "--start", "middle"),
    (["tempo", "squat", "--reps", "100000"], "--reps", "100000"),
    (["lift"], "COMMAND", "lift"),
]


@pytest.mark.parametrize(("argv", "name", "text"), CLI_ROWS, ids=lambda a: " ".join(a)[:40])
def test_the_command_line_refuses_a_bad_option_by_name(argv, name, text, capsys, tmp_path):
    argv = (
        [*argv, "--no-figure"] if argv[0] in ("compare", "tempo") and "--out" not in argv else argv
    )
    try:
        status = main(argv)
    except SystemExit as exit_:  # argparse's own errors
        status = exit_.code
    err = capsys.readouterr().err
    assert status == 2, err
    assert name in err, err
    assert text in err, err
    assert "Traceback" not in err
