"""Shared test configuration: hypothesis profiles chosen by the environment (astropy-style)."""

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=40, deadline=None)
settings.register_profile(
    "ci",
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(
    os.environ.get("BIOMECH_HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev")
)
