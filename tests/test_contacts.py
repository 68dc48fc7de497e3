"""Contact forces a real bench and floor can give (hip thrust).

Every reaction is recomputed here from the dataset's positions, masses and loads with plain
numpy (none of the library's statics): the bench pushes within its friction cone about the
back's normal, the floor within its cone about vertical, neither pulls; the friction each
contact needs, as reported, is tangential over normal force; and the default rule, the least
squeeze, is the horizontal bench push nearest zero among all those that keep both contacts in
their cones, found by scanning every push on a fine grid.
"""

import warnings

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import biomech
from biomech import Body, HipThrust, simulate

G = biomech.STANDARD_GRAVITY
#: Newtons: the scan's step, and the rounding allowed on a cone's edge.
STEP = 0.05
EDGE = 1e-9


def frames(ds):
    """The back's normal and tangent at the bench (from the trunk's angle), per phase."""
    theta = np.deg2rad(ds["segment_angle"].sel(segment="trunk").values)
    normal = np.stack([np.sin(theta), -np.cos(theta)], axis=-1)
    return normal, np.stack([-normal[:, 1], normal[:, 0]], axis=-1)


def cones(ds):
    """(bench normal push, bench tangential push, ground vertical, ground horizontal), N."""
    normal, tangent = frames(ds)
    bench = ds["force_vector"].sel(force="bench").values
    ground = ds["force_vector"].sel(force="ground").values
    return (
        np.sum(bench * normal, -1),
        np.sum(bench * tangent, -1),
        ground[:, 1],
        ground[:, 0],
    )


def applied(ds):
    """Sum of the applied forces (weights and the bar's) and their moment about the origin."""
    fx, fy, m0 = 0.0, 0.0, 0.0
    for seg in ds["segment"].values:
        x = ds["segment_com"].sel(segment=seg, axis="x").values
        w = -float(ds["segment_mass"].sel(segment=seg)) * G
        fy, m0 = fy + w, m0 + x * w
    bar = ds["force_vector"].sel(force="bar").values
    point = ds["force_point"].sel(force="bar").values
    fx, fy = fx + bar[:, 0], fy + bar[:, 1]
    m0 = m0 + point[:, 0] * bar[:, 1] - point[:, 1] * bar[:, 0]
    return fx, fy, m0


def admissible_pushes(ds, k, mu_bench, mu_floor):
    """Every horizontal bench push H on a grid (N) whose reactions at phase sample ``k`` lie in
    both cones: with the centre of pressure fixed, equilibrium leaves only H free."""
    fx, fy, m0 = (v[k] for v in applied(ds))
    cx, cy = ds["force_point"].sel(force="bench").values[k]
    cop = float(ds["center_of_pressure"].values[k])
    normal, tangent = (v[k] for v in frames(ds))
    h = np.arange(-4000.0, 4000.0, STEP)
    by = (cy * h - m0 + cop * fy) / (cx - cop)  # moments about the origin
    gx, gy = -fx - h, -fy - by
    n = h * normal[0] + by * normal[1]
    t = h * tangent[0] + by * tangent[1]
    ok = (n >= 0) & (np.abs(t) <= mu_bench * n) & (gy >= 0) & (np.abs(gx) <= mu_floor * gy)
    return h[ok]


SETUPS = st.fixed_dictionaries(
    {
        "load_kg": st.floats(0.0, 250.0),
        "bench_height_m": st.floats(0.32, 0.42),
        "bench_friction": st.floats(0.4, 0.9),
        "floor_friction": st.floats(0.5, 1.0),
        "cop_fraction": st.one_of(st.none(), st.floats(0.0, 0.35)),
    }
)


def feasible(setup, body=None, n=21):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", biomech.BiomechWarning)
            return simulate(HipThrust(**setup), body, n=n)
    except biomech.InfeasibleSetupError:
        return None


@settings(max_examples=40, deadline=None)
@given(setup=SETUPS, sex=st.sampled_from(["male", "female"]))
def test_every_reaction_is_inside_its_friction_cone(setup, sex):
    ds = feasible(setup, Body.from_height_mass(height_m=1.75, mass_kg=75.0, sex=sex))
    assume(ds is not None)
    n, t, gy, gx = cones(ds)
    assert np.all(n > 0)  # neither contact pulls
    assert np.all(gy > 0)
    assert np.all(np.abs(t) <= setup["bench_friction"] * n * (1 + EDGE) + EDGE)
    assert np.all(np.abs(gx) <= setup["floor_friction"] * gy * (1 + EDGE) + EDGE)
    # what the dataset reports is tangential over normal force at each contact
    np.testing.assert_allclose(ds["bench_friction_required"], np.abs(t) / n, rtol=1e-9)
    np.testing.assert_allclose(ds["ground_friction_required"], np.abs(gx) / gy, rtol=1e-9)


@pytest.mark.parametrize(
    "setup",
    [
        {},
        {"load_kg": 200.0, "bench_height_m": 0.36},
        {"bench_friction": 0.8, "floor_friction": 0.6, "bench_height_m": 0.42},
        {"cop_fraction": 0.3, "load_kg": 40.0},
    ],
    ids=["default", "heavy-low-bench", "grippy-pad", "cop-forward"],
)
def test_least_squeeze_is_the_admissible_push_nearest_zero(setup):
    ex = HipThrust(**setup)
    ds = simulate(ex, n=11)
    model = ds["force_vector"].sel(force="bench", axis="x").values
    for k in range(ds.sizes["phase"]):
        pushes = admissible_pushes(ds, k, ex.bench_friction, ex.floor_friction)
        assert pushes.size, f"no admissible push at phase {float(ds['phase'][k])}"
        nearest = pushes[np.argmin(np.abs(pushes))]
        assert abs(model[k] - nearest) <= STEP, (k, model[k], nearest)


def test_the_squeeze_is_used_only_where_the_back_is_upright():
    """Near lockout the back is nearly level: a vertical push is inside the bench's cone, so
    the least squeeze is none; at the bottom the back is steep and the bench must tilt its push
    toward the back's normal, the floor balancing it with friction under the feet."""
    ds = simulate(HipThrust(), n=11)
    push = ds["force_vector"].sel(force="bench", axis="x")
    assert float(push.sel(phase=1.0)) == 0.0
    assert float(push.sel(phase=0.0)) > 0.0
    np.testing.assert_allclose(
        ds["bench_friction_required"].sel(phase=0.0), HipThrust().bench_friction, rtol=1e-9
    )


def test_the_idealisations_are_what_they_say():
    """'vertical': no horizontal push at the bench; 'normal': the push along the back's
    normal (no friction at the back). Both need more friction than a contact gives near the
    bottom, and say so."""
    with pytest.warns(biomech.BiomechWarning, match="back would slip"):
        vertical = simulate(HipThrust(bench_reaction="vertical"), n=11)
    np.testing.assert_array_equal(vertical["force_vector"].sel(force="bench", axis="x"), 0.0)
    with pytest.warns(biomech.BiomechWarning, match="feet would slip"):
        normal = simulate(HipThrust(bench_reaction="normal"), n=11)
    n, t, _, _ = cones(normal)
    np.testing.assert_allclose(t, 0.0, atol=1e-9 * np.max(n))


def test_a_summary_sweep_reports_and_checks_the_friction_needed():
    """The summary's largest friction each contact needs equals the largest over the rep of a
    simulate; a sweep whose rep needs more than the contact gives is refused, on both
    engines."""
    s = biomech.sweep(HipThrust, load_kg=[0.0, 150.0], n=21, summary=True)
    for load in (0.0, 150.0):
        one = simulate(HipThrust(load_kg=load), n=21)
        for name in ("ground", "bench"):
            np.testing.assert_allclose(
                s[f"max_{name}_friction_required"].sel(load_kg=load),
                one[f"{name}_friction_required"].max(),
                rtol=1e-9,
            )
    engines = ["numpy"] + (["numba"] if _numba() else [])
    for engine in engines:
        with pytest.raises(biomech.InfeasibleSetupError, match="back would slip"):
            biomech.sweep(HipThrust, bench_height_m=[0.40, 0.46], n=21, summary=True,
                          engine=engine)  # fmt: skip


def _numba():
    try:
        import numba  # noqa: F401
    except ImportError:
        return False
    return True
