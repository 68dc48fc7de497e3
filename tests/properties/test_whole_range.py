"""Over the whole documented range of every parameter, a call either raises a named
infeasibility error or returns numbers that are all finite (issue 12).

The strategies draw each parameter over the full range its docstring gives, ends included
(the exercises' fields, statures 0.5-3 m, masses 10-700 kg, both sexes and tables, g
0.1-100 m/s^2, tempo durations 0.1-60 s for moves and 0-60 s for pauses), not only the
realistic middle that the other property tests use. No variable of any result is a NaN or an
infinity: none is a deliberate sentinel (``ground_friction_required`` was NaN where the floor
would have to pull; that set-up now raises :class:`biomech.InfeasibleSetupError`).

The ci profile runs 20 times the profile's examples (3000; 1500 lifted to a tempo), the dev
profile 100 (50).
"""

import os
import re
import warnings

import numpy as np
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

import biomech
from biomech import Body, Deadlift, HipThrust, Squat, Tempo
from biomech.anthropometry import HEIGHT_RANGE_M, MASS_RANGE_KG
from biomech.exercises._base import MAX_LOAD_KG
from biomech.simulate import G_RANGE
from biomech.tempo import MIN_MOVE_S, MIN_SAMPLES_PER_MOVE

#: Thousands of examples on the ci profile (150 -> 3000), a few hundred on the dev one.
CI = os.environ.get("BIOMECH_HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev") == "ci"
EXAMPLES = 20 * settings.default.max_examples if CI else 100

# bodies outside the tables' adult range warn as they are drawn; the warnings are not the test
pytestmark = pytest.mark.filterwarnings("ignore::biomech.BiomechWarning")


def between(low, high, *, open_low=False):
    return st.floats(low, high, exclude_min=open_low, allow_nan=False)


def optional(strategy):
    return st.none() | strategy


bodies = st.builds(
    Body,
    height_m=between(*HEIGHT_RANGE_M),
    mass_kg=between(*MASS_RANGE_KG),
    sex=st.sampled_from(["male", "female"]),
    table=st.sampled_from(["de_leva_1996", "winter_2009"]),
)
loads = between(0.0, MAX_LOAD_KG)
hip_thrusts = st.builds(
    HipThrust,
    load_kg=loads,
    bench_height_m=optional(between(0.05, 1.5)),
    feet_distance_m=optional(between(0.0, 2.0, open_low=True)),
    bench_reaction=st.sampled_from(["least_squeeze", "vertical", "normal"]),
    cop_fraction=optional(between(0.0, 1.0)),
    plate_diameter_m=between(0.0, 1.0, open_low=True),
    hyperextension_deg=between(0.0, 30.0),
    bench_contact_fraction=between(0.25, 1.0),
    back_offset_m=optional(between(0.0, 0.4)),
    bar_offset_m=optional(between(0.0, 0.4)),
    bench_edge_radius_m=between(0.0, 0.2),
    bench_friction=between(0.0, 2.0),
    floor_friction=between(0.0, 2.0),
)
squats = st.builds(
    Squat,
    load_kg=loads,
    bar_position=st.sampled_from(["high", "low"]),
    depth_deg=between(-45.0, 45.0),
    shank_angle_deg=between(0.0, 50.0),
    bar_above_shoulder_m=optional(between(-0.3, 0.3)),
    bar_behind_shoulder_m=optional(between(-0.3, 0.3)),
)
deadlifts = st.builds(
    Deadlift,
    load_kg=loads,
    shank_angle_deg=between(0.0, 40.0),
    plate_diameter_m=between(0.0, 1.0, open_low=True),
)
exercises = hip_thrusts | squats | deadlifts
gravity = between(*G_RANGE)
tempos = st.builds(
    Tempo,
    eccentric_s=between(MIN_MOVE_S, 60.0),
    bottom_pause_s=between(0.0, 60.0),
    concentric_s=between(MIN_MOVE_S, 60.0),
    top_pause_s=between(0.0, 60.0),
    start=st.sampled_from(["top", "bottom"]),
)

#: An infeasibility error names what to change, in backticks.
NAMED = re.compile(r"`[a-z_]+`")


def outcome(call, *args, **kwargs):
    """The result, or None when the call raised a named infeasibility error."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", biomech.BiomechWarning)
        try:
            result = call(*args, **kwargs)
        except biomech.InfeasibleSetupError as error:
            message = str(error)
        else:
            event("computed")
            return result
    assert NAMED.search(message), message
    event("infeasible (named)")
    return None


def assert_finite(ds):
    for name, v in ds.variables.items():
        if v.dtype.kind in "fc":
            values = np.asarray(v.values)
            assert np.all(np.isfinite(values)), (name, values[~np.isfinite(values)][:5])


@settings(max_examples=EXAMPLES)
@given(exercise=exercises, body=bodies, g=gravity)
def test_held_still_every_set_up_is_finite_or_named(exercise, body, g):
    ds = outcome(biomech.simulate, exercise, body, n=17, g=g)
    if ds is not None:
        assert_finite(ds)


@settings(max_examples=EXAMPLES)
@given(exercise=exercises, body=bodies, g=gravity)
def test_summary_sweeps_are_finite_or_named(exercise, body, g):
    """Both engines (the compiled kernel where numba is installed), over two loads."""
    loads = sorted({float(exercise.load_kg), 0.5 * float(exercise.load_kg)})
    for engine in ("numpy", "auto"):
        s = outcome(
            biomech.sweep,
            exercise,
            body=body,
            g=g,
            n=17,
            summary=True,
            engine=engine,
            load_kg=loads,
        )
        if s is not None:
            assert_finite(s)


@settings(max_examples=EXAMPLES // 2)
@given(exercise=exercises, body=bodies, g=gravity, tempo=tempos, oversample=st.floats(1.0, 4.0))
def test_lifted_to_any_tempo_every_set_up_is_finite_or_named(exercise, body, g, tempo, oversample):
    """Sampled at the slowest rate the tempo accepts, or up to four times faster."""
    shortest = min(tempo.eccentric_s, tempo.concentric_s)
    rate = oversample * MIN_SAMPLES_PER_MOVE / shortest
    ds = outcome(biomech.simulate, exercise, body, g=g, tempo=tempo, rate_hz=rate)
    if ds is not None:
        assert_finite(ds)
