"""Conventional deadlift: bar from the floor to lockout over midfoot, arms hanging vertically."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from .._validation import InfeasibleSetupError
from ..anthropometry import Body
from ..kinematics import polar, two_link_first_angle
from ._base import BodyGeometry, Exercise, Pose, arm_points, assemble, foot_points, shown
from ._standing import check_path, standing_chain, straight_body_shank_angle

__all__ = ["Deadlift"]


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)  # Exercise: eq, hash
class Deadlift(Exercise):
    """Conventional barbell deadlift.

    Parameters
    ----------
    load_kg : float, default 100.0
        Total mass of the barbell, kg, 0 to 1000.
    shank_angle_deg : float, default 10.0
        Forward inclination of the shank from vertical at the start (bar on the floor), deg,
        in [0, 40].
    plate_diameter_m : float, default 0.45
        Plate diameter, m: the bar centre starts at half this height.

    Notes
    -----
    The arms hang vertically from the shoulder joint centres to the bar, so the shoulders stay
    directly over the bar and the bar over midfoot. At the start the hip is placed by two-link
    inverse kinematics (thigh and trunk) from the knee to the shoulders; phase then moves shank
    inclination and knee flexion linearly to a straight body (``p = 1``) leaning just enough to
    keep the shoulders over midfoot, and the trunk angle keeps them there in closed form.

    Examples
    --------
    >>> import biomech
    >>> ds = biomech.simulate(biomech.Deadlift(), n=11)
    >>> round(float(ds["position"].sel(point="bar", axis="y", phase=0.0)), 3)  # on the floor
    0.225
    """

    name: ClassVar[str] = "deadlift"

    load_kg: float = 100.0
    shank_angle_deg: float = 10.0
    plate_diameter_m: float = 0.45

    def __post_init__(self) -> None:
        self._check_load()
        self._check_field(
            "shank_angle_deg",
            low=0.0,
            high=40.0,
            expected="a forward shank inclination in degrees in [0, 40]",
        )
        self._check_field(
            "plate_diameter_m",
            low=0.0,
            low_inclusive=False,
            high=1.0,
            expected="a plate diameter in metres in (0, 1]",
        )

    def _setup(self, geo: BodyGeometry) -> dict[str, np.ndarray]:
        """Per set-up quantities (validated): the shoulders on the trunk axis (polar), shank
        inclination and knee flexion at the start, shank inclination at lockout (rad)."""
        r_plate = 0.5 * self.plate_diameter_m
        ankle = 1j * geo.ankle_height
        alpha_b = np.deg2rad(self.shank_angle_deg) + 0 * geo.shank
        knee_b = ankle + polar(geo.shank, 0.5 * np.pi - alpha_b)
        shoulder_b = geo.midfoot_x + 1j * (r_plate + geo.reach)
        self._check_start(geo, knee_b, shoulder_b)
        theta_thigh_b = two_link_first_angle(knee_b, shoulder_b, geo.thigh, geo.trunk, 1.0)
        return {
            "radius": geo.trunk,
            "offset": np.zeros(()),
            "alpha_b": alpha_b,
            "kappa_b": theta_thigh_b - (0.5 * np.pi - alpha_b),
            "alpha_l": straight_body_shank_angle(geo, geo.trunk, 0.0),
        }

    def _path_check(self) -> tuple[str, str]:
        """The set-up and the advice of the out-of-path errors (see ``check_path``)."""
        return (
            f"`shank_angle_deg` = {shown(self.shank_angle_deg)}",
            "shoulder distance from midfoot on the way up, so the shoulders cannot stay over "
            "the bar.",
        )

    def _pose(self, body: Body, phase: np.ndarray) -> Pose:
        geo = BodyGeometry.of(body)
        s = self._setup(geo)
        alpha_b, kappa_b = s["alpha_b"], s["kappa_b"]
        alpha = alpha_b + (s["alpha_l"] - alpha_b) * phase
        kappa = kappa_b * (1.0 - phase)
        knee, hip, theta_trunk, reach = standing_chain(geo, alpha, kappa, geo.trunk, 0.0)
        setting, advice = self._path_check()
        check_path(setting, reach, kappa_b, hip, knee, theta_trunk, advice)
        shoulder = hip + polar(geo.trunk, theta_trunk)
        bar = shoulder - 1j * geo.reach
        arm = arm_points(geo, shoulder, bar, elbow_side=1.0)
        return assemble(geo, foot_points(geo), knee, hip, shoulder, bar, arm)

    def _check_start(self, geo: BodyGeometry, knee_b, shoulder_b) -> None:
        distance = np.abs(shoulder_b - knee_b)
        lockout_bar = geo.ankle_height + geo.shank + geo.thigh + geo.trunk - geo.reach
        if np.any(0.5 * self.plate_diameter_m >= lockout_bar):
            msg = (
                f"`plate_diameter_m` = {shown(self.plate_diameter_m)}: the bar would start above "
                f"the height it reaches at lockout ({float(np.min(lockout_bar)):.3f} m)."
            )
            raise InfeasibleSetupError(msg)
        if np.any(distance > geo.thigh + geo.trunk):
            short = float(np.max(distance - geo.thigh - geo.trunk))
            msg = (
                f"`shank_angle_deg` = {shown(self.shank_angle_deg)}: the bar on the floor is out "
                f"of reach (the shoulders would have to be {short:.3f} m further from the "
                f"knees than thigh plus trunk allow)."
            )
            raise InfeasibleSetupError(msg)
