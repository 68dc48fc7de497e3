"""One schema for every labelled result: each variable's dimensions, units, meaning and sign.

Every result of the library (:func:`biomech.simulate` held still or lifted to a tempo,
:func:`biomech.rep_metrics`, both modes of :func:`biomech.sweep`, lazy sweeps,
:func:`biomech.summarize`, :func:`biomech.compare_lifts`) is labelled from :data:`VARIABLES`
and :data:`COORDINATES`, with one name per quantity: the peak hip moment is
``peak_hip_moment`` wherever it appears. A variable's entry gives its own dimensions (after
the result's leading ones: a population's ``body``, swept parameters, ``phase`` or ``time``),
its units, a long name, for signed quantities which direction is positive and, for every
moment, force and moment contribution, its basis: ``"both legs"`` (the model's one sagittal
chain is both legs together: a joint moment is that of the two ankles, knees or hips),
``"whole body"`` (a load not shared between the legs) or ``"by force"`` (``force_vector``:
the bar and the bench on the whole body, the ground on both feet, :data:`FORCE_BASIS`).
:func:`biomech.per_leg` halves the bilateral ones.

Examples
--------
>>> VARIABLES["net_moment"].units, VARIABLES["net_moment"].dims
('N m', ('joint',))
>>> print(VARIABLES["peak_hip_moment"].long_name)
peak hip extension moment over the rep
>>> v = labelled("net_moment", ("phase",), [[1.0, 2.0, 3.0]])
>>> v.dims, v.attrs["positive"]
(('phase', 'joint'), 'ankle plantarflexion, knee extension, hip extension')
>>> one = labelled("net_moment", ("phase",), [[1.0, 2.0, 3.0]], legs="one")
>>> v.attrs["basis"], one.attrs["basis"]
('both legs', 'one leg')
>>> print(VARIABLES["force_vector"].attrs()["basis"])
by force: bar whole body, ground both legs, bench whole body
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import numpy as np
import xarray as xr

from .conventions import ANGLE_NAME, JOINTS, MOMENT_POSITIVE

__all__ = [
    "BOTH_LEGS",
    "BY_FORCE",
    "COORDINATES",
    "FORCE_BASIS",
    "LEGS",
    "ONE_LEG",
    "VARIABLES",
    "WHOLE_BODY",
    "Variable",
    "basis_text",
    "coordinate",
    "labelled",
    "summary_of",
]

#: The values of a result's ``legs`` attribute (and of the ``legs=`` keywords): the loads of
#: both legs together (the model's sagittal chain), or of one leg.
LEGS = ("both", "one")

#: A load on both legs together: a joint moment or force of the two ankles, knees or hips,
#: the ground reaction under both feet, a contribution to the moment of both hips.
BOTH_LEGS = "both legs"
#: A bilateral load of one leg (:func:`biomech.per_leg`: half of ``BOTH_LEGS``).
ONE_LEG = "one leg"
#: A load not shared between the legs (the bar's, the bench's).
WHOLE_BODY = "whole body"
#: A variable along ``force`` whose basis is each force's (:data:`FORCE_BASIS`).
BY_FORCE = "by force"

#: The basis of each external force: the bar and the bench act on the body as a whole, the
#: ground reaction is that of both feet.
FORCE_BASIS: Mapping[str, str] = MappingProxyType(
    {"bar": WHOLE_BODY, "ground": BOTH_LEGS, "bench": WHOLE_BODY}
)


def basis_text(basis: str, legs: str = "both") -> str:
    """The ``basis`` attribute of a variable of basis ``basis`` in a result of ``legs``
    (``"both"`` or ``"one"``): a bilateral load is ``"both legs"`` or ``"one leg"``.

    Examples
    --------
    >>> basis_text(BOTH_LEGS, "one"), basis_text(WHOLE_BODY, "one")
    ('one leg', 'whole body')
    """

    def of(b: str) -> str:
        return ONE_LEG if b == BOTH_LEGS and legs == "one" else b

    if basis == BY_FORCE:
        return "by force: " + ", ".join(f"{f} {of(b)}" for f, b in FORCE_BASIS.items())
    return of(basis)


@dataclass(frozen=True, slots=True)
class Variable:
    """A labelled quantity: units, long name, its own dimensions, its positive sign and, for
    a load (a moment, a force, a moment contribution), its basis (:data:`BOTH_LEGS`,
    :data:`WHOLE_BODY` or :data:`BY_FORCE`)."""

    units: str
    long_name: str
    dims: tuple[str, ...] = ()
    positive: str | None = None
    basis: str | None = None

    def attrs(self, legs: str = "both") -> dict[str, str]:
        """The variable's attributes in a result of ``legs`` (``"both"`` or ``"one"``)."""
        out = {"units": self.units, "long_name": self.long_name}
        if self.positive is not None:
            out["positive"] = self.positive
        if self.basis is not None:
            out["basis"] = basis_text(self.basis, legs)
        return out


MOMENTS = ", ".join(f"{j} {MOMENT_POSITIVE[j]}" for j in JOINTS)
ANGLES = ", ".join(f"{j} {ANGLE_NAME[j]}" for j in JOINTS)

_SAMPLE = {
    # held still (simulate) -------------------------------------------------------------
    "joint_angle": Variable(
        "deg", "joint angle (ankle dorsiflexion, knee flexion, hip flexion)", ("joint",), ANGLES
    ),
    "net_moment": Variable(
        "N m", "net internal joint moment", ("joint",), MOMENTS, basis=BOTH_LEGS
    ),
    "position": Variable("m", "position of named points", ("point", "axis")),
    "segment_angle": Variable(
        "deg", "segment axis direction, counter-clockwise from +x", ("segment",)
    ),
    "segment_mass": Variable("kg", "segment mass (both sides for legs and arms)", ("segment",)),
    "trunk_upper_mass": Variable("kg", "mass of the trunk above the lumbar joint"),
    "trunk_upper_com": Variable(
        "m", "centre of mass of the trunk above the lumbar joint", ("axis",)
    ),
    "segment_com": Variable("m", "segment centre of mass", ("segment", "axis")),
    "force_vector": Variable(
        "N",
        "external force on the body (segment weights excluded)",
        ("force", "axis"),
        basis=BY_FORCE,
    ),
    "force_point": Variable("m", "point of application of the external force", ("force", "axis")),
    "hip_moment_arm": Variable(
        "m", "perpendicular distance from the hip centre to the force's line of action", ("force",)
    ),
    "hip_moment_contribution": Variable(
        "N m",
        "contribution of the force to the hip extension moment (from its side of the hip)",
        ("force",),
        "hip extension",
        basis=BOTH_LEGS,
    ),
    "segment_hip_moment_arm": Variable(
        "m",
        "horizontal distance from the hip centre to the segment's centre of mass (moment arm "
        "of its weight)",
        ("segment",),
    ),
    "segment_hip_moment_contribution": Variable(
        "N m",
        "contribution of the segment's weight to the hip extension moment (from its side of "
        "the hip)",
        ("segment",),
        "hip extension",
        basis=BOTH_LEGS,
    ),
    "center_of_pressure": Variable("m", "x of the centre of pressure under the feet"),
    "cop_within_foot": Variable("1", "centre of pressure between heel and toe"),
    "joint_force": Variable(
        "N",
        "net force on the body above the joint from the body below it",
        ("joint", "axis"),
        basis=BOTH_LEGS,
    ),
    "lumbar_moment": Variable(
        "N m",
        "net internal moment at the lumbar joint (on the trunk axis at the pelvis's upper "
        "boundary; rigid trunk)",
        (),
        "extension",
        basis=WHOLE_BODY,
    ),
    "lumbar_force": Variable(
        "N",
        "net force on the body above the lumbar joint from the body below it",
        ("axis",),
        basis=WHOLE_BODY,
    ),
    "body_com": Variable("m", "whole-body centre of mass (bar excluded)", ("axis",)),
    "ground_friction_required": Variable(
        "1", "horizontal over vertical ground reaction (friction coefficient the feet need)"
    ),
    "bench_friction_required": Variable(
        "1",
        "bench push along the back over its push normal to the back (friction coefficient "
        "the back needs)",
    ),
    # lifted to a tempo ------------------------------------------------------------------
    "quasi_static_net_moment": Variable(
        "N m",
        "net internal joint moment of the same posture held still (no inertia)",
        ("joint",),
        MOMENTS,
        basis=BOTH_LEGS,
    ),
    "inertial_net_moment": Variable(
        "N m",
        "part of the net internal joint moment due to inertia (dynamic minus quasi-static)",
        ("joint",),
        MOMENTS,
        basis=BOTH_LEGS,
    ),
    "segment_com_velocity": Variable(
        "m/s", "velocity of the segment centre of mass", ("segment", "axis")
    ),
    "segment_com_acceleration": Variable(
        "m/s^2", "acceleration of the segment centre of mass", ("segment", "axis")
    ),
    "segment_angular_velocity": Variable(
        "deg/s", "angular velocity of the segment, counter-clockwise", ("segment",)
    ),
    "segment_angular_acceleration": Variable(
        "deg/s^2", "angular acceleration of the segment, counter-clockwise", ("segment",)
    ),
    "bar_velocity": Variable("m/s", "bar velocity", ("axis",)),
    "bar_acceleration": Variable("m/s^2", "bar acceleration", ("axis",)),
    "segment_moment_of_inertia": Variable(
        "kg m^2",
        "moment of inertia about the segment centre of mass (sagittal rotation)",
        ("segment",),
    ),
    "trunk_upper_moment_of_inertia": Variable(
        "kg m^2",
        "moment of inertia of the trunk above the lumbar joint about its centre of mass",
    ),
    "phase_rate": Variable("1/s", "rate of change of phase"),
    "phase_acceleration": Variable("1/s^2", "second time derivative of phase"),
}

_METRICS = {
    "time_under_tension": Variable("s", "time under tension of the rep", ("rep",)),
    "time_above_half_peak": Variable(
        "s", "time with the net moment above half its peak over the set", ("rep", "joint")
    ),
    "moment_impulse": Variable(
        "N m s",
        "net joint moment integrated over the rep's time",
        ("rep", "joint"),
        MOMENTS,
        basis=BOTH_LEGS,
    ),
    "quasi_static_moment_impulse": Variable(
        "N m s",
        "quasi-static net joint moment integrated over the rep's time",
        ("rep", "joint"),
        MOMENTS,
        basis=BOTH_LEGS,
    ),
    "peak_moment": Variable(
        "N m", "largest net joint moment in the rep", ("rep", "joint"), MOMENTS, basis=BOTH_LEGS
    ),
    "time_at_peak_moment": Variable(
        "s", "time of the peak net joint moment, from the start of the set", ("rep", "joint")
    ),
    "phase_at_peak_moment": Variable(
        "1", "phase of the rep at the peak net joint moment", ("rep", "joint")
    ),
    "quasi_static_peak_moment": Variable(
        "N m",
        "largest quasi-static net joint moment in the rep",
        ("rep", "joint"),
        MOMENTS,
        basis=BOTH_LEGS,
    ),
    "set_time_under_tension": Variable("s", "time under tension of the set"),
    "set_moment_impulse": Variable(
        "N m s", "net joint moment impulse of the set", ("joint",), MOMENTS, basis=BOTH_LEGS
    ),
    "set_quasi_static_moment_impulse": Variable(
        "N m s",
        "quasi-static net joint moment impulse of the set",
        ("joint",),
        MOMENTS,
        basis=BOTH_LEGS,
    ),
}


def _joint_summaries(joint: str) -> dict[str, Variable]:
    """The summary of one joint's moment over a rep held still, in the one vocabulary."""
    sign = f"{joint} {MOMENT_POSITIVE[joint]}"
    what = f"{joint} {MOMENT_POSITIVE[joint]} moment"
    return {
        f"peak_{joint}_moment": Variable(
            "N m", f"peak {what} over the rep", (), sign, basis=BOTH_LEGS
        ),
        f"phase_at_peak_{joint}": Variable("1", f"phase of the rep at the peak {joint} moment"),
        f"hip_flexion_at_peak_{joint}": Variable("deg", f"hip flexion at the peak {joint} moment"),
        f"lockout_{joint}_moment": Variable("N m", f"{what} at lockout", (), sign, basis=BOTH_LEGS),
        f"lockout_to_peak_{joint}": Variable("1", f"{joint} moment at lockout over its peak"),
        f"mean_{joint}_moment": Variable(
            "N m", f"mean {what} over the phase", (), sign, basis=BOTH_LEGS
        ),
    }


_SUMMARY = {
    **{k: v for j in JOINTS for k, v in _joint_summaries(j).items()},
    "cop_leaves_foot": Variable("1", "the centre of pressure leaves the foot somewhere in the rep"),
    "mean_hip_moment_contribution": Variable(
        "N m",
        "mean over the phase of each external force's contribution to the hip extension "
        "moment (from its side of the hip)",
        ("force",),
        "hip extension",
        basis=BOTH_LEGS,
    ),
    "hip_moment_contribution_at_peak_hip": Variable(
        "N m",
        "each external force's contribution to the hip extension moment at its peak (from "
        "its side of the hip)",
        ("force",),
        "hip extension",
        basis=BOTH_LEGS,
    ),
    "hip_moment_arm_at_peak_hip": Variable(
        "m", "moment arm of each external force about the hip at the peak hip moment", ("force",)
    ),
    "upper_body_weight_hip_moment_at_peak_hip": Variable(
        "N m",
        "contribution of the weights above the hip (trunk, head, arms) to the hip extension "
        "moment at its peak",
        (),
        "hip extension",
        basis=BOTH_LEGS,
    ),
    "leg_weight_hip_moment_at_peak_hip": Variable(
        "N m",
        "contribution of the weights below the hip (feet, shanks, thighs) to the hip "
        "extension moment at its peak",
        (),
        "hip extension",
        basis=BOTH_LEGS,
    ),
    "max_ground_friction_required": Variable(
        "1", "largest friction coefficient the feet need over the rep (ground_friction_required)"
    ),
    "max_bench_friction_required": Variable(
        "1", "largest friction coefficient the back needs over the rep (bench_friction_required)"
    ),
}

#: Every variable of every result, by name.
VARIABLES: Mapping[str, Variable] = MappingProxyType({**_SAMPLE, **_METRICS, **_SUMMARY})

#: The coordinates of the results (the swept parameters' units come from their
#: declarations, :mod:`biomech.parameters`).
COORDINATES: Mapping[str, Variable] = MappingProxyType(
    {
        "phase": Variable("1", "phase of the rep (0 bottom, 1 lockout)"),
        "time": Variable("s", "time from the start of the set"),
        "rep_index": Variable("1", "rep of the set the sample belongs to (from 1)"),
        "movement": Variable("", "part of the rep (eccentric, pauses, concentric)"),
        "rep": Variable("1", "rep of the set (from 1)"),
        "height_m": Variable("m", "stature"),
        "mass_kg": Variable("kg", "body mass"),
    }
)


def labelled(name: str, lead: tuple[Any, ...], data: Any, legs: str = "both") -> xr.Variable:
    """The variable ``name`` of :data:`VARIABLES` over the leading dimensions ``lead`` (then
    its own), with its attributes (in a result of ``legs``, ``"both"`` or ``"one"``)."""
    spec = VARIABLES[name]
    return xr.Variable(lead + spec.dims, np.asarray(data, order="C"), spec.attrs(legs))


def coordinate(name: str, dims: Any, values: Any) -> tuple[Any, Any, dict[str, str]]:
    """The coordinate ``name`` (a :data:`COORDINATES` entry) as a (dims, values, attrs)
    tuple."""
    return dims, values, COORDINATES[name].attrs()


def summary_of(joint: str) -> tuple[str, ...]:
    """The names of the summary of one joint's moment (peak, where it happens, lockout,
    their ratio, mean), as :func:`biomech.summarize` reports them."""
    return tuple(_joint_summaries(joint))
