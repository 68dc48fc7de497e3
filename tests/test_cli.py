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
    assert main(["compare", "--mass-kg", "-80", "--no-figure"]) == 2
    assert "`--mass-kg` must be" in capsys.readouterr().err


def test_console_script_is_installed():
    """`biomech --help` explains itself (the entry point from pyproject works)."""
    result = subprocess.run(
        [sys.executable, "-m", "biomech.cli", "--help"], capture_output=True, text=True, check=True
    )
    assert "compare" in result.stdout
    assert "fbd" in result.stdout


def test_compare_writes_a_png_with_three_curves(tmp_path, capsys):
    out = tmp_path / "fig.png"
    assert main(["compare", "--out", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    from PIL import Image

    with Image.open(out) as image:
        assert image.format == "PNG"
        assert image.size[0] > 800


def test_compare_figure_has_three_labelled_curves_with_units(monkeypatch, tmp_path):
    """What the CLI draws: three curves, units on both axes (captured before saving)."""
    import matplotlib.figure

    saved = []
    monkeypatch.setattr(
        matplotlib.figure.Figure, "savefig", lambda self, *a, **k: saved.append(self)
    )
    assert main(["compare", "--out", str(tmp_path / "x.png")]) == 0
    (ax,) = saved[0].axes
    assert [line.get_gid() for line in ax.lines].count("curve") == 3
    assert ax.get_xlabel() == "hip flexion [deg]"
    assert "[N m]" in ax.get_ylabel()


def test_fbd_command(tmp_path, capsys):
    out = tmp_path / "fbd.png"
    with pytest.warns(biomech.BiomechWarning, match="friction"):  # steep trunk at the bottom
        assert (
            main(
                [
                    "fbd",
                    "hip_thrust",
                    "--phase",
                    "1",
                    "--bench-reaction",
                    "normal",
                    "--out",
                    str(out),
                ]
            )
            == 0
        )
    assert out.stat().st_size > 10_000
    assert "hip_thrust at phase 1.00" in capsys.readouterr().out
    assert main(["fbd", "squat", "--phase", "1.5", "--out", str(out)]) == 2
    assert "`--phase` must be a phase of the rep" in capsys.readouterr().err


def test_tempo_prints_the_metrics_of_the_dataset(capsys, tmp_path):
    out_png = tmp_path / "tempo.png"
    argv = ["tempo", "squat", "--tempo", "3-1-1-1", "--reps", "2", "--out", str(out_png)]
    assert main(argv) == 0
    out = capsys.readouterr().out
    ds = biomech.simulate(biomech.Squat(), tempo="3-1-1-1", reps=2)
    hip = ds.sel(joint="hip")
    rows = [line.split() for line in out.splitlines() if line.split()[:1] in (["1"], ["2"])]
    assert len(rows) == 2
    for rep, row in zip((1, 2), rows, strict=True):
        peak, held, at, _, impulse, _ = (float(v) for v in row[1:])
        assert peak == pytest.approx(float(hip["peak_moment"].sel(rep=rep)), abs=0.05)
        assert held == pytest.approx(float(hip["quasi_static_peak_moment"].sel(rep=rep)), abs=0.05)
        assert at == pytest.approx(float(hip["time_at_peak_moment"].sel(rep=rep)), abs=0.005)
        assert impulse == pytest.approx(float(hip["moment_impulse"].sel(rep=rep)), abs=0.05)
    assert "time under tension 12 s" in out
    assert out_png.stat().st_size > 10_000


def test_tempo_rejects_a_bad_notation(capsys):
    assert main(["tempo", "squat", "--tempo", "2-0", "--no-figure"]) == 2
    assert "`--tempo` must have four parts" in capsys.readouterr().err
