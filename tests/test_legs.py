"""Both legs or one: every load states its basis, and per_leg gives one leg's values.

The model's chain is both legs together; in a symmetric lift each leg carries half of every
bilateral load (joint moments and forces, the ground reaction, contributions to the hip
moment), while the bar and the bench act on the whole body.
"""

import numpy as np
import pandas as pd
import pytest
import xarray as xr

import biomech
from biomech import Deadlift, HipThrust, Squat, per_leg, simulate
from biomech.cli import main
from biomech.schema import BOTH_LEGS, BY_FORCE, FORCE_BASIS, VARIABLES, WHOLE_BODY, basis_text

EXERCISES = [HipThrust(), Squat(), Deadlift()]
#: The units of a load: a force, a moment, a moment's impulse.
LOAD_UNITS = {"N", "N m", "N m s"}
TEMPO = {"tempo": "2-0-1-2", "reps": 2, "rate_hz": 50}


def results(legs="both"):
    """One result of every kind, by name (all from public entry points)."""
    held = simulate(HipThrust(), n=21, legs=legs)
    lifted = simulate(Squat(), legs=legs, **TEMPO)
    out = {
        "simulate": held,
        "tempo": lifted,
        "rep_metrics": biomech.rep_metrics(lifted),
        "summarize": biomech.summarize(held),
        "summarize_knee": biomech.summarize(held, joint="knee"),
        "summarize_ankle": biomech.summarize(held, joint="ankle"),
        "sweep_summary": biomech.sweep(
            HipThrust, load_kg=[60.0, 120.0], n=21, summary=True, legs=legs
        ),
        "sweep_full": biomech.sweep(Squat, load_kg=[60.0, 120.0], n=11, legs=legs),
    }
    return out


@pytest.fixture(scope="module")
def both():
    return results()


@pytest.fixture(scope="module")
def one():
    return results("one")


@pytest.mark.parametrize("name", sorted(VARIABLES))
def test_every_load_of_the_registry_states_its_basis(name):
    """A new moment, force or moment contribution without a basis fails here."""
    spec = VARIABLES[name]
    if spec.units in LOAD_UNITS:
        assert spec.basis in (BOTH_LEGS, WHOLE_BODY, BY_FORCE), name
    else:
        assert spec.basis is None, name  # positions, angles, ratios, masses: not halved


def test_every_load_of_the_registry_is_in_some_result(both):
    """The results below cover every load of the registry, so the next test sees them all."""
    loads = {n for n, v in VARIABLES.items() if v.basis is not None}
    seen = {str(n) for ds in both.values() for n in ds.data_vars}
    assert loads <= seen, sorted(loads - seen)


@pytest.mark.parametrize("legs", ["both", "one"])
def test_attrs_on_every_load_of_every_result(legs, both, one):
    for kind, ds in (both if legs == "both" else one).items():
        assert ds.attrs["legs"] == legs, kind
        for name, var in ds.data_vars.items():
            spec = VARIABLES[str(name)]
            if spec.basis is None:
                assert "basis" not in var.attrs, (kind, name)
            else:
                assert var.attrs["basis"] == basis_text(spec.basis, legs), (kind, name)
    if legs == "both":
        assert both["simulate"]["net_moment"].attrs["basis"] == "both legs"
        assert both["simulate"]["force_vector"].attrs["basis"] == (
            "by force: bar whole body, ground both legs, bench whole body"
        )
    else:
        assert one["summarize"]["peak_hip_moment"].attrs["basis"] == "one leg"


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_per_leg_hip_moment_is_exactly_half(exercise):
    ds = simulate(exercise, n=51)
    one = per_leg(ds)
    hip, hip_one = (d["net_moment"].sel(joint="hip") for d in (ds, one))
    np.testing.assert_array_equal(2.0 * hip_one.values, hip.values)
    assert float(np.abs(hip).max()) > 50.0  # not a trivial zero
    s, s_one = biomech.summarize(ds), biomech.summarize(one)
    assert float(s_one["peak_hip_moment"]) == 0.5 * float(s["peak_hip_moment"])
    assert float(s_one["mean_hip_moment"]) == 0.5 * float(s["mean_hip_moment"])


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_ratios_phases_angles_and_geometry_unchanged(exercise):
    ds = simulate(exercise, n=51)
    one = per_leg(ds)
    for name in (
        "joint_angle",
        "position",
        "segment_mass",
        "force_point",
        "hip_moment_arm",
        "center_of_pressure",
        "ground_friction_required",
    ):
        xr.testing.assert_identical(one[name], ds[name])
    s, s_one = biomech.summarize(ds), biomech.summarize(one)
    for name in ("lockout_to_peak_hip", "phase_at_peak_hip", "hip_flexion_at_peak_hip"):
        assert float(s_one[name]) == float(s[name]), name


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_ground_reaction_per_leg_sums_to_the_weight(exercise):
    """Held still, two legs' ground reactions and the bench carry body and bar."""
    body = biomech.Body.default()
    ds = simulate(exercise, body, n=21, legs="one")
    g = ds.attrs["g_m_per_s2"]
    weight = (body.mass_kg + exercise.load_kg) * g
    up = ds["force_vector"].sel(axis="y")
    bench = up.sel(force="bench") if "bench" in ds["force"] else 0.0
    np.testing.assert_allclose(2.0 * up.sel(force="ground") + bench, weight, rtol=1e-12)
    np.testing.assert_array_equal(up.sel(force="bar"), -exercise.load_kg * g)  # whole bar


def test_one_legs_hip_decomposition_sums_to_its_hip_moment():
    one = simulate(HipThrust(), n=21, legs="one")
    below = one["hip_moment_contribution"].where(one["side_of_hip"] == "below").sum("force")
    below = below + one["segment_hip_moment_contribution"].where(
        one["segment_side_of_hip"] == "below"
    ).sum("segment")
    np.testing.assert_allclose(below, one["net_moment"].sel(joint="hip"), rtol=1e-10, atol=1e-9)


def test_the_keyword_equals_the_function(both, one):
    for kind in ("simulate", "tempo", "rep_metrics", "sweep_summary", "sweep_full"):
        xr.testing.assert_identical(one[kind], per_leg(both[kind]))


def test_reducing_per_leg_equals_per_leg_of_the_reduction(both):
    held, lifted = both["simulate"], both["tempo"]
    xr.testing.assert_identical(biomech.summarize(per_leg(held)), per_leg(biomech.summarize(held)))
    xr.testing.assert_identical(
        biomech.rep_metrics(per_leg(lifted)), per_leg(biomech.rep_metrics(lifted))
    )


def test_tempo_metrics_halve_and_times_do_not(both, one):
    a, b = both["tempo"], one["tempo"]
    for name in ("peak_moment", "moment_impulse", "quasi_static_net_moment", "joint_force"):
        np.testing.assert_array_equal(2.0 * b[name].values, a[name].values)
    for name in ("time_above_half_peak", "time_at_peak_moment", "bar_acceleration"):
        xr.testing.assert_identical(b[name], a[name])


def test_compare_lifts_per_leg():
    table = biomech.compare_lifts(n=51)
    one = biomech.compare_lifts(n=51, legs="one")
    pd.testing.assert_frame_equal(one, per_leg(table))
    assert one.attrs == per_leg(table).attrs
    np.testing.assert_array_equal(2.0 * one["peak_hip_moment"], table["peak_hip_moment"])
    np.testing.assert_array_equal(2.0 * one["lockout_hip_moment"], table["lockout_hip_moment"])
    for name in ("lockout_to_peak_hip", "hip_flexion_at_peak_hip"):
        pd.testing.assert_series_equal(one[name], table[name])
    assert table.attrs["legs"] == "both"
    assert one.attrs["legs"] == "one"
    assert table.attrs["basis"] == {
        "peak_hip_moment": "both legs",
        "lockout_hip_moment": "both legs",
    }
    assert one.attrs["basis"]["peak_hip_moment"] == "one leg"
    assert table.attrs["basis"]["peak_hip_moment"] == "both legs"  # the input is untouched


def test_per_leg_of_one_variable():
    ds = simulate(Squat(), n=11)
    one = per_leg(ds["force_vector"])
    np.testing.assert_array_equal(
        2.0 * one.sel(force="ground").values, ds["force_vector"].sel(force="ground").values
    )
    xr.testing.assert_equal(one.sel(force="bar"), ds["force_vector"].sel(force="bar"))
    assert one.attrs["basis"] == "by force: bar whole body, ground one leg, bench whole body"
    assert FORCE_BASIS["ground"] == BOTH_LEGS
    with pytest.raises(ValueError, match="per leg already"):
        per_leg(one)


def test_lazy_sweep_stays_lazy():
    pytest.importorskip("dask")
    kw = {"load_kg": np.linspace(0, 200, 6), "n": 21, "summary": True}
    lazy = biomech.sweep(HipThrust, chunks=2, legs="one", **kw)
    assert lazy["peak_hip_moment"].chunks is not None
    eager = biomech.sweep(HipThrust, **kw)
    computed = lazy.compute(scheduler="synchronous")
    np.testing.assert_array_equal(2.0 * computed["peak_hip_moment"], eager["peak_hip_moment"])
    np.testing.assert_array_equal(computed["lockout_to_peak_hip"], eager["lockout_to_peak_hip"])


def test_per_leg_refuses_a_result_already_per_leg(one):
    for ds in one.values():
        with pytest.raises(ValueError, match="`result` is per leg already"):
            per_leg(ds)
    with pytest.raises(ValueError, match="`result` is per leg already"):
        per_leg(biomech.compare_lifts(n=11, legs="one"))


def test_per_leg_refuses_what_is_not_a_biomech_result():
    for bad in (42, "ds", np.ones(3), [1.0, 2.0]):
        with pytest.raises(TypeError, match="`result` must be a result of biomech"):
            per_leg(bad)
    with pytest.raises(TypeError, match="`result` must be a result of biomech"):
        per_leg(xr.Dataset({"a": ("x", [1.0])}))
    with pytest.raises(TypeError, match="`result` must be a result of biomech"):
        per_leg(pd.DataFrame({"a": [1.0]}))
    with pytest.raises(TypeError, match="not a variable of biomech's results"):
        per_leg(xr.DataArray([1.0], dims="x", name="a"))


def test_per_leg_refuses_a_result_that_lost_its_basis():
    ds = simulate(Squat(), n=11)
    bare = ds.drop_attrs() if hasattr(ds, "drop_attrs") else ds.copy()
    for var in bare.variables.values():
        var.attrs = {}
    bare.attrs = {}
    with pytest.raises(ValueError, match="does not state its basis"):
        per_leg(bare)
    odd = ds.copy()
    odd.attrs["legs"] = "three"
    with pytest.raises(ValueError, match="legs = 'three'"):
        per_leg(odd)


@pytest.mark.parametrize(
    "call",
    [
        lambda legs: simulate(Squat(), n=5, legs=legs),
        lambda legs: simulate(Squat(), legs=legs, **TEMPO),
        lambda legs: biomech.sweep(Squat, n=5, summary=True, legs=legs),
        lambda legs: biomech.compare_lifts(n=5, legs=legs),
    ],
    ids=["simulate", "tempo", "sweep", "compare_lifts"],
)
def test_the_legs_keyword_is_validated(call):
    with pytest.raises(ValueError, match="`legs` must be one of 'both', 'one'; got 'left'"):
        call("left")
    with pytest.raises(TypeError, match="`legs` must be one of 'both', 'one'; got 1"):
        call(1)


def test_cli_legs(capsys, tmp_path):
    assert main(["compare", "--no-figure", "--n", "51"]) == 0
    both_out = capsys.readouterr().out
    assert main(["compare", "--no-figure", "--n", "51", "--legs", "one"]) == 0
    one_out = capsys.readouterr().out
    assert "both legs together" in both_out
    assert "one leg: half of both" in one_out
    peak = biomech.compare_lifts(n=51, legs="one").loc["squat", "peak_hip_moment"]
    assert f"{peak:.1f}" in one_out
    assert main(["fbd", "squat", "--legs", "one", "--out", str(tmp_path / "f.png")]) == 0
    assert "N m (one leg" in capsys.readouterr().out
    assert main(["tempo", "squat", "--legs", "one", "--no-figure", "--rate-hz", "50"]) == 0
    assert "one leg" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["compare", "--legs", "left"])
    assert "invalid choice: 'left'" in capsys.readouterr().err
