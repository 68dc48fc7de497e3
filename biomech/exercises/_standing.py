"""Shared kinematics of the standing lifts (squat, deadlift): a point of the trunk over midfoot.

Both lifts keep the feet flat and a point fixed to the trunk (the bar on the back, or the
shoulders from which the arms hang) directly over midfoot. The shank angle ``alpha`` (forward
inclination from vertical) and the knee flexion ``kappa`` are interpolated linearly in phase
from the bottom to lockout; the thigh follows, and the trunk angle is the closed-form rotation
about the hip that puts the trunk point over midfoot.
"""

from __future__ import annotations

import numpy as np

from .._validation import InfeasibleSetupError
from ..kinematics import point_over_x, polar
from ._base import MAX_HIP_FLEXION_DEG, MAX_KNEE_FLEXION_DEG, BodyGeometry

__all__ = [
    "check_path",
    "check_path_extremes",
    "standing_chain",
    "straight_body_shank_angle",
    "trunk_point",
]


def trunk_point(along, behind):
    """Polar form (radius, angle from the trunk axis) of a point fixed to the trunk.

    ``along`` is measured from the hip toward the shoulders, ``behind`` posterior (the
    counter-clockwise normal of the trunk axis when the lifter faces +x).
    """
    return np.hypot(along, behind), np.arctan2(behind, along)


def straight_body_shank_angle(geo: BodyGeometry, radius, offset):
    """Forward shank inclination (rad) of a straight body whose trunk point is over midfoot.

    With knee and hip straight, ankle-to-point is one rigid lever: ``(L_shank + L_thigh) +
    radius*exp(1j*offset)`` rotated by the shank angle.
    """
    lever = geo.shank + geo.thigh + radius * np.exp(1j * offset)
    theta = np.arccos(np.clip(geo.midfoot_x / np.abs(lever), -1.0, 1.0)) - np.angle(lever)
    return 0.5 * np.pi - theta


def standing_chain(geo: BodyGeometry, alpha, kappa, radius, offset):
    """Knee, hip and trunk angle for shank inclination ``alpha`` and knee flexion ``kappa``.

    Returns ``knee, hip, theta_trunk, reach_ratio`` where ``reach_ratio`` is the horizontal
    hip-to-midfoot distance divided by ``radius``; beyond +-1 the trunk point cannot be put
    over midfoot (the caller raises).
    """
    ankle = 1j * geo.ankle_height
    theta_shank = 0.5 * np.pi - alpha
    knee = ankle + polar(geo.shank, theta_shank)
    hip = knee + polar(geo.thigh, theta_shank + kappa)
    theta_trunk = point_over_x(hip, geo.midfoot_x, radius, offset)
    reach_ratio = (geo.midfoot_x - hip.real) / radius
    return knee, hip, theta_trunk, reach_ratio


def check_path(setting: str, reach_ratio, kappa_bottom, hip, knee, theta_trunk, advice: str):
    """Raise ValueError (starting with ``setting``) if the path leaves what a body can do.

    ``reach_ratio`` beyond +-1 means the trunk point cannot be put over midfoot; knee flexion at
    the bottom and hip flexion anywhere are capped at :data:`MAX_KNEE_FLEXION_DEG` and
    :data:`MAX_HIP_FLEXION_DEG`.
    """
    theta_thigh = np.angle(hip - knee)
    hip_flexion = np.rad2deg(np.mod(theta_thigh - theta_trunk + np.pi, 2 * np.pi) - np.pi)
    check_path_extremes(setting, reach_ratio, kappa_bottom, hip_flexion, advice)


def check_path_extremes(setting: str, reach_ratio, kappa_bottom, hip_flexion_deg, advice: str):
    """:func:`check_path` from the reach ratio and the hip flexion (deg) of every posture, or
    of the posture of each set-up where they are largest (a compiled kernel's extremes)."""
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
