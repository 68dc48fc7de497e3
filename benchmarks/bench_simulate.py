"""asv benchmarks of the quasi-static pipeline (posture + statics + labelled dataset).

Run with ``asv run`` (or ``asv run --python=same --quick`` in a development environment).
Speed is measured here, never asserted in tests.
"""

import numpy as np

import biomech

EXERCISES = {"hip_thrust": biomech.HipThrust, "squat": biomech.Squat, "deadlift": biomech.Deadlift}


class Simulate:
    """One body, one set-up, ``n`` postures."""

    params = (list(EXERCISES), [101, 10_001, 100_001])
    param_names = ["exercise", "n"]

    def setup(self, exercise, n):
        self.exercise = EXERCISES[exercise]()
        self.body = biomech.Body.default()

    def time_simulate(self, exercise, n):
        biomech.simulate(self.exercise, self.body, n=n)

    def peakmem_simulate(self, exercise, n):
        biomech.simulate(self.exercise, self.body, n=n)


class Population:
    """A population of bodies in one call (101 postures each)."""

    params = ([10, 1_000],)
    param_names = ["bodies"]

    def setup(self, bodies):
        rng = np.random.default_rng(0)
        self.body = biomech.Body.from_height_mass(
            height_m=rng.uniform(1.6, 1.95, bodies), mass_kg=rng.uniform(60, 110, bodies)
        )

    def time_hip_thrust_population(self, bodies):
        biomech.simulate(biomech.HipThrust(), self.body, n=101)
