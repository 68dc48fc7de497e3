"""Barbell hip thrust: a four-bar chain foot-shank-thigh-trunk pivoting on a bench edge.

Geometry (see ``docs/`` for the figure): the feet are flat and fixed, the upper back rests on
the bench edge at a fixed point of the trunk (the bench contact, near the inferior angle of the
scapula), and the bar lies in the crease between thigh and trunk, on the pelvis. With the ankle
and the bench contact fixed, ankle-knee-hip-contact is a four-bar linkage with one degree of
freedom; the phase ``p`` moves hip flexion linearly from the bottom (``p = 0``, the plates
touch the floor) to lockout (``p = 1``, hip flexion ``-hyperextension_deg``).

Statics: the feet and the bench make two contacts, five unknown reaction components against
three equations. Two assumptions close the problem, both parameters: where the feet press
(``cop_fraction``) and the direction of the bench reaction (``bench_reaction``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Literal

import numpy as np

from .._validation import InfeasibleSetupError
from ..model import hip_thrust as model
from ..model.evaluate import hip_thrust_values
from ..model.geometry import MAX_HIP_FLEXION_DEG, Chain
from ..model.hip_thrust import OFFSET_FRACTION
from ..model.rows import BodyRow
from ..parameters import describe, parameter
from ..pose import BenchContact
from ._base import LOAD_PARAMETER, Exercise, shown

__all__ = ["OFFSET_FRACTION", "HipThrust"]  # OFFSET_FRACTION: the model's default offsets


@describe
@dataclass(frozen=True, slots=True, kw_only=True, eq=False)  # Exercise: eq, hash
class HipThrust(Exercise):
    """Barbell hip thrust with the upper back on a bench.

    Parameters
    ----------
    (declared)

    Notes
    -----
    The bar rests on the pelvis, so its weight acts above the hip joint. The hands steady the
    bar and carry none of its weight; the arms reach from the shoulders to the bar with the
    elbows pointing away from the floor. :meth:`resolved` gives the values the ``None``
    fields take for a body.

    Examples
    --------
    >>> import biomech
    >>> ds = biomech.simulate(biomech.HipThrust(load_kg=100.0), n=5)
    >>> float(ds["joint_angle"].sel(joint="hip", phase=1.0)) + 0.0  # lockout: hip straight
    0.0
    >>> hip = ds["net_moment"].sel(joint="hip")
    >>> bool(hip.sel(phase=1.0) > 0.9 * hip.max())  # still near its largest at lockout
    True
    """

    name: ClassVar[str] = "hip_thrust"
    forces: ClassVar[tuple[str, ...]] = ("bar", "ground", "bench")

    load_kg: float = LOAD_PARAMETER(
        "Total mass of the barbell (bar and plates). ``0`` is the bodyweight variant."
    )
    bench_height_m: float | None = parameter(
        None,
        "a bench height",
        "Height of the bench edge the back rests on.",
        unit="m",
        low=0.05,
        high=1.5,
        none="the lifter's standing knee height (ankle height + shank length)",
    )
    feet_distance_m: float | None = parameter(
        None,
        "a distance",
        "Horizontal distance from the bench contact to the ankle joint centre.",
        unit="m",
        low=0.0,
        high=2.0,
        low_open=True,
        none="the distance that makes the shank vertical at lockout",
    )
    bench_reaction: Literal["vertical", "normal"] = parameter(
        "vertical",
        "a bench reaction",
        'Direction of the bench\'s push on the back. ``"vertical"``: no horizontal force at '
        'the bench (nor, therefore, at the floor). ``"normal"``: a frictionless back, pushed '
        "perpendicular to the trunk; the floor supplies the horizontal balance.",
        choices=("vertical", "normal"),
    )
    cop_fraction: float | None = parameter(
        None,
        "a fraction of foot length from the heel",
        "Where the feet press: the centre of pressure as a fraction of foot length from the "
        "heel (0 heel, 1 toe).",
        unit="1",
        low=0.0,
        high=1.0,
        none="directly under the ankle joint centre",
    )
    plate_diameter_m: float = parameter(
        0.45,
        "a plate diameter",
        "Plate diameter. The bottom of the rep is where the plates touch the floor (bar centre "
        "at half this height). Bodyweight reps use the same range of motion.",
        unit="m",
        low=0.0,
        high=1.0,
        low_open=True,
    )
    hyperextension_deg: float = parameter(
        0.0,
        "an angle",
        "Hip hyperextension at lockout (posterior pelvic tilt).",
        unit="deg",
        low=0.0,
        high=30.0,
    )
    bench_contact_fraction: float = parameter(
        0.75,
        "a fraction of trunk length",
        "Where the back touches the bench, as a fraction of the trunk from the hip joint "
        "centres (0) to the shoulder joint centres (1); below a quarter of the trunk the bench "
        "would be under the lower back. The default puts it near the inferior angle of the "
        "scapula (about the level of T7; modelling estimate).",
        unit="1",
        low=0.25,
        high=1.0,
    )
    back_offset_m: float | None = parameter(
        None,
        "a distance",
        "Distance from the trunk axis (hip to shoulder joint centres) back to the skin at the "
        "bench contact.",
        unit="m",
        low=0.0,
        high=0.4,
        none="0.055 x stature (about 0.10 m at 1.80 m; estimate)",
    )
    bar_offset_m: float | None = parameter(
        None,
        "a distance",
        "Distance from the hip joint centre to the bar centre, along the bisector of the "
        "crease between thigh and trunk.",
        unit="m",
        low=0.0,
        high=0.4,
        none="0.055 x stature (estimate: anterior soft tissue at the crease plus the bar's radius)",
    )

    # ----------------------------------------------------------------------------- core ----
    def _prepare(self, b: BodyRow) -> model.Setup:
        """The model's set-up, checked (the numeric fields in declaration order, NaN for a
        ``None``)."""
        s = model.setup(b, *self._numbers())
        self._check(b, s)
        return s

    def _resolved(self, b: BodyRow, prepared: Any) -> dict[str, Any]:
        s = prepared
        return {
            "bench_height_m": s.contact_y,
            "feet_distance_m": -s.contact_x,
            "cop_fraction": (s.cop_x - b.heel_x) / b.foot,
            "back_offset_m": s.r_c * s.sin_gamma,
            "bar_offset_m": s.bar_offset,
        }

    def _chain(self, b: BodyRow, prepared: Any, phase) -> tuple[Chain, None]:
        s = prepared
        phi = model.phase_to_flexion(model.bottom(b, s), s.phi_lock, phase)
        return model.posture(b, s, phi), None

    def _contact(self, b: BodyRow, prepared: Any, c: Chain) -> BenchContact:
        s = prepared
        ux, uy = model.bench_direction(c, self.bench_reaction == "normal")
        shape = np.broadcast_shapes(np.shape(ux), np.shape(s.contact_x))
        return BenchContact(
            point=np.broadcast_to(s.contact_x + 1j * s.contact_y, shape),
            direction=np.broadcast_to(ux + 1j * uy, shape),
            cop_x=np.broadcast_to(s.cop_x, shape),
        )

    def _values(self, b: BodyRow, prepared: Any, phase, g: float) -> Any:
        s = prepared
        normal = self.bench_reaction == "normal"
        return hip_thrust_values(b, s, model.bottom(b, s), phase, g, normal)

    def _check(self, b: BodyRow, s: model.Setup) -> None:
        """Raise :class:`~biomech.InfeasibleSetupError` for a set-up the chain cannot reach
        (the quantities of :func:`biomech.model.hip_thrust.feasibility`)."""
        with np.errstate(all="ignore"):  # a degenerate set-up fails an earlier test
            f = model.feasibility(b, s)
        bench = (
            "'default (knee height)'" if self.bench_height_m is None else shown(self.bench_height_m)
        )
        feet = shown(self.feet_distance_m)
        ratio = f.rise_ratio
        if np.any(np.abs(ratio) > 1.0):
            too_high = bool(np.any(ratio > 1.0))
            miss = float(np.max((np.abs(ratio) - 1.0) * s.longest_chain))
            msg = (
                f"`bench_height_m` = {bench} is too {'high' if too_high else 'low'} for "
                f"these legs: with the shank vertical the hips cannot reach lockout (short "
                f"by about {miss:.3f} m). Lower the bench, or set `feet_distance_m`."
            )
            raise InfeasibleSetupError(msg)
        if np.any(f.heels_before_edge <= 0.0):
            msg = (
                f"`feet_distance_m` = {feet} is too close to the bench: the heels would be "
                f"{float(np.max(-f.heels_before_edge)):.3f} m under the bench edge. Move the "
                f"feet at least that much further from the bench."
            )
            raise InfeasibleSetupError(msg)
        if np.any(f.lockout_reach < 0.0):
            msg = (
                f"`feet_distance_m` = {feet} is too far from the bench: the legs cannot reach "
                f"lockout (short by {float(np.max(-f.lockout_reach)):.3f} m)."
            )
            raise InfeasibleSetupError(msg)
        if np.any(f.passing_room < 0.0):
            msg = (
                f"`feet_distance_m` = {feet} is too close to the bench: thigh and trunk are "
                f"{float(np.max(-f.passing_room)):.3f} m too long to fit in between as the "
                f"hips pass through extension."
            )
            raise InfeasibleSetupError(msg)
        r_plate = 0.5 * self.plate_diameter_m
        if np.any(f.bar_above_plates_at_lockout <= 0.0):
            lowest = float(np.min(f.bar_above_plates_at_lockout + s.plate_radius))
            msg = (
                f"`bench_height_m` = {bench} is too low for plates of "
                f"`plate_diameter_m` = {shown(self.plate_diameter_m)} with `feet_distance_m` = "
                f"{feet}: at lockout the bar centre is at {lowest:.3f} m, below the plate "
                f"radius {float(np.max(r_plate)):.3f} m, so the plates would rest on the "
                f"floor. Raise the bench or move the feet away."
            )
            raise InfeasibleSetupError(msg)
        if np.any(f.bar_below_plates_at_deepest < 0.0):
            msg = (
                f"the plates cannot reach the floor with `bench_height_m` = {bench} and "
                f"`feet_distance_m` = {feet}: the bar centre stays "
                f"{float(np.max(-f.bar_below_plates_at_deepest)):.3f} m above the plate radius "
                f"in the lowest posture the chain allows (knees straight, or "
                f"{MAX_HIP_FLEXION_DEG:.0f} deg of hip flexion). Bring the feet closer, "
                f"lower the bench or use larger plates."
            )
            raise InfeasibleSetupError(msg)
