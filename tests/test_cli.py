"""The main job: `biomech compare` prints the table the dataset holds."""

import subprocess
import sys

import pytest

import biomech
from biomech.cli import main


def test_compare_prints_the_table_of_the_dataset(capsys):
    assert (
        main(
            [
                "compare",
                "--load-kg",
                "120",
                "--height-m",
                "1.7",
                "--mass-kg",
                "65",
                "--sex",
                "female",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    body = biomech.Body.from_height_mass(height_m=1.7, mass_kg=65.0, sex="female")
    for exercise in (
        biomech.HipThrust(load_kg=120.0),
        biomech.Squat(load_kg=120.0),
        biomech.Deadlift(load_kg=120.0),
    ):
        m = biomech.simulate(exercise, body, n=201)["net_moment"].sel(joint="hip")
        line = next(row for row in out.splitlines() if row.startswith(exercise.name))
        numbers = [float(x) for x in line.split()[1:]]
        peak, flexion, lockout, ratio = numbers
        assert peak == pytest.approx(float(m.max()), abs=0.05)
        assert lockout == pytest.approx(float(m.sel(phase=1.0)), abs=0.05 + 5e-3 * abs(lockout))
        assert ratio == pytest.approx(float(m.sel(phase=1.0) / m.max()), abs=5e-3)
        hip_flexion = biomech.simulate(exercise, body, n=201)["joint_angle"].sel(joint="hip")
        assert flexion == pytest.approx(float(hip_flexion[int(m.argmax("phase"))]), abs=0.05)


def test_bad_arguments_exit_with_a_message(capsys):
    assert main(["compare", "--mass-kg", "-80"]) == 2
    assert "`mass_kg` must be" in capsys.readouterr().err


def test_console_script_is_installed():
    """`biomech --help` explains itself (the entry point from pyproject works)."""
    result = subprocess.run(
        [sys.executable, "-m", "biomech.cli", "--help"], capture_output=True, text=True, check=True
    )
    assert "compare" in result.stdout
