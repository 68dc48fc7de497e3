"""Published values: the model against what the literature reports.

One test per row of ``literature.toml`` (next to this file). Each row is a published fact with
its citation and where it was read, how the model is set up to match the study, the comparison,
the tolerance and the reason for it; the test ids are the row ids. A row the model does not
reproduce carries ``xfail`` with the numbers and the reason, and runs as a strict xfail, so the
day the model changes and agrees the test fails and the row is looked at again.

The checks (``CHECKS``) read their parameters from the row:

- ``segment_mass_fraction``: a published segment table value against the table the model uses;
- ``within_factor``: a published magnitude against the model, set up like the study, within a
  factor (order of magnitude);
- ``compare``: the direction of an effect, the model with one set-up against another;
- ``monotonic``: the direction of an effect along a sequence of set-ups (depth, load);
- ``sign``: which way a joint moment acts during the lift;
- ``bounded``: a statistic of the curve (where the peak is, how the moment changes over the lift)
  within published bounds;
- ``posture_range``: a posture statistic (a joint or segment angle at a phase, the bar's travel)
  within the row's ``published_range``;
- ``magnitude_range``: a joint moment (N m, or N m/kg with a ``_per_kg`` statistic) within the
  row's ``published_range``.

A row with ``basis = "one leg"`` compares with a study that reports one leg's moment: the model
sums both legs, so its moments are halved for that row, in one place (``_leg_factor``).

A row whose bar is given as a fraction of a one-repetition maximum (``pct_1rm`` in ``params``,
with ``one_rm_bm``, the 1RM as a multiple of body mass, in each set-up) is evaluated at each of
those fractions; the 1RM assumption and its source are in the row.

A row whose ``params`` give a ``tempo`` is lifted to it (inverse dynamics, segment and bar
inertia included) instead of held still; its statistics are those of the first rep's lifting
phase, over phase.

Where a study does not report the bar in kilograms the statement is tested at every bar of a
wide range (``loads_kg``), so that it cannot pass at one convenient load only.

Run this module as a script (``python -m tests.reference.test_literature``) to print every row
with its published value and the model's numbers.
"""

from __future__ import annotations

import dataclasses
import math
import tomllib
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import xarray as xr

import biomech
from biomech import Body, Deadlift, HipThrust, Squat

TABLE_PATH = Path(__file__).with_name("literature.toml")
TABLE = tomllib.loads(TABLE_PATH.read_text(encoding="utf-8"))
FACTS: list[dict[str, Any]] = TABLE["fact"]

#: Phase samples per simulation: 201 puts a sample every 0.005 of the lift, fine enough for the
#: peaks and windows below (the documented numbers in docs/model.md use the same).
N_PHASE = 201

#: Windows for "early" and "late" in the lifting phase: the first and last fifth of the lift.
EARLY = slice(0.0, 0.2)
LATE = slice(0.8, 1.0)

EXERCISES: Mapping[str, type] = {"squat": Squat, "deadlift": Deadlift, "hip_thrust": HipThrust}

#: Keys of a row's ``params`` that describe the comparison, not the exercise.
COMPARISON_KEYS = frozenset(
    {
        "exercise",
        "load_kg",
        "load_bm",
        "loads_kg",
        "body",
        "joint",
        "statistic",
        "relation",
        "margin",
        "a",
        "b",
        "vary",
        "values",
        "direction",
        "expect",
        "lower",
        "upper",
        "tempo",
        "pct_1rm",
        "one_rm_bm",
        "phase",
        "segment",
        "aggregate",
    }
)

REQUIRED_KEYS = (
    "id",
    "citation",
    "source_url",
    "source_title",
    "measured",
    "quantity",
    "published",
    "model_setup",
    "check",
    "params",
    "comparison",
    "tolerance",
    "tolerance_reason",
)


@dataclass(frozen=True)
class Outcome:
    """What a check found: whether the row holds and the model's numbers, as text."""

    ok: bool
    model: str


# ------------------------------------------------------------------------------------------------
# Building the model like the study
# ------------------------------------------------------------------------------------------------


def _body(params: Mapping[str, Any]) -> Body:
    """The study's mean body if the row gives one, else the default (1.80 m, 80 kg, male)."""
    spec = params.get("body")
    if not spec:
        return Body.default()
    return Body.from_height_mass(
        height_m=spec["height_m"], mass_kg=spec["mass_kg"], sex=spec.get("sex", "male")
    )


def knees_over_toes_deg(body: Body) -> float:
    """Forward shank lean that puts the knee joint centre directly above the toes, deg.

    The toe tip is the foot length minus the heel-to-ankle distance in front of the ankle
    (docs/model.md 1.1), so the knee is above it when ``sin(lean) = toe / shank``.
    """
    toe = float(body.segment_length("foot")) - float(body.heel_to_ankle_m)
    return math.degrees(math.asin(toe / float(body.segment_length("shank"))))


def _exercise(spec: Mapping[str, Any], body: Body, load_kg: float):
    """The row's exercise: its set-up keys are the exercise's own fields (all others, such as
    ``joint`` or ``statistic``, describe the comparison)."""
    cls = EXERCISES[spec["exercise"]]
    names = {f.name for f in dataclasses.fields(cls)} - {"load_kg"}
    unknown = set(spec) - names - COMPARISON_KEYS
    if unknown:  # a misspelt set-up key must not be dropped silently
        msg = f"{sorted(unknown)} are neither {cls.__name__} parameters nor comparison keys"
        raise KeyError(msg)
    setup = {k: v for k, v in spec.items() if k in names}
    if setup.get("shank_angle_deg") == "knees_over_toes":
        setup["shank_angle_deg"] = knees_over_toes_deg(body)
    return cls(load_kg=float(load_kg), **setup)


class Pct1RM(float):
    """A bar given as a fraction of the set-up's one-repetition maximum (``params.pct_1rm``)."""


def _load_kg(spec: Mapping[str, Any], body: Body, default: float | None) -> float:
    """A bar in kg from ``load_kg``, ``load_bm`` (multiple of body mass), or a fraction of the
    set-up's 1RM (``one_rm_bm`` x body mass) when the row is evaluated at ``pct_1rm``."""
    if isinstance(default, Pct1RM):
        return float(default) * float(spec["one_rm_bm"]) * float(body.mass_kg)
    if "load_kg" in spec:
        return float(spec["load_kg"])
    if "load_bm" in spec:
        return float(spec["load_bm"]) * float(body.mass_kg)
    if default is None:
        msg = f"no bar given in {dict(spec)!r}"
        raise KeyError(msg)
    return float(default)


#: Samples per second of a row lifted to a tempo (``params.tempo``).
RATE_HZ = 200.0


def _simulate(exercise, body: Body, warns: str | None, tempo: str | None = None) -> xr.Dataset:
    """Run the model; ignore BiomechWarning only for rows that declare why it warns.

    A row with ``tempo`` is lifted to it (inverse dynamics), and its statistics are those of the
    lifting phase (the concentric) of the first rep, indexed by phase like a quasi-static run.
    """
    with warnings.catch_warnings():
        if warns is not None:
            warnings.simplefilter("ignore", biomech.BiomechWarning)
        if tempo is None:
            return biomech.simulate(exercise, body, n=N_PHASE)
        ds = biomech.simulate(exercise, body, tempo=tempo, rate_hz=RATE_HZ)
    lifting = (ds["movement"] == "concentric") & (ds["rep_index"] == 1)
    return ds.isel(time=lifting.values).swap_dims(time="phase")


# ------------------------------------------------------------------------------------------------
# Statistics of one simulated lift (net internal moments, N m, extension/plantarflexion +)
# ------------------------------------------------------------------------------------------------


def _moment(ds: xr.Dataset, joint: str) -> xr.DataArray:
    return ds["net_moment"].sel(joint=joint)


def _peak(ds: xr.Dataset, joint: str) -> float:
    return float(_moment(ds, joint).max())


STATISTICS: Mapping[str, Callable[[xr.Dataset, str], float]] = {
    "peak": _peak,
    "bottom": lambda ds, j: float(_moment(ds, j).sel(phase=0.0)),
    "min": lambda ds, j: float(_moment(ds, j).min()),
    "max": lambda ds, j: float(_moment(ds, j).max()),
    "early_mean": lambda ds, j: float(_moment(ds, j).sel(phase=EARLY).mean()),
    "late_mean": lambda ds, j: float(_moment(ds, j).sel(phase=LATE).mean()),
    "late_over_early": lambda ds, j: float(
        _moment(ds, j).sel(phase=LATE).mean() / _moment(ds, j).sel(phase=EARLY).mean()
    ),
    "phase_at_peak": lambda ds, j: float(_moment(ds, j).idxmax("phase")),
    "hip_flexion_at_peak": lambda ds, j: float(
        ds["joint_angle"].sel(joint="hip").isel(phase=int(_moment(ds, j).argmax("phase")))
    ),
    "hip_minus_knee_peak": lambda ds, _: _peak(ds, "hip") - _peak(ds, "knee"),
    "hip_to_knee_peak_ratio": lambda ds, _: _peak(ds, "hip") / _peak(ds, "knee"),
    "lumbar_to_hip_peak_ratio": lambda ds, _: float(ds["lumbar_moment"].max()) / _peak(ds, "hip"),
    "hip_minus_other_means": lambda ds, _: float(
        _moment(ds, "hip").mean() - max(_moment(ds, "knee").mean(), _moment(ds, "ankle").mean())
    ),
    "max_abs_over_hip_peak": lambda ds, j: float(abs(_moment(ds, j)).max()) / _peak(ds, "hip"),
    # the peak over body mass, N m/kg (divided by the body's mass in `_statistic`)
    "peak_per_kg": _peak,
}


def _bar_vertical_travel_cm(ds: xr.Dataset, _: Mapping[str, Any]) -> float:
    bar = ds["position"].sel(point="bar", axis="y")
    return 100.0 * float(bar.sel(phase=1.0) - bar.sel(phase=0.0))


#: Statistics of the posture (degrees or cm), not of the moments; they take the row's params
#: (``joint`` or ``segment``, and ``phase``: 0 bottom, 1 lockout).
POSTURE_STATISTICS: Mapping[str, Callable[[xr.Dataset, Mapping[str, Any]], float]] = {
    "joint_angle_at": lambda ds, p: float(
        ds["joint_angle"].sel(joint=p["joint"]).sel(phase=p["phase"], method="nearest")
    ),
    "segment_angle_at": lambda ds, p: float(
        ds["segment_angle"].sel(segment=p["segment"]).sel(phase=p["phase"], method="nearest")
    ),
    # forward lean of the shank from vertical at the bottom, deg (knee ahead of the ankle +)
    "shank_lean_at_bottom": lambda ds, _: (
        90.0 - float(ds["segment_angle"].sel(segment="shank", phase=0.0))
    ),
    "bar_vertical_travel_cm": _bar_vertical_travel_cm,
}

#: Statistics in N m, halved for a row whose study reports one leg (``basis = "one leg"``);
#: ratios, phases and angles are the same for one leg as for two.
MOMENT_STATISTICS = frozenset(
    {"peak", "bottom", "min", "max", "early_mean", "late_mean", "peak_per_kg"}
    | {"hip_minus_knee_peak", "hip_minus_other_means"}
)


def _leg_factor(row: Mapping[str, Any]) -> float:
    """0.5 for a study that reports one leg's moment (the model sums both legs), else 1."""
    basis = row.get("basis", "both legs")
    if basis not in ("one leg", "both legs"):
        msg = f"{row['id']}: basis must be 'one leg' or 'both legs', got {basis!r}"
        raise ValueError(msg)
    return 0.5 if basis == "one leg" else 1.0


def _statistic(row: Mapping[str, Any], spec: Mapping[str, Any], load: float | None) -> float:
    params = row["params"]
    body = _body(params)
    # a bar given once for the whole row applies to every set-up that does not give its own
    shared = {k: params[k] for k in ("load_kg", "load_bm", "one_rm_bm") if k in params}
    exercise = _exercise(spec, body, _load_kg({**shared, **spec}, body, load))
    ds = _simulate(exercise, body, row.get("warns"), params.get("tempo"))
    name = params["statistic"]
    if name in POSTURE_STATISTICS:
        return POSTURE_STATISTICS[name](ds, params)
    value = STATISTICS[name](ds, params.get("joint", "hip"))
    if name.endswith("_per_kg"):
        value /= float(body.mass_kg)
    if name in MOMENT_STATISTICS:
        value *= _leg_factor(row)
    return value


def _loads(params: Mapping[str, Any]) -> Sequence[float | None]:
    """The bars a statement is tested at (``None``: the set-up gives its own bar)."""
    if "loads_kg" in params:
        return [float(x) for x in params["loads_kg"]]
    if "pct_1rm" in params:
        return [Pct1RM(x) for x in params["pct_1rm"]]
    return [None]


def _fmt(x: float) -> str:
    return f"{x:.4g}"


def _at(load: float | None) -> str:
    if load is None:
        return ""
    if isinstance(load, Pct1RM):
        return f" @{100 * load:g}% 1RM"
    return f" @{load:g} kg"


# ------------------------------------------------------------------------------------------------
# The checks
# ------------------------------------------------------------------------------------------------


def check_segment_mass_fraction(row: Mapping[str, Any]) -> Outcome:
    """Published segment mass fraction against the table the model builds (``pelvis``: the
    lower part of its trunk, :func:`biomech.trunk_parts`)."""
    p = row["params"]
    table = (
        biomech.de_leva_1996(p["sex"]) if p["table"] == "de_leva_1996" else biomech.winter_2009()
    )
    if p["segment"] == "pelvis":  # not one of the model's segments: the trunk's lower part
        model = biomech.trunk_parts(table).pelvis_mass_fraction
    else:
        model = table.mass_fraction[p["segment"]]
    ok = abs(model - row["published_value"]) <= row["tolerance"]
    return Outcome(ok, f"{model:.6f}")


def check_within_factor(row: Mapping[str, Any]) -> Outcome:
    """Published magnitude and the model's agree within a factor (same sign)."""
    p = row["params"]
    model = _statistic(row, p, None)
    published = row["published_value"]
    factor = row["tolerance"]
    ratio = model / published
    ok = 1.0 / factor <= ratio <= factor
    return Outcome(ok, f"{_fmt(model)} (model/published = {ratio:.2f})")


_RELATIONS: Mapping[str, Callable[[float, float, Mapping[str, Any]], bool]] = {
    "b_greater": lambda a, b, _: b > a,
    "b_less": lambda a, b, _: b < a,
    "b_not_greater": lambda a, b, p: b <= a * (1.0 + p["margin"]),
}


def check_compare(row: Mapping[str, Any]) -> Outcome:
    """Set-up ``b`` against set-up ``a`` (or each of a list of them), at every bar."""
    p = row["params"]
    others = p["a"] if isinstance(p["a"], list) else [p["a"]]
    relation = _RELATIONS[p["relation"]]
    ok, parts = True, []
    for load in _loads(p):
        b = _statistic(row, p["b"], load)
        for spec in others:
            a = _statistic(row, spec, load)
            ok &= relation(a, b, p)
            parts.append(
                f"{spec['exercise']} {_fmt(a)} vs {p['b']['exercise']} {_fmt(b)}{_at(load)}"
            )
    return Outcome(ok, "; ".join(parts))


def check_monotonic(row: Mapping[str, Any]) -> Outcome:
    """The statistic moves one way along a sequence of set-ups (depth, bar)."""
    p = row["params"]
    values = [_statistic(row, {**p, p["vary"]: v}, None) for v in p["values"]]
    steps = np.diff(values)
    ok = bool(np.all(steps > 0) if p["direction"] == "increasing" else np.all(steps < 0))
    pairs = ", ".join(
        f"{p['vary']}={v:g}: {_fmt(m)}" for v, m in zip(p["values"], values, strict=True)
    )
    return Outcome(ok, pairs)


def check_sign(row: Mapping[str, Any]) -> Outcome:
    """Which way the joint moment acts over the lift, at every bar."""
    p = row["params"]
    ok, parts = True, []
    for load in _loads(p):
        body = _body(p)
        ds = _simulate(_exercise(p, body, _load_kg(p, body, load)), body, row.get("warns"))
        m = _moment(ds, p["joint"])
        lo, hi = float(m.min()), float(m.max())
        ok &= {
            "both_signs": lo < 0.0 < hi,
            "positive_throughout": lo > 0.0,
            "positive_somewhere": hi > 0.0,
        }[p["expect"]]
        parts.append(f"[{_fmt(lo)}, {_fmt(hi)}]{_at(load)}")
    return Outcome(ok, "min/max " + "; ".join(parts))


def check_bounded(row: Mapping[str, Any]) -> Outcome:
    """A statistic of the curve lies within published bounds, at every bar."""
    p = row["params"]
    lower, upper = p.get("lower", -math.inf), p.get("upper", math.inf)
    ok, parts = True, []
    for load in _loads(p):
        value = _statistic(row, p, load)
        ok &= lower <= value <= upper
        parts.append(f"{_fmt(value)}{_at(load)}")
    return Outcome(ok, f"{p['statistic']}: " + "; ".join(parts))


def check_range(row: Mapping[str, Any]) -> Outcome:
    """A model value within the row's ``published_range`` [low, high].

    With ``aggregate = "mean"`` in ``params`` the mean over the row's bars is compared (for a
    study that reports one value for several loads); otherwise every bar must agree.
    """
    p = row["params"]
    lower, upper = row["published_range"]
    values = [(_statistic(row, p, load), load) for load in _loads(p)]
    parts = [f"{_fmt(v)}{_at(load)}" for v, load in values]
    if p.get("aggregate") == "mean":
        mean = float(np.mean([v for v, _ in values]))
        ok = lower <= mean <= upper
        parts.append(f"mean {_fmt(mean)}")
    else:
        ok = all(lower <= v <= upper for v, _ in values)
    return Outcome(
        ok, f"{p['statistic']}: " + "; ".join(parts) + f" (range [{lower:g}, {upper:g}])"
    )


CHECKS: Mapping[str, Callable[[Mapping[str, Any]], Outcome]] = {
    "segment_mass_fraction": check_segment_mass_fraction,
    "within_factor": check_within_factor,
    "compare": check_compare,
    "monotonic": check_monotonic,
    "sign": check_sign,
    "bounded": check_bounded,
    "posture_range": check_range,
    "magnitude_range": check_range,
}


# ------------------------------------------------------------------------------------------------
# Tests
# ------------------------------------------------------------------------------------------------


def _param(row: Mapping[str, Any]):
    # raises=AssertionError: a row expected to disagree must fail on its comparison, not on
    # an error in setting the model up.
    xfail = pytest.mark.xfail(strict=True, raises=AssertionError, reason=row.get("xfail"))
    marks = [xfail] if "xfail" in row else []
    return pytest.param(row, id=row["id"], marks=marks)


def test_table_rows_are_complete():
    """Every row cites its source, says what was measured and why its tolerance is what it is."""
    assert TABLE["schema_version"] == 1
    ids = [row["id"] for row in FACTS]
    assert len(ids) == len(set(ids)), "row ids must be unique"
    for row in FACTS:
        missing = [k for k in REQUIRED_KEYS if not row.get(k) and row.get(k) != 0]
        assert not missing, f"{row.get('id')}: missing {missing}"
        assert row["check"] in CHECKS, f"{row['id']}: unknown check {row['check']!r}"
        if row["check"] in ("segment_mass_fraction", "within_factor"):
            assert isinstance(row["published_value"], float), row["id"]
        if row["check"] in ("posture_range", "magnitude_range"):
            lower, upper = row["published_range"]
            assert lower < upper, row["id"]
            assert row["params"]["statistic"] in (
                POSTURE_STATISTICS if row["check"] == "posture_range" else STATISTICS
            ), row["id"]
        if "basis" in row:
            _leg_factor(row)
        if "xfail" in row:
            assert row["xfail"].startswith("Model "), f"{row['id']}: xfail text states the model"


@pytest.mark.parametrize("row", [_param(row) for row in FACTS])
def test_published_fact(row):
    """The model agrees with the row's published fact, within the row's tolerance.

    The citation, the set-up, the comparison and the reason for the tolerance are in the row
    (``literature.toml``); the assertion message repeats the published and model numbers.
    """
    outcome = CHECKS[row["check"]](row)
    assert outcome.ok, (
        f"{row['id']}: published {row['published']}; model {outcome.model}; "
        f"expected {row['comparison']} (tolerance {row['tolerance']}: {row['tolerance_reason']})"
    )


def lifts(row: Mapping[str, Any]) -> tuple[str, ...]:
    """The exercises a row evaluates (empty for the segment tables), in a fixed order."""
    p = row["params"]
    specs = [p, *(p["a"] if isinstance(p.get("a"), list) else [p.get("a")]), p.get("b")]
    found = {spec["exercise"] for spec in specs if isinstance(spec, Mapping) and "exercise" in spec}
    return tuple(name for name in EXERCISES if name in found)


def evaluate(row: Mapping[str, Any]) -> Outcome:
    """The row's check, run on the model as it is now (nothing is cached)."""
    return CHECKS[row["check"]](row)


def _report(argv: Sequence[str]) -> int:
    """Print every row (or the rows of the lifts named in ``argv``): published, model, verdict.

    A row whose verdict differs from its ``xfail`` mark (an expected failure that now agrees,
    or a row without ``xfail`` that disagrees) is flagged ``CHANGED``: that row's ``xfail``
    must be re-examined. Returns the number of such rows (the exit status).
    """
    wanted = set(argv)
    changed = 0
    counts = {"agrees": 0, "disagrees (xfail)": 0}
    for row in FACTS:
        if wanted and not wanted & set(lifts(row)):
            continue
        outcome = evaluate(row)
        expected_to_fail = "xfail" in row
        flag = ""
        if outcome.ok == expected_to_fail:
            changed += 1
            flag = "  <-- CHANGED: re-examine the row's xfail"
        status = "agrees" if outcome.ok else "DISAGREES"
        counts["agrees" if outcome.ok else "disagrees (xfail)"] += 1
        mark = " (xfail)" if expected_to_fail else ""
        basis = f" [{row['basis']}]" if "basis" in row else ""
        print(f"{row['id']}: {status}{mark}{basis}{flag}")
        print(f"    published: {row['published']}")
        print(f"    model:     {outcome.model}")
        print(f"    expected:  {row['comparison']} (tolerance {row['tolerance']})")
    print(
        f"{sum(counts.values())} rows: {counts['agrees']} agree, "
        f"{counts['disagrees (xfail)']} disagree; {changed} changed against their xfail mark"
    )
    return changed


if __name__ == "__main__":
    import sys

    sys.exit(min(_report(sys.argv[1:]), 1))
