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
from typing import ClassVar, Literal

import numpy as np

from .._validation import InfeasibleSetupError, check_choice
from ..anthropometry import Body
from ..kinematics import law_of_cosines_angle, polar
from ._base import (
    MAX_HIP_FLEXION_DEG,
    BodyGeometry,
    Exercise,
    Pose,
    arm_points,
    assemble,
    foot_points,
    shown,
)

__all__ = ["HipThrust"]

_BISECTION_STEPS = 50  # halves the bracket to 1e-15 of its width
#: Default back and bar offsets (``back_offset_m``, ``bar_offset_m``), fractions of stature.
OFFSET_FRACTION = 0.055


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)  # Exercise: eq, hash
class HipThrust(Exercise):
    """Barbell hip thrust with the upper back on a bench.

    Parameters
    ----------
    load_kg : float, default 100.0
        Total mass of the barbell (bar and plates), kg, 0 to 1000. ``0`` is the bodyweight
        variant.
    bench_height_m : float or None, default None
        Height of the bench edge the back rests on, m. ``None``: the lifter's standing knee
        height (ankle height + shank length).
    feet_distance_m : float or None, default None
        Horizontal distance from the bench contact to the ankle joint centre, m. ``None``:
        the distance that makes the shank vertical at lockout.
    bench_reaction : {"vertical", "normal"}, default "vertical"
        Direction of the bench's push on the back. ``"vertical"``: no horizontal force at the
        bench (nor, therefore, at the floor). ``"normal"``: a frictionless back, pushed
        perpendicular to the trunk; the floor supplies the horizontal balance.
    cop_fraction : float or None, default None
        Where the feet press: the centre of pressure as a fraction of foot length from the heel
        (0 heel, 1 toe). ``None``: directly under the ankle joint centre.
    plate_diameter_m : float, default 0.45
        Plate diameter, m. The bottom of the rep is where the plates touch the floor (bar centre
        at half this height). Bodyweight reps use the same range of motion.
    hyperextension_deg : float, default 0.0
        Hip hyperextension at lockout, deg, in [0, 30] (posterior pelvic tilt).
    bench_contact_fraction : float, default 0.75
        Where the back touches the bench, as a fraction of the trunk from the hip joint centres
        (0) to the shoulder joint centres (1), in [0.25, 1] (below a quarter of the trunk the
        bench would be under the lower back). The default puts it near the inferior angle of
        the scapula (about the level of T7; modelling estimate).
    back_offset_m : float or None, default None
        Distance from the trunk axis (hip to shoulder joint centres) back to the skin at the
        bench contact, m. ``None``: 0.055 x stature (about 0.10 m at 1.80 m; estimate).
    bar_offset_m : float or None, default None
        Distance from the hip joint centre to the bar centre, along the bisector of the crease
        between thigh and trunk, m. ``None``: 0.055 x stature (estimate: anterior soft tissue
        at the crease plus the bar's radius).

    Notes
    -----
    The bar rests on the pelvis, so its weight acts above the hip joint. The hands steady the
    bar and carry none of its weight; the arms reach from the shoulders to the bar with the
    elbows pointing away from the floor.

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

    load_kg: float = 100.0
    bench_height_m: float | None = None
    feet_distance_m: float | None = None
    bench_reaction: Literal["vertical", "normal"] = "vertical"
    cop_fraction: float | None = None
    plate_diameter_m: float = 0.45
    hyperextension_deg: float = 0.0
    bench_contact_fraction: float = 0.75
    back_offset_m: float | None = None
    bar_offset_m: float | None = None

    def __post_init__(self) -> None:
        self._check_load()
        self._check_field(
            "bench_height_m",
            optional=True,
            low=0.05,
            high=1.5,
            expected="a bench height in metres between 0.05 and 1.5 (or None)",
        )
        self._check_field(
            "feet_distance_m",
            optional=True,
            low=0.0,
            low_inclusive=False,
            high=2.0,
            expected="a distance in metres between 0 and 2 (or None)",
        )
        check_choice("bench_reaction", self.bench_reaction, ("vertical", "normal"))
        self._check_field(
            "cop_fraction",
            optional=True,
            low=0.0,
            high=1.0,
            expected="a fraction of foot length from the heel in [0, 1] (or None)",
        )
        self._check_field(
            "plate_diameter_m",
            low=0.0,
            low_inclusive=False,
            high=1.0,
            expected="a plate diameter in metres in (0, 1]",
        )
        self._check_field(
            "hyperextension_deg", low=0.0, high=30.0, expected="an angle in degrees in [0, 30]"
        )
        self._check_field(
            "bench_contact_fraction",
            low=0.25,
            high=1.0,
            expected="a fraction of trunk length in [0.25, 1]",
        )
        for name in ("back_offset_m", "bar_offset_m"):
            self._check_field(
                name,
                optional=True,
                low=0.0,
                high=0.4,
                expected="a distance in metres in [0, 0.4] (or None)",
            )

    # ----------------------------------------------------------------------------- core ----
    def _setup(self, geo: BodyGeometry) -> dict[str, np.ndarray]:
        """Per set-up quantities: bench contact, contact on the trunk, range of hip flexion."""
        L_s, L_th, L_t = geo.shank, geo.thigh, geo.trunk
        ankle = 1j * geo.ankle_height
        knee_height = geo.ankle_height + L_s
        bench_h = knee_height if self.bench_height_m is None else self.bench_height_m + 0 * L_s
        default_offset = OFFSET_FRACTION * geo.height
        back = default_offset if self.back_offset_m is None else self.back_offset_m + 0 * L_s
        bar_off = default_offset if self.bar_offset_m is None else self.bar_offset_m + 0 * L_s
        # contact in the trunk frame: along the axis, and posterior (counter-clockwise normal)
        along = self.bench_contact_fraction * L_t
        r_c = np.hypot(along, back)
        gamma_c = np.arctan2(back, along)
        phi_lock = -np.deg2rad(self.hyperextension_deg) + 0 * L_s

        # lockout: K->C = exp(i*theta_thigh) * Q with Q = L_th + r_c*exp(-i*(phi - gamma_c))
        q_lock = L_th + r_c * np.exp(-1j * (phi_lock - gamma_c))
        if self.feet_distance_m is None:
            rise = bench_h - knee_height
            lockout_rise_ratio = rise / np.abs(q_lock)
            x_c = -np.sqrt(np.clip(np.abs(q_lock) ** 2 - rise**2, 0.0, None))
        else:
            lockout_rise_ratio = np.zeros_like(L_s)
            x_c = -self.feet_distance_m + 0 * L_s
        contact = x_c + 1j * bench_h
        ac = np.abs(contact - ankle)
        # four-bar closure needs |L_s - |AC|| <= |Q(phi)| <= L_s + |AC|; beyond phi = gamma_c
        # |Q| falls as the hip flexes, so the deepest closed posture is where it reaches d_min
        d_min = np.abs(ac - L_s)
        c_min = (d_min**2 - L_th**2 - r_c**2) / (2 * L_th * r_c)
        phi_geo = np.arccos(np.clip(c_min, -1.0, 1.0)) + gamma_c
        phi_hi = np.minimum(phi_geo, np.deg2rad(MAX_HIP_FLEXION_DEG)) - 1e-9
        return {
            "ankle": ankle,
            "contact": contact,
            "r_c": r_c,
            "gamma_c": gamma_c,
            "bar_offset": bar_off,
            "phi_lock": phi_lock,
            "phi_hi": phi_hi,
            "lockout_rise_ratio": lockout_rise_ratio,
            "lockout_chain": np.abs(q_lock),
            # |Q| is largest where thigh and hip-to-contact line are collinear (phi = gamma_c),
            # which every rep passes through (lockout at phi <= 0 <= gamma_c < bottom)
            "longest_chain": L_th + r_c,
            "ankle_to_contact": ac,
            "bench_height": bench_h,
        }

    def _chain(self, geo: BodyGeometry, s: dict[str, np.ndarray], phi):
        """Knee, hip, shoulder, bar and segment angles of the four-bar at hip flexion ``phi``."""
        ankle, contact = s["ankle"], s["contact"]
        q = geo.thigh + s["r_c"] * np.exp(-1j * (phi - s["gamma_c"]))
        ac = contact - ankle
        beta = law_of_cosines_angle(geo.shank, np.abs(ac), np.abs(q))
        theta_shank = np.angle(ac) - beta  # knee clockwise of the ankle->contact line (up)
        knee = ankle + polar(geo.shank, theta_shank)
        theta_thigh = np.angle(contact - knee) - np.angle(q)
        hip = knee + polar(geo.thigh, theta_thigh)
        theta_trunk = theta_thigh - phi
        bar = hip - 1j * s["bar_offset"] * np.exp(0.5j * (theta_thigh + theta_trunk))
        return knee, hip, theta_trunk, bar

    def _bottom(self, geo: BodyGeometry, s: dict[str, np.ndarray]) -> np.ndarray:
        """Hip flexion (rad) at which the bar centre is at plate radius: vectorized bisection."""
        target = 0.5 * self.plate_diameter_m
        lo = np.broadcast_to(
            s["phi_lock"], np.broadcast_shapes(np.shape(s["phi_lock"]), np.shape(s["phi_hi"]))
        ).copy()
        hi = np.broadcast_to(s["phi_hi"], lo.shape).copy()
        for _ in range(_BISECTION_STEPS):  # fixed count: iterations, not samples
            mid = 0.5 * (lo + hi)
            above = self._chain(geo, s, mid)[3].imag > target
            lo = np.where(above, mid, lo)
            hi = np.where(above, hi, mid)
        return 0.5 * (lo + hi)

    def _check(self, geo: BodyGeometry, s: dict[str, np.ndarray]) -> None:
        """Raise ValueError for set-ups the chain cannot reach."""
        bench = (
            "'default (knee height)'" if self.bench_height_m is None else shown(self.bench_height_m)
        )
        ratio = s["lockout_rise_ratio"]
        if np.any(np.abs(ratio) > 1.0):
            too_high = bool(np.any(ratio > 1.0))
            miss = float(
                np.max(np.abs(ratio) * np.abs(geo.thigh + s["r_c"]) - np.abs(geo.thigh + s["r_c"]))
            )
            msg = (
                f"`bench_height_m` = {bench} is too {'high' if too_high else 'low'} for "
                f"these legs: with the shank vertical the hips cannot reach lockout (short "
                f"by about {miss:.3f} m). Lower the bench, or set `feet_distance_m`."
            )
            raise InfeasibleSetupError(msg)
        heel_behind = -geo.heel_to_ankle - s["contact"].real  # heel x minus the bench edge's
        if np.any(heel_behind <= 0.0):
            msg = (
                f"`feet_distance_m` = {shown(self.feet_distance_m)} is too close to the bench: "
                f"the heels would be {float(np.max(-heel_behind)):.3f} m under the bench edge. "
                f"Move the feet at least that much further from the bench."
            )
            raise InfeasibleSetupError(msg)
        q, ac = s["lockout_chain"], s["ankle_to_contact"]
        if np.any(q < ac - geo.shank):
            msg = (
                f"`feet_distance_m` = {shown(self.feet_distance_m)} is too far from the bench: "
                f"the legs cannot reach lockout (short by "
                f"{float(np.max(ac - geo.shank - q)):.3f} m)."
            )
            raise InfeasibleSetupError(msg)
        longest = s["longest_chain"]
        if np.any(longest > ac + geo.shank):
            msg = (
                f"`feet_distance_m` = {shown(self.feet_distance_m)} is too close to the bench: "
                f"thigh and trunk are {float(np.max(longest - ac - geo.shank)):.3f} m too long "
                f"to fit in between as the hips pass through extension."
            )
            raise InfeasibleSetupError(msg)
        bar_lock = self._chain(geo, s, s["phi_lock"])[3].imag
        r_plate = 0.5 * self.plate_diameter_m
        if np.any(bar_lock <= r_plate):
            msg = (
                f"`bench_height_m` = {bench} is too low for plates of "
                f"`plate_diameter_m` = {shown(self.plate_diameter_m)} with `feet_distance_m` = "
                f"{shown(self.feet_distance_m)}: at lockout the bar centre is at "
                f"{float(np.min(bar_lock)):.3f} m, below the plate radius {r_plate:.3f} m, so "
                f"the plates would rest on the floor. Raise the bench or move the feet away."
            )
            raise InfeasibleSetupError(msg)
        bar_hi = self._chain(geo, s, s["phi_hi"])[3].imag
        if np.any(bar_hi > r_plate):
            msg = (
                f"the plates cannot reach the floor with `bench_height_m` = {bench} and "
                f"`feet_distance_m` = {shown(self.feet_distance_m)}: the bar centre stays "
                f"{float(np.max(bar_hi - r_plate)):.3f} m above the plate radius in the "
                f"lowest posture the chain allows (knees straight, or "
                f"{MAX_HIP_FLEXION_DEG:.0f} deg of hip flexion). Bring the feet closer, "
                f"lower the bench or use larger plates."
            )
            raise InfeasibleSetupError(msg)

    def _pose(self, body: Body, phase: np.ndarray) -> Pose:
        geo = BodyGeometry.of(body)
        s = self._setup(geo)
        self._check(geo, s)
        phi_bottom = self._bottom(geo, s)
        phi = phi_bottom + (s["phi_lock"] - phi_bottom) * phase
        knee, hip, theta_trunk, bar = self._chain(geo, s, phi)
        shoulder = hip + polar(geo.trunk, theta_trunk)
        arm = arm_points(geo, shoulder, bar, elbow_side=1.0)
        foot = foot_points(geo)
        if self.cop_fraction is None:
            cop_x = 0.0 * geo.foot
        else:
            cop_x = foot["heel"].real + self.cop_fraction * geo.foot
        if self.bench_reaction == "vertical":
            direction = 1j + 0 * theta_trunk
        else:  # anterior normal of the trunk: away from the bench surface
            direction = -1j * np.exp(1j * theta_trunk)
        contact = s["contact"] + 0 * phi
        return assemble(
            geo,
            foot,
            knee,
            hip,
            shoulder,
            bar,
            arm,
            {"bench_contact": contact},
            bench_direction=direction,
            cop_x=cop_x,
        )
