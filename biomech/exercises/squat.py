"""Barbell back squat: bar over midfoot on a vertical path, high-bar or low-bar."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Literal

import numpy as np

from ..model import standing
from ..model.evaluate import squat_values
from ..model.geometry import Chain
from ..model.rows import BodyRow
from ..model.standing import BAR_PLACEMENT, ELBOW_PLACEMENT
from ..parameters import describe, parameter
from ._base import LOAD_PARAMETER, Exercise, shown
from ._standing import check_joint_ranges, check_path_extremes

__all__ = ["BAR_PLACEMENT", "ELBOW_PLACEMENT", "Squat"]  # the placements: the model's


@describe
@dataclass(frozen=True, slots=True, kw_only=True, eq=False)  # Exercise: eq, hash
class Squat(Exercise):
    """Barbell back squat with the bar over midfoot throughout.

    Parameters
    ----------
    (declared)

    Notes
    -----
    Phase moves shank inclination and knee flexion linearly from the bottom (``p = 0``) to a
    stacked lockout (``p = 1``): knee straight, the straight leg leaning so that the middle of
    the thigh is under the bar (knee and hip share the bar's moment), the hip flexing or
    extending a few degrees to keep the bar over midfoot
    (:func:`biomech.model.standing.stacked_lean`). The trunk angle follows from the
    bar-over-midfoot constraint in closed form. Knee travel at the bottom grows with depth
    unless ``shank_angle_deg`` is set (:func:`biomech.model.standing.squat_shank_angle`).
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

    load_kg: float = LOAD_PARAMETER("Total mass of the barbell.")
    bar_position: Literal["high", "low"] = parameter(
        "high",
        "a bar position",
        "Where the bar sits on the back (see :data:`BAR_PLACEMENT`).",
        choices=tuple(BAR_PLACEMENT),
    )
    depth_deg: float = parameter(
        0.0,
        "a thigh angle below horizontal",
        "Thigh angle below horizontal at the bottom: ``0`` is parallel (thigh horizontal), "
        "positive is deeper, negative is above parallel.",
        unit="deg",
        low=-45.0,
        high=45.0,
    )
    shank_angle_deg: float | None = parameter(
        None,
        "a forward shank inclination",
        "How far the knees travel forward: forward inclination of the shank from vertical at "
        "the bottom.",
        unit="deg",
        low=0.0,
        high=50.0,
        none="from the depth: 30 deg at parallel, growing to the ankle's 40 deg range at 45 "
        "deg below (:func:`biomech.model.standing.squat_shank_angle`)",
    )
    bar_above_shoulder_m: float | None = parameter(
        None,
        "a distance",
        "The bar's place on the back above the shoulder joint centres, along the trunk axis.",
        unit="m",
        low=-0.3,
        high=0.3,
        none="from ``bar_position``, scaled by stature",
    )
    bar_behind_shoulder_m: float | None = parameter(
        None,
        "a distance",
        "The bar's place on the back behind the trunk axis, at the shoulders.",
        unit="m",
        low=-0.3,
        high=0.3,
        none="from ``bar_position``, scaled by stature",
    )

    # ----------------------------------------------------------------------------- core ----
    def _prepare(self, b: BodyRow) -> standing.Setup:
        """The model's set-up: the bar on the back, shank and knee at the bottom."""
        above_f, behind_f = BAR_PLACEMENT[self.bar_position]
        above, behind = standing.bar_placement(
            above_f,
            behind_f,
            np.nan if self.bar_above_shoulder_m is None else self.bar_above_shoulder_m,
            np.nan if self.bar_behind_shoulder_m is None else self.bar_behind_shoulder_m,
            b.height,
        )
        shank = np.nan if self.shank_angle_deg is None else self.shank_angle_deg
        s = standing.squat_setup(b, self.load_kg, self.depth_deg, shank, above, behind)
        bottom, ratio = standing.squat_posture(b, s, np.zeros(1))
        check_joint_ranges(self._setting(), b, bottom, ratio, hip=False)
        lockout, ratio = standing.squat_posture(b, s, np.ones(1))
        check_joint_ranges(self._setting(), b, lockout, ratio)
        return s

    def _setting(self) -> str:
        return (
            f"`depth_deg` = {shown(self.depth_deg)} with `shank_angle_deg` = "
            f"{shown(self.shank_angle_deg)}"
        )

    def _resolved(self, b: BodyRow, prepared: Any) -> dict[str, Any]:
        s = prepared
        return {
            "bar_above_shoulder_m": s.radius * s.cos_offset - b.trunk,
            "bar_behind_shoulder_m": s.radius * s.sin_offset,
            "shank_angle_deg": np.rad2deg(s.alpha_bottom),
        }

    def _chain(self, b: BodyRow, prepared: Any, phase) -> tuple[Chain, Any]:
        return standing.squat_posture(b, prepared, phase)

    def _values(self, b: BodyRow, prepared: Any, phase, g: float) -> Any:
        return squat_values(b, prepared, phase, g)

    def _check_extremes(self, prepared: Any, max_reach, max_flexion_deg) -> None:
        check_path_extremes(
            self._setting(),
            max_reach,
            prepared.kappa_bottom,
            max_flexion_deg,
            "bar distance behind midfoot, so no trunk angle keeps the bar over midfoot. Squat "
            "less deep or let the knees travel further forward.",
        )
