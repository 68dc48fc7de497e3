"""Inverse dynamics on random bodies, set-ups and tempos (hypothesis).

For every generated set-up the body can perform, lifted to a random tempo: the net moment at
ankle, knee and hip recomputed by d'Alembert's principle from the loads below the joint and
from the loads above it (:mod:`tests._oracle`, which shares no code with the library) equals
the library's, and the inertial part of the moment scales as the inverse square of the tempo.
"""

import warnings

import numpy as np
from hypothesis import example, given, reject
from hypothesis import strategies as st

import biomech
from biomech import Body, Deadlift, HipThrust, Squat, Tempo

from .._oracle import dynamic_moment
from .test_equilibrium_properties import G, bodies, exercises

tempos = st.builds(
    Tempo,
    eccentric_s=st.floats(0.6, 4.0),
    bottom_pause_s=st.floats(0.0, 1.0),
    concentric_s=st.floats(0.5, 3.0),
    top_pause_s=st.floats(0.0, 1.0),
    start=st.sampled_from(["top", "bottom"]),
)


def lifted(exercise, body, tempo, rate_hz=25.0):
    """The lifted rep, or reject the example when the body cannot perform the set-up."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", biomech.BiomechWarning)
            return biomech.simulate(exercise, body, tempo=tempo, rate_hz=rate_hz)
    except ValueError:
        reject()


@given(exercise=exercises, body=bodies, tempo=tempos)
def test_both_sides_of_every_joint_agree_with_inertia(exercise, body, tempo):
    ds = lifted(exercise, body, tempo)
    scale = float(np.abs(ds["net_moment"]).max()) + 1e-300
    for joint in ("ankle", "knee", "hip"):
        ours = ds["net_moment"].sel(joint=joint).values
        for side in ("below", "above"):
            oracle = dynamic_moment(ds, joint, G, side)
            assert np.max(np.abs(oracle - ours)) <= 1e-9 * scale, (joint, side)


def on_tempo_examples(test):
    """Also run ``test`` on each lift with the default body, 2-0-1-0.5 s and ten times slower."""
    tempo = Tempo(eccentric_s=2.0, concentric_s=1.0, top_pause_s=0.5)
    for exercise in (
        Deadlift(),
        Squat(bar_position="low"),
        HipThrust(bench_reaction="normal", cop_fraction=0.3),
        HipThrust(),
    ):
        test = example(exercise=exercise, body=Body.default(), tempo=tempo, slower=10.0)(test)
    return test


@given(exercise=exercises, body=bodies, tempo=tempos, slower=st.floats(1.5, 10.0))
@on_tempo_examples
def test_inertial_moment_scales_as_inverse_square_of_tempo(exercise, body, tempo, slower):
    """The same postures lifted ``slower`` times slower: velocities fall as 1/k, accelerations
    and so the inertial part of every moment as 1/k^2 (sampling at rate/k keeps the phases),
    and the quasi-static part does not change."""
    fast = lifted(exercise, body, tempo)
    slow_tempo = Tempo(
        eccentric_s=tempo.eccentric_s * slower,
        bottom_pause_s=tempo.bottom_pause_s * slower,
        concentric_s=tempo.concentric_s * slower,
        top_pause_s=tempo.top_pause_s * slower,
        start=tempo.start,
    )
    slow = lifted(exercise, body, slow_tempo, rate_hz=25.0 / slower)
    if slow["time"].size != fast["time"].size:  # rounding of duration x rate; same samples only
        reject()
    a = fast["inertial_net_moment"].values
    b = slow["inertial_net_moment"].values
    # the phases of the two runs agree to rounding (1e-15), which the stencil's 1/h^2 weights
    # amplify to about 1e-9 of the accelerations: the floor of the comparison
    np.testing.assert_allclose(b * slower**2, a, rtol=1e-6, atol=1e-8 * np.abs(a).max())
    still = fast["quasi_static_net_moment"]
    np.testing.assert_allclose(
        slow["quasi_static_net_moment"], still, rtol=1e-12, atol=1e-12 * float(abs(still).max())
    )
