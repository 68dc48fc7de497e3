"""What the standing lifts (squat, deadlift) refuse: a rep that leaves what a body can do.

Both keep a point of the trunk over midfoot (:mod:`biomech.model.standing`); the path they
take is checked from its extremes over the rep, whichever engine computed them.
"""

from __future__ import annotations

import numpy as np

from .._validation import InfeasibleSetupError
from ..model import geometry, limits, surfaces
from ..model.limits import HIP_FLEXION_MAX_DEG as MAX_HIP_FLEXION_DEG
from ..model.limits import KNEE_FLEXION_MAX_DEG as MAX_KNEE_FLEXION_DEG

__all__ = ["CHECKED_PHASES", "check_clearance", "check_joint_ranges", "check_path_extremes"]


def check_path_extremes(setting: str, reach_ratio, kappa_bottom, hip_flexion_deg, advice: str):
    """Raise :class:`~biomech.InfeasibleSetupError` (starting with ``setting``) if the path
    leaves what a body can do: ``reach_ratio`` (the hip-to-point distance over the point's
    distance from the hip) beyond +-1 means the trunk point cannot be put over midfoot; knee
    flexion at the bottom (``kappa_bottom``, rad) and hip flexion (deg) are capped at
    :data:`~biomech.model.limits.KNEE_FLEXION_MAX_DEG` and
    :data:`~biomech.model.limits.HIP_FLEXION_MAX_DEG`. The values may be per posture or the
    extremes of each set-up's rep."""
    if np.any(np.abs(reach_ratio) > 1.0):
        msg = (
            f"{setting} is out of reach: the hips would be "
            f"{float(np.max(np.abs(reach_ratio))):.2f} times the hip-to-{advice}"
        )
        raise InfeasibleSetupError(msg)
    knee_flexion = np.rad2deg(kappa_bottom)
    if np.any(knee_flexion > MAX_KNEE_FLEXION_DEG):
        msg = (
            f"{setting} needs {float(np.max(knee_flexion)):.0f} deg of knee flexion at the "
            f"bottom; at most {MAX_KNEE_FLEXION_DEG:.0f} deg is allowed."
        )
        raise InfeasibleSetupError(msg)
    if np.any(hip_flexion_deg > MAX_HIP_FLEXION_DEG):
        msg = (
            f"{setting} needs {float(np.max(hip_flexion_deg)):.0f} deg of hip flexion; at most "
            f"{MAX_HIP_FLEXION_DEG:.0f} deg is allowed."
        )
        raise InfeasibleSetupError(msg)


#: Phases at which a set-up's path is checked against the legs' outline and the joints'
#: ranges (its own samples, whichever phases the caller asks for).
CHECKED_PHASES = np.linspace(0.0, 1.0, 81)


def check_clearance(setting: str, b, c) -> None:
    """Raise :class:`~biomech.InfeasibleSetupError` (starting with ``setting``) if the bar
    of the postures ``c`` enters the shank, the knee or the thigh
    (:func:`biomech.model.surfaces.bar_gaps`; half a millimetre is the taper's
    approximation)."""
    gaps = surfaces.bar_gaps(b, c.knee_x, c.knee_y, c.hip_x, c.hip_y, c.bar_x, c.bar_y)
    for name, gap in zip(("shin", "knee", "thigh"), gaps, strict=True):
        if np.any(gap < -5e-4):
            msg = (
                f"{setting} puts the bar {1000.0 * float(-np.min(gap)):.0f} mm inside the "
                f"{name}. Lower `shank_angle_deg` (knees further back) or leave it None."
            )
            raise InfeasibleSetupError(msg)


def check_joint_ranges(setting: str, b, c, reach_ratio=None, hip=True) -> None:
    """Raise :class:`~biomech.InfeasibleSetupError` (starting with ``setting``) if the
    postures ``c`` leave the ranges of :mod:`biomech.model.limits`: ankle dorsiflexion
    (shank forward of vertical over a flat foot) and plantarflexion, knee flexion, hip
    extension (hip flexion is checked from the rep's extremes). Postures whose
    ``reach_ratio`` is beyond +-1 are left to :func:`check_path_extremes`; ``hip=False``
    leaves out the hip (a deep squat's hip flexion beyond 180 deg would wrap to extension)."""
    if reach_ratio is not None:
        reachable = np.abs(reach_ratio) <= 1.0
        c = type(c)(*(np.where(reachable, v, np.nan) for v in c))
    shank = np.rad2deg(np.arctan2(c.knee_x, c.knee_y - b.ankle_height))
    thigh = np.arctan2(c.hip_y - c.knee_y, c.hip_x - c.knee_x)
    knee = np.rad2deg(thigh - np.arctan2(c.knee_y - b.ankle_height, c.knee_x))
    hip_flexion = np.rad2deg(geometry.hip_flexion(c))
    for value, limit, what, advice in (
        (shank, limits.ANKLE_DORSIFLEXION_MAX_DEG, "ankle dorsiflexion", "less knee travel"),
        (-shank, limits.ANKLE_PLANTARFLEXION_MAX_DEG, "ankle plantarflexion", "more knee travel"),
        (knee, limits.KNEE_FLEXION_MAX_DEG, "knee flexion", "a shallower bottom"),
        (
            -hip_flexion if hip else 0.0 * hip_flexion,
            limits.HIP_EXTENSION_MAX_DEG,
            "hip extension",
            "less lean",
        ),
    ):
        if np.nanmax(value, initial=-np.inf) > limit:
            msg = (
                f"{setting} needs {float(np.nanmax(value)):.0f} deg of {what}; at most "
                f"{limit:.0f} deg is allowed ({advice})."
            )
            raise InfeasibleSetupError(msg)
