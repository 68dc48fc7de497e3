"""What the hip thrust refuses: a set-up the body cannot perform, or a rep that leaves the
ranges of motion (the margins of :func:`biomech.model.hip_thrust.feasibility`).

Each message names the parameter to change and the direction to move it.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .._validation import InfeasibleSetupError
from ..model.limits import (
    ANKLE_DORSIFLEXION_MAX_DEG,
    ANKLE_PLANTARFLEXION_MAX_DEG,
    HIP_FLEXION_MAX_DEG,
    KNEE_FLEXION_MAX_DEG,
)
from ._base import shown

__all__ = ["check_setup"]

#: Hip flexion (rad) a lockout may miss: the bisection's rounding.
LOCKOUT_TOLERANCE = 1e-6


def _fail(condition, message: str) -> None:
    if np.any(condition):
        raise InfeasibleSetupError(message)


def check_setup(ex: Any, f: Any, s: Any) -> None:
    """Raise :class:`~biomech.InfeasibleSetupError` for a hip-thrust set-up ``ex`` whose
    :class:`~biomech.model.hip_thrust.Feasibility` ``f`` (set-up ``s``) has a negative margin."""
    bench, feet = shown(ex.bench_height_m), shown(ex.feet_distance_m)
    if ex.bench_height_m is None:
        bench = "'knee height'"
    if np.any(f.lockout_bracket <= 0.0):
        high = bool(np.any(f.bench_low_enough <= 0.0))
        msg = (
            f"`bench_height_m` = {bench} is too {'high' if high else 'low'} for these legs: "
            "with the shank vertical no lockout puts the hips level with the bench. "
            f"{'Lower' if high else 'Raise'} the bench, or set `feet_distance_m`."
        )
        raise InfeasibleSetupError(msg)
    _fail(
        f.heels_before_edge <= 0.0,
        f"`feet_distance_m` = {feet} is too close to the bench: the heels would be "
        f"{float(np.max(-f.heels_before_edge)):.3f} m under the bench's edge. Move the feet at "
        "least that much further from the bench.",
    )
    _fail(
        f.max_reach_ratio > 1.0,
        f"`feet_distance_m` = {feet} is too far from the bench (`bench_height_m` = {bench}): "
        f"the ankle-to-hip distance would be {float(np.max(f.max_reach_ratio)):.2f} times the "
        "leg's length. Bring the feet closer to the bench.",
    )
    _fail(
        f.lockout_miss > LOCKOUT_TOLERANCE,
        f"`feet_distance_m` = {feet} is too close to the bench (`bench_height_m` = {bench}): "
        f"the hips stop {float(np.rad2deg(np.max(f.lockout_miss))):.0f} deg of hip flexion "
        "short of lockout. Move the feet further from the bench.",
    )
    lowest = float(np.min(f.bar_above_plates_at_lockout + s.plate_radius))
    _fail(
        f.bar_above_plates_at_lockout <= 0.0,
        f"`bench_height_m` = {bench} is too low for plates of `plate_diameter_m` = "
        f"{shown(ex.plate_diameter_m)}: at lockout the bar centre is at {lowest:.3f} m, below "
        "the plates' radius, so the plates would rest on the floor. Raise the bench.",
    )
    _fail(
        f.bar_below_plates_upright <= 0.0,
        f"the plates cannot reach the floor with `bench_height_m` = {bench} and "
        f"`feet_distance_m` = {feet}: with the trunk upright against the bench the bar centre "
        f"is still {float(np.max(-f.bar_below_plates_upright)):.3f} m above the plates' "
        "radius. Lower the bench or use larger plates.",
    )
    _rom(f, bench, feet)


def _rom(f: Any, bench: str, feet: str) -> None:
    """Refuse a rep that leaves the ranges of motion of :mod:`biomech.model.limits`."""
    setting = f"`bench_height_m` = {bench} with `feet_distance_m` = {feet}"
    limits = (
        (f.max_knee_flexion, KNEE_FLEXION_MAX_DEG, "knee flexion", "bring the feet closer"),
        (f.max_hip_flexion, HIP_FLEXION_MAX_DEG, "hip flexion", "lower the bench"),
        (f.max_dorsiflexion, ANKLE_DORSIFLEXION_MAX_DEG, "ankle dorsiflexion",
         "move the feet further from the bench"),
        (f.max_plantarflexion, ANKLE_PLANTARFLEXION_MAX_DEG, "ankle plantarflexion (the shank "
         "leaning back over a flat foot)", "bring the feet closer or lower the bench"),
    )  # fmt: skip
    for value, limit, what, advice in limits:
        _fail(
            value > limit,
            f"{setting} needs {float(np.max(value)):.0f} deg of {what} in the rep; at most "
            f"{limit:.0f} deg is allowed ({advice}).",
        )
    _fail(
        f.min_hip_clearance <= 0.0,
        f"{setting}: the buttocks would touch the floor at the bottom "
        f"({float(np.max(-f.min_hip_clearance)):.3f} m too low). Raise the bench or use larger "
        "plates.",
    )
