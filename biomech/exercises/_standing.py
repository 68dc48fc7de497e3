"""What the standing lifts (squat, deadlift) refuse: a rep that leaves what a body can do.

Both keep a point of the trunk over midfoot (:mod:`biomech.model.standing`); the path they
take is checked from its extremes over the rep, whichever engine computed them.
"""

from __future__ import annotations

import numpy as np

from .._validation import InfeasibleSetupError
from ..model.geometry import MAX_HIP_FLEXION_DEG, MAX_KNEE_FLEXION_DEG

__all__ = ["check_path_extremes"]


def check_path_extremes(setting: str, reach_ratio, kappa_bottom, hip_flexion_deg, advice: str):
    """Raise :class:`~biomech.InfeasibleSetupError` (starting with ``setting``) if the path
    leaves what a body can do: ``reach_ratio`` (the hip-to-point distance over the point's
    distance from the hip) beyond +-1 means the trunk point cannot be put over midfoot; knee
    flexion at the bottom (``kappa_bottom``, rad) and hip flexion (deg) are capped at
    :data:`~biomech.model.geometry.MAX_KNEE_FLEXION_DEG` and
    :data:`~biomech.model.geometry.MAX_HIP_FLEXION_DEG`. The values may be per posture or the
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
