"""Figures draw what the dataset says (Agg backend; every test checks what was drawn)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest

import biomech
from biomech import Deadlift, HipThrust, Squat, plotting, simulate


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def lifts():
    return [simulate(e, n=41) for e in (HipThrust(), Squat(), Deadlift())]


def test_importing_biomech_does_not_import_pyplot():
    import subprocess
    import sys

    code = "import sys, biomech; print('matplotlib.pyplot' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "False"


def test_moment_curves_draw_one_labelled_line_per_lift(lifts):
    ax = plotting.plot_moment_curves(lifts)
    curves = [line for line in ax.lines if line.get_gid() == "curve"]
    assert len(curves) == 3
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "hip thrust, 100 kg",
        "back squat, 100 kg",
        "deadlift, 100 kg",
    ]
    assert ax.get_xlabel() == "hip flexion [deg]"
    assert "[N m]" in ax.get_ylabel()
    assert "extension +" in ax.get_ylabel()
    for line, ds in zip(curves, lifts, strict=True):
        np.testing.assert_allclose(line.get_ydata(), ds["net_moment"].sel(joint="hip"))
        np.testing.assert_allclose(line.get_xdata(), ds["joint_angle"].sel(joint="hip"))
    peaks = [line for line in ax.lines if line.get_gid() == "peak"]
    lockouts = [line for line in ax.lines if line.get_gid() == "lockout"]
    assert len(peaks) == len(lockouts) == 3
    for peak, ds in zip(peaks, lifts, strict=True):
        assert peak.get_ydata()[0] == pytest.approx(float(ds["net_moment"].sel(joint="hip").max()))
    assert ax.xaxis_inverted()  # bottom (large flexion) on the left, lockout on the right


def test_moment_curves_knee_against_phase_with_labels(lifts):
    ax = plotting.plot_moment_curves(
        {"a": lifts[1], "b": lifts[2]}, joint="knee", x="phase", mark_peak=False, mark_lockout=False
    )
    assert [line.get_gid() for line in ax.lines].count("curve") == 2
    assert ax.get_xlabel().startswith("phase")
    assert "knee" in ax.get_ylabel()
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a", "b"]


def test_moment_curves_reject_bad_input(lifts):
    with pytest.raises(ValueError, match="`joint` must be one of"):
        plotting.plot_moment_curves(lifts, joint="elbow")
    with pytest.raises(ValueError, match="`labels` must have one label per dataset"):
        plotting.plot_moment_curves(lifts, labels=["only one"])
    with pytest.raises(TypeError, match=r"results of biomech\.simulate"):
        plotting.plot_moment_curves([np.zeros(3)])


def test_moment_arm_panel(lifts):
    ax = plotting.plot_moment_arms(lifts[0])
    by_gid = {line.get_gid(): line for line in ax.lines}
    assert set(by_gid) == {"moment_arm:bar", "moment_arm:ground", "moment_arm:bench"}
    np.testing.assert_allclose(
        by_gid["moment_arm:bench"].get_ydata(), lifts[0]["hip_moment_arm"].sel(force="bench")
    )
    assert ax.get_ylabel() == "hip moment arm [m]"


@pytest.mark.parametrize("phase", [0.0, 0.5, 1.0])
@pytest.mark.parametrize("index", [0, 1, 2])
def test_free_body_arrows_and_dimension_lines_come_from_the_dataset(lifts, index, phase):
    ds = lifts[index]
    scale = 1e-4
    ax = plotting.plot_free_body(ds, phase, force_scale=scale)
    at = ds.sel(phase=phase)
    arrows = {p.get_gid(): p for p in ax.patches if str(p.get_gid()).startswith("force:")}
    assert set(arrows) == {f"force:{f}" for f in ds["force"].values}
    hip = at["position"].sel(point="hip").values
    for f in ds["force"].values:
        tail, head = (np.array(xy) for xy in arrows[f"force:{f}"]._posA_posB)
        np.testing.assert_allclose(tail, at["force_point"].sel(force=f), atol=1e-12)
        np.testing.assert_allclose(
            head - tail, scale * at["force_vector"].sel(force=f).values, atol=1e-12
        )
        (arm,) = [line for line in ax.lines if line.get_gid() == f"moment_arm:{f}"]
        x, y = arm.get_data()
        length = np.hypot(x[1] - x[0], y[1] - y[0])
        assert length == pytest.approx(float(at["hip_moment_arm"].sel(force=f)), abs=1e-9)
        np.testing.assert_allclose([x[0], y[0]], hip)
        # the dimension line is perpendicular to the force
        v = at["force_vector"].sel(force=f).values
        assert abs(np.dot([x[1] - x[0], y[1] - y[0]], v)) <= 1e-9 * np.hypot(*v)
    (com,) = [line for line in ax.lines if line.get_gid() == "com"]
    np.testing.assert_allclose(np.ravel(com.get_data()), at["body_com"].values)


def test_free_body_hip_thrust_draws_the_bench_and_plates(lifts):
    ax = plotting.plot_free_body(lifts[0], 0.0)
    gids = {p.get_gid() for p in ax.patches}
    assert {"bench", "bar", "plate"} <= gids
    assert "hip extension moment" in ax.get_title()
    assert ax.get_aspect() == 1.0


def test_free_body_rejects_bad_phase(lifts):
    with pytest.raises(ValueError, match=r"`phase` must be a phase of the rep in \[0, 1\]"):
        plotting.plot_free_body(lifts[0], 1.5)


def test_posture_strip_marks_each_phase(lifts):
    fig = plotting.plot_posture_strip(lifts[1], phases=(0.0, 0.5, 1.0))
    strip, curve = fig.axes
    assert len([line for line in strip.lines if line.get_gid() == "body"]) == 3 * 5
    markers = [line for line in curve.lines if line.get_gid() == "phase_marker"]
    assert len(markers) == 3
    expected = lifts[1]["net_moment"].sel(joint="hip").sel(phase=[0.0, 0.5, 1.0]).values
    np.testing.assert_allclose([m.get_ydata()[0] for m in markers], expected)


def test_animation_moves_the_marker_along_the_curve(tmp_path):
    ds = simulate(HipThrust(), n=6)
    anim = plotting.animate_rep(ds)
    html = anim.to_jshtml()
    assert html.count("<img") + html.count("data:image") >= 1
    out = tmp_path / "rep.gif"
    anim.save(out, writer="pillow")
    from PIL import Image

    with Image.open(out) as gif:
        assert gif.n_frames == 6


def test_population_must_be_selected_first():
    pop = biomech.Body.from_height_mass(height_m=np.array([1.7, 1.9]))
    ds = simulate(Squat(), pop, n=5)
    with pytest.raises(ValueError, match="select one body first"):
        plotting.plot_moment_curves(ds)


def test_stick_figure_draws_the_posture_at_the_phase(lifts):
    ds = lifts[2]
    ax = plotting.plot_stick_figure(ds, 0.0, offset=1.0)
    body = [line for line in ax.lines if line.get_gid() == "body"]
    assert len(body) == 5  # foot sole, foot, leg-and-trunk, arm, neck
    leg = body[2]  # ankle, knee, hip, shoulder
    expected = ds["position"].sel(phase=0.0, point=["ankle", "knee", "hip", "shoulder"])
    np.testing.assert_allclose(leg.get_xdata(), expected.sel(axis="x") + 1.0)
    np.testing.assert_allclose(leg.get_ydata(), expected.sel(axis="y"))


def test_free_body_legend_lists_every_force_with_its_magnitude(lifts):
    ax = plotting.plot_free_body(lifts[0], 1.0)
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    at = lifts[0].sel(phase=1.0)
    for f in ("bar", "ground", "bench"):
        v = at["force_vector"].sel(force=f).values
        assert f"{f}: {np.hypot(*v):.0f} N" in texts


def test_dynamic_vs_static_draws_both_curves_of_the_dataset():
    ds = simulate(Squat(), tempo="2-1-1-2", rate_hz=50, reps=2)
    ax = plotting.plot_dynamic_vs_static(ds, joint="knee")
    lines = {line.get_gid(): line for line in ax.lines}
    np.testing.assert_allclose(lines["dynamic"].get_ydata(), ds["net_moment"].sel(joint="knee"))
    np.testing.assert_allclose(
        lines["quasi_static"].get_ydata(), ds["quasi_static_net_moment"].sel(joint="knee")
    )
    np.testing.assert_allclose(lines["dynamic"].get_xdata(), ds["time"])
    knee = ds.sel(joint="knee")
    np.testing.assert_allclose(lines["peak:dynamic"].get_ydata(), knee["peak_moment"])
    np.testing.assert_allclose(lines["peak:dynamic"].get_xdata(), knee["time_at_peak_moment"])
    np.testing.assert_allclose(
        lines["peak:quasi_static"].get_ydata(), knee["quasi_static_peak_moment"]
    )
    spans = [p.get_gid() for p in ax.patches]
    assert spans == 2 * [
        "movement:eccentric",
        "movement:bottom_pause",
        "movement:concentric",
        "movement:top_pause",
    ]
    assert "extension +" in ax.get_ylabel()


def test_dynamic_vs_static_needs_a_lifted_rep():
    with pytest.raises(ValueError, match=r"must be a result of biomech\.simulate\(\.\.\., tempo"):
        plotting.plot_dynamic_vs_static(simulate(Squat(), n=11))
