"""The dataset names other tools rely on: dims, variables, units and long names."""

import numpy as np
import pytest

import biomech
from biomech import Deadlift, HipThrust, Squat, simulate

EXERCISES = [HipThrust(), Squat(), Deadlift()]
REQUIRED = {
    "joint_angle": (("phase", "joint"), "deg"),
    "net_moment": (("phase", "joint"), "N m"),
    "position": (("phase", "point", "axis"), "m"),
    "segment_mass": (("segment",), "kg"),
    "segment_com": (("phase", "segment", "axis"), "m"),
    "force_vector": (("phase", "force", "axis"), "N"),
    "force_point": (("phase", "force", "axis"), "m"),
    "hip_moment_arm": (("phase", "force"), "m"),
}
POINTS = {"heel", "toe", "ankle", "knee", "hip", "shoulder", "bar"}


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_required_names_dims_units(exercise):
    ds = simulate(exercise, n=7)
    for name, (dims, units) in REQUIRED.items():
        assert ds[name].dims == dims, name
        assert ds[name].attrs["units"] == units, name
    assert list(ds["joint"].values) == ["ankle", "knee", "hip"]
    assert list(ds["axis"].values) == ["x", "y"]
    assert set(ds["point"].values) >= POINTS
    assert {"bar", "ground"} <= set(ds["force"].values)
    np.testing.assert_array_equal(ds["phase"].values, np.linspace(0, 1, 7))


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_every_variable_has_units_and_long_name(exercise):
    ds = simulate(exercise, n=3)
    for name, var in ds.data_vars.items():
        assert "units" in var.attrs, name
        assert "long_name" in var.attrs, name


def test_hip_thrust_has_the_bench():
    ds = simulate(HipThrust(), n=3)
    assert "bench" in ds["force"].values
    assert "bench_contact" in ds["point"].values


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_attrs_carry_parameters_and_convention(exercise):
    ds = simulate(exercise, n=3)
    assert ds.attrs["exercise"] == exercise.name
    assert ds.attrs["load_kg"] == exercise.load_kg
    assert ds.attrs["body_height_m"] == 1.8
    assert "hip extension +" in ds.attrs["sign_convention"]


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.name)
def test_no_nan_anywhere(exercise):
    ds = simulate(exercise, n=51)
    for name, var in ds.data_vars.items():
        if var.dtype.kind == "f":
            assert np.isfinite(var.values).all(), name


def test_segments_cover_the_body():
    ds = simulate(Squat(), n=3)
    assert float(ds["segment_mass"].sum()) == pytest.approx(80.0, rel=1e-12)
    assert set(ds["segment"].values) == set(biomech.SEGMENTS)


def test_to_dataframe_works_for_tables():
    """Results flatten to pandas for spreadsheets (a contract of the labelled layer)."""
    df = simulate(Squat(), n=5)["net_moment"].to_dataframe()
    assert df.shape == (15, 1)


def test_jupyter_reprs_show_parameters_with_units():
    html = biomech.HipThrust(load_kg=80.0)._repr_html_()
    assert "<table>" in html
    assert "<td>80 kg</td>" in html
    assert "bench_reaction" in html
    assert "<td>default: the lifter&#x27;s standing knee height" in (
        biomech.HipThrust(bench_height_m=None)._repr_html_()
    )  # from the body
    assert "bench_friction" in html
    body_html = biomech.Body.default()._repr_html_()
    assert "<td>1.8 m</td>" in body_html
    assert "thigh: mass, length" in body_html
    assert "de Leva" in body_html
    assert repr(biomech.Squat()).startswith("Squat(load_kg=100.0")  # the text fallback
