"""The numbers the README shows are the numbers the library computes."""

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
        assert peak == pytest.approx(got["peak_hip_moment_Nm"], abs=0.05)
        assert flexion == pytest.approx(got["hip_flexion_at_peak_deg"], abs=0.05)
        assert lockout == pytest.approx(got["lockout_hip_moment_Nm"], abs=0.05)
        assert ratio == pytest.approx(got["lockout_to_peak"], abs=5e-4)
