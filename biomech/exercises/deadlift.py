"""Conventional deadlift: bar from the floor to lockout over midfoot, arms hanging vertically."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from .._validation import InfeasibleSetupError
from ..model import standing
from ..model.evaluate import DEADLIFT, standing_values
from ..model.geometry import Chain
from ..model.rows import BodyRow
from ..parameters import describe, parameter
from ._base import LOAD_PARAMETER, Exercise, shown
from ._standing import check_path_extremes

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

    load_kg: float = LOAD_PARAMETER("Total mass of the barbell.")
    shank_angle_deg: float = parameter(
        10.0,
        "a forward shank inclination",
        "Forward inclination of the shank from vertical at the start (bar on the floor).",
        unit="deg",
        low=0.0,
        high=40.0,
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
    def _prepare(self, b: BodyRow) -> standing.Setup:
        """The model's set-up: the start checked, the thigh placed to reach the shoulders."""
        start = standing.deadlift_start(b, self.shank_angle_deg, self.plate_diameter_m)
        if np.any(start.lockout_above_plates <= 0.0):
            lockout = float(np.min(start.lockout_above_plates + 0.5 * self.plate_diameter_m))
            msg = (
                f"`plate_diameter_m` = {shown(self.plate_diameter_m)}: the bar would start above "
                f"the height it reaches at lockout ({lockout:.3f} m)."
            )
            raise InfeasibleSetupError(msg)
        if np.any(start.reach_to_start < 0.0):
            short = float(np.max(-start.reach_to_start))
            msg = (
                f"`shank_angle_deg` = {shown(self.shank_angle_deg)}: the bar on the floor is out "
                f"of reach (the shoulders would have to be {short:.3f} m further from the knees "
                f"than thigh plus trunk allow)."
            )
            raise InfeasibleSetupError(msg)
        return standing.deadlift_setup(b, self.load_kg, self.shank_angle_deg, start)

    def _chain(self, b: BodyRow, prepared: Any, phase) -> tuple[Chain, Any]:
        return standing.deadlift_posture(b, prepared, phase)

    def _values(self, b: BodyRow, prepared: Any, phase, g: float) -> Any:
        return standing_values(b, prepared, phase, g, DEADLIFT)

    def _check_extremes(self, prepared: Any, max_reach, max_flexion_deg) -> None:
        check_path_extremes(
            f"`shank_angle_deg` = {shown(self.shank_angle_deg)}",
            max_reach,
            prepared.kappa_bottom,
            max_flexion_deg,
            "shoulder distance from midfoot on the way up, so the shoulders cannot stay over "
            "the bar.",
        )
