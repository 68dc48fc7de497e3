"""The numbers the README shows are the numbers the library computes, and its code runs."""

import re
import warnings
from pathlib import Path

import pytest

import biomech

README = Path(__file__).resolve().parents[1] / "README.md"


def readme_rows():
    rows = {}
    for line in README.read_text().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[0] in {"hip_thrust", "squat", "deadlift"}:
            rows[cells[0]] = [float(c) for c in cells[1:]]
    return rows


def test_readme_table_matches_compare_lifts():
    rows = readme_rows()
    assert set(rows) == {"hip_thrust", "squat", "deadlift"}
    table = biomech.compare_lifts()
    for lift, (peak, flexion, lockout, ratio) in rows.items():
        got = table.loc[lift]
        assert peak == pytest.approx(got["peak_hip_moment"], abs=0.05)
        assert flexion == pytest.approx(got["hip_flexion_at_peak_hip"], abs=0.05)
        assert lockout == pytest.approx(got["lockout_hip_moment"], abs=0.05)
        assert ratio == pytest.approx(got["lockout_to_peak_hip"], abs=5e-4)


def readme_python_blocks():
    text = README.read_text()
    return re.findall(r"```python\n(.*?)```", text, re.S)


def test_readme_python_blocks_run():
    """Every Python block of the README runs, in order, in one namespace (a later block may use
    a name an earlier one defined), without a warning."""
    blocks = readme_python_blocks()
    assert len(blocks) >= 2
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, str(README), "exec"), namespace)
    assert "lifted" in namespace


def test_readme_lifted_claims():
    """'Lifted, not only held': with a one-second concentric (2-0-1-2) the squat's peak hip
    moment is about half again its held-still value, a fraction of a second after the bottom;
    the hip thrust's held-still peak is at the bottom and inertia adds to it there, with every
    contact force inside its friction cone (no warning, no refusal)."""
    squat = biomech.simulate(biomech.Squat(load_kg=100.0), tempo="2-0-1-2").sel(joint="hip", rep=1)
    ratio = float(squat["peak_moment"] / squat["quasi_static_peak_moment"])
    assert 1.4 < ratio < 1.6
    after_bottom = float(squat["time_at_peak_moment"]) - 2.0
    assert 0.0 < after_bottom < 0.5
    thrust = biomech.simulate(biomech.HipThrust(load_kg=100.0), tempo="2-0-1-2").sel(rep=1)
    still = biomech.summarize(biomech.simulate(biomech.HipThrust(load_kg=100.0), n=201))
    assert float(still.phase_at_peak_hip) == 0.0
    hip = thrust.sel(joint="hip")
    assert float(hip["peak_moment"]) > float(hip["quasi_static_peak_moment"])
    assert float(thrust["bench_friction_required"].max()) <= 0.5 + 1e-9


def test_readme_hip_thrust_assumptions():
    """'Where the hip thrust peaks depends on what the bench can push': the numbers the
    README quotes for the three assumptions about the bench (default body, 100 kg)."""
    runs = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", biomech.BiomechWarning)
        for rule in ("least_squeeze", "vertical", "normal"):
            ds = biomech.simulate(biomech.HipThrust(load_kg=100.0, bench_reaction=rule))
            runs[rule] = (ds, biomech.summarize(ds))
    ds, s = runs["least_squeeze"]
    assert float(s.phase_at_peak_hip) == 0.0
    assert round(float(s.peak_hip_moment)) == 318
    assert round(float(s.hip_flexion_at_peak_hip)) == 107
    assert round(100 * float(s.lockout_to_peak_hip)) == 76
    assert round(float(ds["net_moment"].sel(joint="knee", phase=0.0))) == 64
    ds, s = runs["vertical"]
    assert round(float(s.phase_at_peak_hip), 2) == 0.21
    assert round(100 * float(s.lockout_to_peak_hip)) == 96
    assert round(float(ds["bench_friction_required"].max()), 1) == 1.6
    ds, s = runs["normal"]
    assert round(float(s.peak_hip_moment)) == 382
    assert round(100 * float(s.lockout_to_peak_hip)) == 65
    assert round(float(ds["ground_friction_required"].max()), 2) == 0.97
