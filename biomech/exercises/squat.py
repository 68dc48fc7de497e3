"""Barbell back squat: bar over midfoot on a vertical path, high-bar or low-bar."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

import numpy as np

from .._validation import check_choice
from ..anthropometry import Body
from ..kinematics import polar
from ._base import BodyGeometry, Exercise, Pose, assemble, foot_points, projected_arm_points, shown
from ._standing import check_path, standing_chain, straight_body_shank_angle, trunk_point

__all__ = ["Squat"]

#: Bar centre relative to the shoulder joint centres, as fractions of stature:
#: (above the shoulders along the trunk axis, behind the trunk axis). Modelling estimates:
#: the high bar rests on the upper trapezius near C7, about 4 cm above and 8 cm behind the
#: shoulder joint centres of a 1.80 m lifter; the low bar on the posterior deltoids and the
#: spine of the scapula, about 6 cm lower and 2 cm further back.
BAR_PLACEMENT: dict[str, tuple[float, float]] = {
    "high": (0.022, 0.044),
    "low": (-0.011, 0.056),
}

#: Sagittal projection of the elbow relative to the shoulder joint centres, fractions of
#: stature: (below the shoulders along the trunk axis, behind it). Modelling estimate for a
#: grip a little wider than the shoulders: elbows about 18 cm below and 9 cm behind the
#: shoulders of a 1.80 m lifter, under and behind the bar.
ELBOW_PLACEMENT: tuple[float, float] = (0.10, 0.05)


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)  # Exercise: eq, hash
class Squat(Exercise):
    """Barbell back squat with the bar over midfoot throughout.

    Parameters
    ----------
    load_kg : float, default 100.0
        Total mass of the barbell, kg, 0 to 1000.
    bar_position : {"high", "low"}, default "high"
        Where the bar sits on the back (see :data:`BAR_PLACEMENT`).
    depth_deg : float, default 0.0
        Thigh angle below horizontal at the bottom, deg, in [-45, 45]. ``0`` is parallel
        (thigh horizontal), positive is deeper, negative is above parallel.
    shank_angle_deg : float, default 30.0
        How far the knees travel forward: forward inclination of the shank from vertical at the
        bottom, deg, in [0, 50].
    bar_above_shoulder_m, bar_behind_shoulder_m : float or None, default None
        Override the bar's place on the back relative to the shoulder joint centres, m (along
        the trunk axis, and behind it). ``None``: from ``bar_position`` scaled by stature.

    Notes
    -----
    Phase moves shank inclination and knee flexion linearly from the bottom (``p = 0``) to a
    straight body (knee and hip flexion 0) leaning just enough to keep the bar over midfoot
    (``p = 1``). The trunk angle follows from the bar-over-midfoot constraint in closed form.
    The hands steady the bar and carry none of its weight. The arms reach sideways to a wide
    grip, so the sagittal model uses their projection, with the elbows fixed to the trunk
    (:data:`ELBOW_PLACEMENT`).

    Examples
    --------
    >>> import biomech
    >>> ds = biomech.simulate(biomech.Squat(load_kg=100.0), n=11)
    >>> hip = ds["net_moment"].sel(joint="hip")
    >>> bool(hip.sel(phase=1.0) < 0.15 * hip.max())  # falls toward zero at lockout
    True
    """

    name: ClassVar[str] = "squat"

    load_kg: float = 100.0
    bar_position: Literal["high", "low"] = "high"
    depth_deg: float = 0.0
    shank_angle_deg: float = 30.0
    bar_above_shoulder_m: float | None = None
    bar_behind_shoulder_m: float | None = None

    def __post_init__(self) -> None:
        self._check_load()
        check_choice("bar_position", self.bar_position, tuple(BAR_PLACEMENT))
        self._check_field(
            "depth_deg",
            low=-45.0,
            high=45.0,
            expected="a thigh angle below horizontal in degrees in [-45, 45] (0 = parallel)",
        )
        self._check_field(
            "shank_angle_deg",
            low=0.0,
            high=50.0,
            expected="a forward shank inclination in degrees in [0, 50]",
        )
        for name in ("bar_above_shoulder_m", "bar_behind_shoulder_m"):
            self._check_field(
                name,
                optional=True,
                low=-0.3,
                high=0.3,
                expected="a distance in metres in [-0.3, 0.3] (or None)",
            )

    def _bar_on_trunk(self, geo: BodyGeometry):
        above_f, behind_f = BAR_PLACEMENT[self.bar_position]
        above = (
            above_f * geo.height
            if self.bar_above_shoulder_m is None
            else self.bar_above_shoulder_m + 0 * geo.height
        )
        behind = (
            behind_f * geo.height
            if self.bar_behind_shoulder_m is None
            else self.bar_behind_shoulder_m + 0 * geo.height
        )
        return trunk_point(geo.trunk + above, behind)

    def _setup(self, geo: BodyGeometry) -> dict[str, np.ndarray]:
        """Per set-up quantities: the bar on the trunk (polar), shank inclination and knee
        flexion at the bottom, shank inclination at lockout (rad)."""
        radius, offset = self._bar_on_trunk(geo)
        alpha_b = np.deg2rad(self.shank_angle_deg)
        kappa_b = 0.5 * np.pi + np.deg2rad(self.depth_deg) + alpha_b
        alpha_l = straight_body_shank_angle(geo, radius, offset)
        return {
            "radius": radius,
            "offset": offset,
            "alpha_b": alpha_b,
            "kappa_b": kappa_b,
            "alpha_l": alpha_l,
        }

    def _path_check(self) -> tuple[str, str]:
        """The set-up and the advice of the out-of-path errors (see ``check_path``)."""
        return (
            f"`depth_deg` = {shown(self.depth_deg)} with `shank_angle_deg` = "
            f"{shown(self.shank_angle_deg)}",
            "bar distance behind midfoot, so no trunk angle keeps the bar over midfoot. Squat "
            "less deep or let the knees travel further forward.",
        )

    def _pose(self, body: Body, phase: np.ndarray) -> Pose:
        geo = BodyGeometry.of(body)
        s = self._setup(geo)
        radius, offset, alpha_b, kappa_b = s["radius"], s["offset"], s["alpha_b"], s["kappa_b"]
        alpha = alpha_b + (s["alpha_l"] - alpha_b) * phase
        kappa = kappa_b * (1.0 - phase)
        knee, hip, theta_trunk, reach = standing_chain(geo, alpha, kappa, radius, offset)
        setting, advice = self._path_check()
        check_path(setting, reach, kappa_b, hip, knee, theta_trunk, advice)
        shoulder = hip + polar(geo.trunk, theta_trunk)
        bar = hip + radius * np.exp(1j * (theta_trunk + offset))
        # the arms reach sideways to a wide grip: fix the projected elbow to the trunk
        axis = np.exp(1j * theta_trunk)
        elbow = shoulder + axis * (-ELBOW_PLACEMENT[0] + 1j * ELBOW_PLACEMENT[1]) * geo.height
        arm = projected_arm_points(geo, shoulder, elbow, bar)
        return assemble(geo, foot_points(geo), knee, hip, shoulder, bar, arm)
