"""Conventional deadlift: bar from the floor to lockout over midfoot, arms hanging vertically."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from .._validation import InfeasibleSetupError
from ..model import pull
from ..model.evaluate import deadlift_values
from ..model.geometry import Chain
from ..model.rows import BodyRow
from ..parameters import describe, parameter
from ._base import LOAD_PARAMETER, Exercise, shown
from ._standing import CHECKED_PHASES, check_clearance, check_joint_ranges, check_path_extremes

__all__ = ["Deadlift"]


@describe
@dataclass(frozen=True, slots=True, kw_only=True, eq=False)  # Exercise: eq, hash
class Deadlift(Exercise):
    """Conventional barbell deadlift.

    Parameters
    ----------
    (declared)

    Notes
    -----
    The bar rises on a vertical line, linearly in phase from the floor (``p = 0``) to a
    stacked lockout (``p = 1``: shank and thigh vertical, hip and knee over the ankle, the
    trunk leaning just enough to hold the shoulders over the bar); the arms hang vertically
    from the shoulder joint centres. The bar touches the shins at lift-off and while it is
    below the knee (the knees come back to let it pass the patella), then rises in front of
    the thigh; it never enters the legs' outline (:mod:`biomech.model.surfaces`). Its line is
    midfoot, or the front of the thigh at lockout if that is further forward. Thigh and
    trunk are placed by two-link inverse kinematics from the knee to the shoulders
    (:mod:`biomech.model.pull`).

    Examples
    --------
    >>> import biomech
    >>> ds = biomech.simulate(biomech.Deadlift(), n=11)
    >>> round(float(ds["position"].sel(point="bar", axis="y", phase=0.0)), 3)  # on the floor
    0.225
    """

    name: ClassVar[str] = "deadlift"

    load_kg: float = LOAD_PARAMETER("Total mass of the barbell.")
    shank_angle_deg: float | None = parameter(
        None,
        "a forward shank inclination",
        "Largest forward inclination of the shank from vertical while the bar is below the "
        "knee (the knees stay at most this far forward).",
        unit="deg",
        low=0.0,
        high=40.0,
        none="the shins touch the bar (the bar's surface on the front of the shin)",
    )
    plate_diameter_m: float = parameter(
        0.45,
        "a plate diameter",
        "Plate diameter: the bar centre starts at half this height.",
        unit="m",
        low=0.0,
        high=1.0,
        low_open=True,
    )

    # ----------------------------------------------------------------------------- core ----
    def _prepare(self, b: BodyRow) -> pull.Pull:
        """The model's set-up, checked: the bar starts below lockout, stays outside the
        legs and the joints inside their ranges (:mod:`biomech.model.limits`)."""
        cap = np.nan if self.shank_angle_deg is None else self.shank_angle_deg
        s = pull.pull_setup(b, self.load_kg, cap, self.plate_diameter_m)
        if np.any(s.start_y >= s.lockout_y):
            msg = (
                f"`plate_diameter_m` = {shown(self.plate_diameter_m)}: the bar would start above "
                f"the height it reaches at lockout ({float(np.min(s.lockout_y)):.3f} m). Use "
                "smaller plates."
            )
            raise InfeasibleSetupError(msg)
        c, _ = pull.pull_posture(b, s, CHECKED_PHASES)
        check_clearance(f"`shank_angle_deg` = {shown(self.shank_angle_deg)}", b, c)
        check_joint_ranges(f"`shank_angle_deg` = {shown(self.shank_angle_deg)}", b, c)
        return s

    def _resolved(self, b: BodyRow, prepared: Any) -> dict[str, Any]:
        c, _ = pull.pull_posture(b, prepared, np.zeros(1))
        return {"shank_angle_deg": np.rad2deg(np.arcsin(c.knee_x / b.shank))[..., 0]}

    def _chain(self, b: BodyRow, prepared: Any, phase) -> tuple[Chain, Any]:
        return pull.pull_posture(b, prepared, phase)

    def _values(self, b: BodyRow, prepared: Any, phase, g: float) -> Any:
        return deadlift_values(b, prepared, phase, g)

    def _check_extremes(self, prepared: Any, max_reach, max_flexion_deg) -> None:
        check_path_extremes(
            f"`shank_angle_deg` = {shown(self.shank_angle_deg)}",
            max_reach,
            0.0 * max_reach,
            max_flexion_deg,
            "shoulder distance the thigh and trunk span, so the bar cannot be reached.",
        )
