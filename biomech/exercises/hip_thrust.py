"""Barbell hip thrust: the feet flat and fixed, the upper back rolling over a padded bench edge.

Geometry (:mod:`biomech.model.hip_thrust`; ``docs/model.md`` has the figure): the feet are flat
and fixed, the upper back rests on the bench's rounded edge and rolls over it without slipping,
and the bar lies in the crease between thigh and trunk, on the pelvis. The phase ``p`` moves
the trunk angle linearly from the bottom (``p = 0``, the plates touch the floor) to lockout
(``p = 1``, hip flexion ``-hyperextension_deg``).

Statics: the feet and the bench make two contacts, five unknown reaction components against
three equations. Where the feet press is given (``cop_fraction``); the squeeze between back
and feet (the bench's horizontal push) is chosen by a rule (``bench_reaction``) inside both
friction cones (``bench_friction``, ``floor_friction``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Literal

import numpy as np

from .._contacts import check_bench
from ..model import hip_thrust as model
from ..model.evaluate import hip_thrust_values
from ..model.geometry import Chain
from ..model.hip_thrust import OFFSET_FRACTION
from ..model.rows import BodyRow
from ..model.statics import LEAST_SQUEEZE, NORMAL, VERTICAL
from ..parameters import describe, parameter
from ..pose import BenchContact
from ._base import LOAD_PARAMETER, Exercise
from ._hip_thrust_checks import check_setup

__all__ = [
    "BENCH_FRICTION",
    "BENCH_HEIGHT_M",
    "EDGE_RADIUS_M",
    "FLOOR_FRICTION",
    "OFFSET_FRACTION",
    "HipThrust",
]

#: How the model codes each ``bench_reaction`` (:func:`biomech.model.statics.squeeze`).
RULES = {"least_squeeze": LEAST_SQUEEZE, "vertical": VERTICAL, "normal": NORMAL}
#: Default static friction coefficient of a clothed back on a bench's vinyl pad: clothed people
#: sliding on a vinyl seat cover measured 0.50-0.57 (Lamsal & Bush 2024, Experimental
#: Techniques, doi:10.1007/s40799-024-00733-w); dry skin is typically about 0.5, wet skin
#: above 1 (Derler & Gerhardt 2012, Tribology Letters 45:1-27).
BENCH_FRICTION = 0.5
#: Default static friction coefficient of training shoes on a gym floor: dry athletic shoes
#: on sport surfaces reach about 0.8 (the traction recommended for sport surfaces, Frederick
#: 1993 and Valiant 1990, as cited by Dura 1999, ISSS; performance stops improving at 0.82,
#: Luo & Stefanyshyn 2011, Footwear Science 3:127-138), above the 0.5 "non-hazardous"
#: threshold of ASTM D2047 and the 0.6 "high traction" level of ANSI/NFSI B101.1.
FLOOR_FRICTION = 0.8
#: Default bench height (m): coaching sources give 33-43 cm (13-17 in) or 40-45 cm for the hip
#: thrust, and a standard flat bench is about 43 cm high (IPF flat-bench rules: 42-45 cm).
BENCH_HEIGHT_M = 0.40
#: Default radius of the pad's rounded edge (m): modelling estimate for the 5-10 cm foam of a
#: bench's pad (no measured value was found).
EDGE_RADIUS_M = 0.04


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
    >>> float(hip.idxmax()), round(float(hip.sel(phase=1.0) / hip.max()), 2)  # peak at bottom
    (0.0, 0.76)
    """

    name: ClassVar[str] = "hip_thrust"
    forces: ClassVar[tuple[str, ...]] = ("bar", "ground", "bench")
    #: The bar lies in the hip crease, on the pelvis: below the lumbar joint.
    bar_above_lumbar: ClassVar[bool] = False

    load_kg: float = LOAD_PARAMETER(
        "Total mass of the barbell (bar and plates). ``0`` is the bodyweight variant."
    )
    bench_height_m: float | None = parameter(
        BENCH_HEIGHT_M,
        "a bench height",
        "Height of the top of the bench's pad. The default is in the 33-45 cm that coaching "
        "sources give for the hip thrust (13-17 in; 40-45 cm; a standard flat bench is about "
        "43 cm) and below the knee height of most adults.",
        unit="m",
        low=0.05,
        high=1.5,
        none="the lifter's standing knee height (ankle height + shank length)",
    )
    feet_distance_m: float | None = parameter(
        None,
        "a distance",
        "Horizontal distance from the bench's edge (the axis of its rounded edge) to the ankle "
        "joint centre.",
        unit="m",
        low=0.0,
        high=2.0,
        low_open=True,
        none="the distance that makes the shank vertical at lockout",
    )
    bench_reaction: Literal["least_squeeze", "vertical", "normal"] = parameter(
        "least_squeeze",
        "a bench reaction",
        "How the squeeze between back and feet is chosen: the statics leaves the bench's "
        'horizontal push undetermined. ``"least_squeeze"``: the smallest horizontal push that '
        "keeps the bench's force within ``bench_friction`` of the back's normal and the "
        "floor's within ``floor_friction`` of vertical (neither contact pulls or slips; a "
        "set-up with none is refused). Two idealisations, which warn when a contact could "
        'not give their force: ``"vertical"``, no horizontal force at the bench (nor, '
        'therefore, at the floor: the beam picture); ``"normal"``, a frictionless back, '
        "pushed perpendicular to the trunk, the floor supplying the horizontal balance.",
        choices=("least_squeeze", "vertical", "normal"),
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
        "Where the back touches the bench with the trunk horizontal, as a fraction of the trunk "
        "from the hip joint centres (0) to the shoulder joint centres (1); the back rolls over "
        "the edge, so the contact moves along the back as the trunk turns. Below a quarter of "
        "the trunk the bench would be under the lower back. The default puts it near the "
        "inferior angle of the scapula (about the level of T7; modelling estimate).",
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

    bench_edge_radius_m: float = parameter(
        EDGE_RADIUS_M,
        "a radius",
        "Radius of the bench pad's rounded edge, which the back rolls over (0: a sharp edge, "
        "the back pivoting on a fixed point of the trunk).",
        unit="m",
        low=0.0,
        high=0.2,
    )
    bench_friction: float = parameter(
        BENCH_FRICTION,
        "a friction coefficient",
        "Static friction coefficient of the back (a shirt) on the bench's pad: the bench's "
        "push stays within this ratio of the back's normal.",
        unit="1",
        low=0.0,
        high=2.0,
    )
    floor_friction: float = parameter(
        FLOOR_FRICTION,
        "a friction coefficient",
        "Static friction coefficient of the shoes on the floor: the floor's push stays within "
        "this ratio of vertical.",
        unit="1",
        low=0.0,
        high=2.0,
    )

    # ----------------------------------------------------------------------------- core ----
    def _prepare(self, b: BodyRow) -> model.Setup:
        """The model's set-up, checked (the numeric fields in declaration order, NaN for a
        ``None``)."""
        numbers = list(self._numbers())
        if self.bench_height_m is None:  # the knee height
            numbers[1] = b.ankle_height + b.shank
        with np.errstate(all="ignore"):  # a degenerate set-up fails a check below
            s = model.setup(b, *numbers, RULES[self.bench_reaction])
            f = model.feasibility(b, s)
        check_setup(self, f, s)
        return s

    def _resolved(self, b: BodyRow, prepared: Any) -> dict[str, Any]:
        s = prepared
        return {
            "bench_height_m": s.edge_y + s.edge_radius,
            "feet_distance_m": -s.edge_x,
            "cop_fraction": (s.cop_x - b.heel_x) / b.foot,
            "back_offset_m": s.standoff - s.edge_radius,
            "bar_offset_m": s.bar_offset,
        }

    def _chain(self, b: BodyRow, prepared: Any, phase) -> tuple[Chain, None]:
        s = prepared
        c = model.posture(b, s, model.phase_to_trunk(s, phase))[0]
        return c, None  # its extremes are checked with the set-up (``_prepare``)

    def _contact(self, b: BodyRow, prepared: Any, c: Chain) -> BenchContact:
        s = prepared
        nx, ny = model.back_normal(c)
        px, py = model.contact_point(s, c)
        shape = np.broadcast_shapes(np.shape(nx), np.shape(px))

        def full(v):
            return np.broadcast_to(v, shape)

        return BenchContact(
            point=full(px + 1j * py),
            normal=full(nx + 1j * ny),
            cop_x=full(s.cop_x),
            bench_friction=full(s.mu_bench),
            floor_friction=full(s.mu_floor),
            rule=full(s.rule),
        )

    def _values(self, b: BodyRow, prepared: Any, phase, g: float) -> Any:
        return hip_thrust_values(b, prepared, phase, g)

    def _check_rep(self, summary: Any) -> None:
        """Refuse a set-up whose reactions leave the friction cones somewhere in the rep (the
        extremes of a summary, :class:`~biomech.model.reduce.RepSummary` columns)."""
        Exercise._check_rep(self, summary)
        check_bench(self, summary.max_ground_friction_required,
                    summary.max_bench_friction_required, summary.min_bench_normal,
                    lambda i: "in the rep")  # fmt: skip
