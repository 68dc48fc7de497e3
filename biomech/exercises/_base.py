"""What every exercise shares: the posture container, body geometry and the arm chain."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from .._repr import html_table, unit_of
from .._validation import array_key, check_real, read_only
from ..anthropometry import Body
from ..conventions import SEGMENTS
from ..kinematics import polar, two_link_first_angle

__all__ = ["BodyGeometry", "Exercise", "Pose"]

#: Heaviest barbell any set-up takes, kg: about twice the heaviest bar lifted in any of these
#: lifts (a 501 kg deadlift, H. Bjornsson 2020), so that only impossible loads are refused.
MAX_LOAD_KG = 1000.0

#: Anatomical limits the set-ups must respect, deg.
MAX_KNEE_FLEXION_DEG = 165.0
MAX_HIP_FLEXION_DEG = 150.0


@dataclass(frozen=True, slots=True)
class BodyGeometry:
    """A body's lengths in metres as arrays (the core's view of a :class:`Body`).

    Every field has the body's broadcast shape plus ``extra_dims`` trailing length-1 axes,
    so that it broadcasts against a phase axis.
    """

    foot: np.ndarray
    shank: np.ndarray
    thigh: np.ndarray
    trunk: np.ndarray
    upper_arm: np.ndarray
    forearm: np.ndarray
    hand: np.ndarray
    ankle_height: np.ndarray
    heel_to_ankle: np.ndarray
    head_com_above_shoulder: np.ndarray
    grip: np.ndarray
    height: np.ndarray
    mass: np.ndarray
    com_fraction: Mapping[str, float]

    @classmethod
    def of(cls, body: Body, extra_dims: int = 1) -> BodyGeometry:
        """Scale ``body`` to lengths, with ``extra_dims`` trailing axes for broadcasting."""
        shape = body.shape + (1,) * extra_dims

        def arr(v: Any) -> np.ndarray:
            return np.broadcast_to(np.asarray(v, dtype=float), body.shape).reshape(shape)

        t = body.table
        return cls(
            foot=arr(body.segment_length("foot")),
            shank=arr(body.segment_length("shank")),
            thigh=arr(body.segment_length("thigh")),
            trunk=arr(body.segment_length("trunk")),
            upper_arm=arr(body.segment_length("upper_arm")),
            forearm=arr(body.segment_length("forearm")),
            hand=arr(body.segment_length("hand")),
            ankle_height=arr(body.ankle_height_m),
            heel_to_ankle=arr(body.heel_to_ankle_m),
            head_com_above_shoulder=arr(body.head_com_above_shoulder_m),
            grip=arr(t.grip_fraction * np.asarray(body.segment_length("hand"))),
            height=arr(body.height_m),
            mass=arr(body.mass_kg),
            com_fraction=t.com_fraction,
        )

    @property
    def midfoot_x(self) -> np.ndarray:
        """x of the middle of the foot (halfway from heel to toe), m."""
        return 0.5 * self.foot - self.heel_to_ankle

    @property
    def reach(self) -> np.ndarray:
        """Shoulder to bar centre with the arm straight, m."""
        return self.upper_arm + self.forearm + self.grip


@dataclass(frozen=True, slots=True)
class Pose:
    """A posture over phase, as core arrays.

    Attributes
    ----------
    points : dict of str -> complex ndarray
        Named points (``x + 1j*y``, m).
    segment_angle : dict of str -> ndarray
        Segment axis directions (rad, counter-clockwise from +x; see :mod:`biomech.conventions`).
    segment_com : dict of str -> complex ndarray
        Centre of mass of each segment (m).
    bench_direction : complex ndarray or None
        Unit vector of the assumed bench reaction (hip thrust only).
    cop_x : ndarray or None
        Prescribed centre of pressure (hip thrust only); ``None`` means solve it from
        equilibrium.
    """

    points: dict[str, np.ndarray]
    segment_angle: dict[str, np.ndarray]
    segment_com: dict[str, np.ndarray]
    bench_direction: np.ndarray | None = None
    cop_x: np.ndarray | None = None


def foot_points(geo: BodyGeometry) -> dict[str, np.ndarray]:
    """Heel, toe, midfoot and ankle of a flat foot whose ankle is above the origin."""
    heel = -geo.heel_to_ankle + 0j
    toe = geo.foot - geo.heel_to_ankle + 0j
    return {
        "heel": heel,
        "toe": toe,
        "midfoot": 0.5 * (heel + toe),
        "ankle": 1j * geo.ankle_height,
    }


def arm_points(geo: BodyGeometry, shoulder, grip, elbow_side: float) -> dict[str, np.ndarray]:
    """Elbow and wrist of an arm reaching from ``shoulder`` to ``grip`` (straight wrist).

    ``elbow_side`` +1 puts the elbow counter-clockwise from the shoulder->grip line, -1
    clockwise. A grip out of reach leaves the arm straight and pointing at it.
    """
    distal = geo.forearm + geo.grip
    theta_upper = two_link_first_angle(shoulder, grip, geo.upper_arm, distal, elbow_side)
    elbow = shoulder + polar(geo.upper_arm, theta_upper)
    theta_fore = np.angle(grip - elbow)
    wrist = elbow + polar(geo.forearm, theta_fore)
    return {
        "elbow": elbow,
        "wrist": wrist,
        "grip": wrist + polar(geo.grip, theta_fore),
        "_theta_upper_arm": theta_upper,
        "_theta_forearm": theta_fore,
        "_hand_scale": np.ones(()),
    }


def projected_arm_points(geo: BodyGeometry, shoulder, elbow, grip) -> dict[str, np.ndarray]:
    """An arm whose sagittal projection runs shoulder -> ``elbow`` -> ``grip``.

    For a wide grip the arm lies largely in the frontal plane, and the sagittal model sees its
    projection: the wrist divides the elbow->grip line in the ratio of forearm to grip length,
    and every centre of mass keeps its fraction along the projected segment (projection is
    linear), so the weights act where they should in the sagittal plane.
    """
    fore = grip - elbow
    ratio = geo.forearm / (geo.forearm + geo.grip)
    theta_fore = np.angle(fore)
    return {
        "elbow": elbow,
        "wrist": elbow + ratio * fore,
        "grip": grip,
        "_theta_upper_arm": np.angle(elbow - shoulder),
        "_theta_forearm": theta_fore,
        "_hand_scale": np.abs(fore) / (geo.forearm + geo.grip),
    }


def assemble(
    geo: BodyGeometry,
    foot: dict[str, np.ndarray],
    knee,
    hip,
    shoulder,
    bar,
    arm: dict[str, np.ndarray],
    extra_points: dict[str, np.ndarray] | None = None,
    *,
    bench_direction=None,
    cop_x=None,
) -> Pose:
    """Collect the points and segment angles of a posture into a :class:`Pose`."""
    theta_shank = np.angle(knee - foot["ankle"])
    theta_thigh = np.angle(hip - knee)
    theta_trunk = np.angle(shoulder - hip)
    shape = np.broadcast_shapes(*(np.shape(v) for v in (knee, hip, shoulder, bar)))

    def full(v):
        return np.broadcast_to(v, shape)

    points = {
        **{k: full(v) for k, v in foot.items()},
        "knee": full(knee),
        "hip": full(hip),
        "shoulder": full(shoulder),
        "elbow": full(arm["elbow"]),
        "wrist": full(arm["wrist"]),
        "grip": full(arm["grip"]),
        "head": full(shoulder + polar(geo.head_com_above_shoulder, theta_trunk)),
        "bar": full(bar),
    }
    for k, v in (extra_points or {}).items():
        points[k] = full(v)
    angles = {
        "foot": full(np.zeros(())),
        "shank": full(theta_shank),
        "thigh": full(theta_thigh),
        "trunk": full(theta_trunk),
        "head": full(theta_trunk),
        "upper_arm": full(arm["_theta_upper_arm"]),
        "forearm": full(arm["_theta_forearm"]),
        "hand": full(arm["_theta_forearm"]),
    }
    f = geo.com_fraction
    hand_axis = np.exp(1j * angles["hand"])
    com = {
        # the foot's centre of mass is on the heel-toe line at the table's fraction, raised to
        # half the ankle height (its height enters no joint moment: the foot does not move)
        "foot": points["heel"]
        + f["foot"] * (points["toe"] - points["heel"])
        + 0.5j * geo.ankle_height,
        "shank": points["knee"] + f["shank"] * (points["ankle"] - points["knee"]),
        "thigh": points["hip"] + f["thigh"] * (points["knee"] - points["hip"]),
        "trunk": points["shoulder"] + f["trunk"] * (points["hip"] - points["shoulder"]),
        "head": points["head"],
        "upper_arm": points["shoulder"] + f["upper_arm"] * (points["elbow"] - points["shoulder"]),
        "forearm": points["elbow"] + f["forearm"] * (points["wrist"] - points["elbow"]),
        "hand": points["wrist"] + f["hand"] * geo.hand * arm["_hand_scale"] * hand_axis,
    }
    assert set(angles) == set(SEGMENTS) == set(com)
    return Pose(
        points=points,
        segment_angle=angles,
        segment_com={k: full(v) for k, v in com.items()},
        bench_direction=None if bench_direction is None else full(bench_direction),
        cop_x=None if cop_x is None else full(cop_x),
    )


def shown(value: Any) -> str:
    """A parameter's value for an error message: its repr, or the range of a swept array.

    Examples
    --------
    >>> shown(0.45), shown(np.array([[0.4], [0.5]]))
    ('0.45', '0.4 to 0.5 (swept)')
    """
    if isinstance(value, np.ndarray) and value.size > 1:
        return f"{np.min(value):g} to {np.max(value):g} (swept)"
    if isinstance(value, np.ndarray):
        return repr(float(value.reshape(())))
    return repr(value)


class Exercise:
    """Base class of the exercise set-ups (frozen dataclasses in the subclasses).

    Subclasses define ``name``, ``load_kg`` and ``_pose(body, phase)``; they validate their
    own fields in ``__post_init__``.
    """

    name: ClassVar[str] = "exercise"
    #: External forces other than the segment weights, as :func:`biomech.statics.solve_pose`
    #: names them (the hip thrust adds the bench).
    forces: ClassVar[tuple[str, ...]] = ("bar", "ground")
    load_kg: Any

    def _pose(self, body: Body, phase: np.ndarray) -> Pose:  # pragma: no cover - abstract
        raise NotImplementedError

    def _check_field(self, name: str, *, optional: bool = False, **limits: Any) -> None:
        """Validate the real-valued field ``name`` (see ``check_real``) and store it as float
        (or a read-only float array)."""
        value = getattr(self, name)
        if optional and value is None:
            return
        object.__setattr__(self, name, read_only(check_real(name, value, **limits)))

    def _check_load(self) -> None:
        """Validate ``load_kg``: a barbell mass in [0, :data:`MAX_LOAD_KG`] kg."""
        self._check_field(
            "load_kg",
            low=0.0,
            high=MAX_LOAD_KG,
            expected=f"a barbell mass in kg between 0 and {MAX_LOAD_KG:g}",
        )

    def _key(self) -> tuple[Any, ...]:
        fields = dataclasses.fields(self)  # type: ignore[arg-type]
        return (type(self), *(array_key(getattr(self, f.name)) for f in fields))

    def __eq__(self, other: object) -> bool:
        """Set-ups are equal when they are the same exercise with equal fields (arrays by
        value)."""
        if not isinstance(other, Exercise):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def _repr_html_(self) -> str:
        """Parameters with their units, for Jupyter."""
        rows = [(f.name, getattr(self, f.name), unit_of(f.name)) for f in dataclasses.fields(self)]  # type: ignore[arg-type]
        return html_table(
            type(self).__name__,
            rows,
            "'default' values are derived from the body; see the docstring.",
        )

    def as_attrs(self) -> dict[str, Any]:
        """The set-up's parameters as flat dataset attributes (``None`` shown as 'default')."""
        out: dict[str, Any] = {"exercise": self.name}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            v = getattr(self, f.name)
            out[f.name] = "default" if v is None else v
        return out
