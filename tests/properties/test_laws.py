"""Laws the model must obey on random set-ups: linearity in the load, invariance to moving
the set-up along the floor, broadcasting over populations, and empty populations."""

import dataclasses
import warnings

import numpy as np
import pytest
from hypothesis import example, given, reject
from hypothesis import strategies as st

import biomech
from biomech import Body
from biomech.pose import BenchContact
from biomech.statics import solve_pose

from .test_equilibrium_properties import EXAMPLES, bodies, exercises, on_examples


def run(exercise, body, n=9):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", biomech.BiomechWarning)
            return biomech.simulate(exercise, body, n=n)
    except ValueError:
        reject()


@given(
    exercise=exercises,
    body=bodies,
    loads=st.lists(st.integers(0, 300), min_size=3, max_size=3, unique=True),
)
@on_examples(loads=[0, 50, 100])
def test_moments_are_affine_in_the_load(exercise, body, loads):
    """Posture does not depend on the load, and every force is linear in it: three loads give
    three moment curves on one straight line."""
    m = [run(dataclasses.replace(exercise, load_kg=x), body)["net_moment"].values for x in loads]
    slope_a = (m[1] - m[0]) / (loads[1] - loads[0])
    slope_b = (m[2] - m[0]) / (loads[2] - loads[0])
    scale = max(float(np.abs(s).max()) for s in (slope_a, slope_b)) + 1e-9
    np.testing.assert_allclose(slope_a, slope_b, rtol=0, atol=1e-9 * scale)


@given(exercise=exercises, body=bodies, shift=st.floats(-5.0, 5.0))
def test_statics_is_invariant_to_moving_the_set_up_along_x(exercise, body, shift):
    """Moving every point (and the prescribed centre of pressure) by the same distance along
    the floor changes no force and no joint moment; the centre of pressure moves with it."""
    try:
        pose = exercise._pose(body, np.linspace(0, 1, 9))
    except ValueError:
        reject()
    contact = pose.contact
    if isinstance(contact, BenchContact):
        contact = dataclasses.replace(
            contact, point=contact.point + shift, cop_x=contact.cop_x + shift
        )
    moved = dataclasses.replace(
        pose,
        points={k: v + shift for k, v in pose.points.items()},
        segment_com={k: v + shift for k, v in pose.segment_com.items()},
        contact=contact,
    )
    masses = np.array([body.segment_mass(s) for s in biomech.SEGMENTS])
    load = np.array([exercise.load_kg])
    a = solve_pose(pose, masses, load, 9.80665)
    b = solve_pose(moved, masses, load, 9.80665)
    scale = float(np.abs(a.net_moment).max())
    np.testing.assert_allclose(b.net_moment, a.net_moment, rtol=0, atol=1e-9 * scale)
    np.testing.assert_allclose(b.force_vector, a.force_vector, rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(b.center_of_pressure, a.center_of_pressure + shift, atol=1e-9)
    np.testing.assert_allclose(b.hip_moment_arm, a.hip_moment_arm, atol=1e-9)


@given(
    exercise=exercises,
    heights=st.lists(st.floats(1.5, 2.05), min_size=1, max_size=4),
    mass=st.floats(50, 120),
)
@example(exercise=EXAMPLES[0], heights=[1.55, 1.70, 1.85, 2.0], mass=70.0)
@example(exercise=EXAMPLES[5], heights=[1.55, 1.70, 1.85, 2.0], mass=70.0)
@example(exercise=EXAMPLES[7], heights=[1.55, 1.70, 1.85, 2.0], mass=70.0)
def test_population_equals_a_loop_of_single_bodies(exercise, heights, mass):
    pop = Body.from_height_mass(height_m=np.array(heights), mass_kg=mass)
    together = run(exercise, pop)
    for i, h in enumerate(heights):
        alone = run(exercise, Body.from_height_mass(height_m=h, mass_kg=mass))
        for name in ("net_moment", "position", "force_vector", "hip_moment_contribution"):
            np.testing.assert_allclose(
                together[name].isel(body=i), alone[name], rtol=1e-12, atol=1e-12
            )


@pytest.mark.parametrize(
    ("heights", "masses"),
    [(np.array([]), np.array([])), (np.zeros((0, 3)), 80.0), (1.8, np.array([]))],
)
def test_an_empty_population_is_refused(heights, masses):
    """A population of no bodies is a mistake (issue 12: it ran silently, then crashed a full
    sweep with xarray's "must supply at least one object to concatenate"): refused by name."""
    with pytest.raises(ValueError, match=r"must hold at least one"):
        Body.from_height_mass(height_m=heights, mass_kg=masses)
