"""asv benchmarks of inverse dynamics over a tempo (``simulate(..., tempo=...)``).

Issue 6 asks that a long set (10 reps) sampled at 100 Hz compute in well under a second; it is
measured here (``Dynamics.time_set``), never asserted in tests.
"""

import warnings

import biomech

EXERCISES = {"hip_thrust": biomech.HipThrust, "squat": biomech.Squat, "deadlift": biomech.Deadlift}


class Dynamics:
    """One body, a set of ``reps`` reps at tempo 2-0-1-2 sampled at 100 Hz (501 samples/rep)."""

    params = (list(EXERCISES), [1, 10])
    param_names = ["exercise", "reps"]

    def setup(self, exercise, reps):
        self.exercise = EXERCISES[exercise]()
        self.body = biomech.Body.default()
        self.tempo = biomech.Tempo.parse("2-0-1-2")

    def _run(self, reps):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", biomech.BiomechWarning)  # hip-thrust friction
            biomech.simulate(self.exercise, self.body, tempo=self.tempo, reps=reps, rate_hz=100)

    def time_set(self, exercise, reps):
        self._run(reps)

    def peakmem_set(self, exercise, reps):
        self._run(reps)


class DynamicsPopulation:
    """A population of 100 bodies lifting one rep at 100 Hz in one call."""

    def setup(self):
        import numpy as np

        rng = np.random.default_rng(0)
        self.body = biomech.Body.from_height_mass(
            height_m=rng.uniform(1.6, 1.95, 100), mass_kg=rng.uniform(60, 110, 100)
        )

    def time_squat_population(self):
        biomech.simulate(biomech.Squat(), self.body, tempo="2-0-1-2", rate_hz=100)
