"""A posture over phase and its contacts: what an exercise hands to the statics.

The core knows no exercise. An exercise maps phase to a :class:`Pose` (named points, segment
angles and centres of mass) and says how the body is supported: by the floor alone
(:class:`FloorContact`), or by the floor and a bench, with a known centre of pressure, friction
coefficients and a rule for the squeeze between back and feet (:class:`BenchContact`).
:func:`biomech.statics.solve_pose` solves the reactions from the contact it is handed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np

from .conventions import SEGMENTS
from .model import geometry
from .model import statics as model_statics
from .model.rows import BodyRow, midfoot_x

__all__ = ["BenchContact", "FloorContact", "Pose", "assemble"]


@dataclass(frozen=True, slots=True)
class FloorContact:
    """The feet flat on the floor, the only support: the centre of pressure follows from
    equilibrium.

    Examples
    --------
    >>> import biomech
    >>> biomech.Squat()._pose(biomech.Body.default(), np.linspace(0, 1, 3)).contact
    FloorContact()
    """

    #: External forces other than the segment weights, in the order the statics reports them.
    forces: ClassVar[tuple[str, ...]] = ("bar", "ground")

    #: Whether the model solves a bench push (:func:`biomech.model.statics.reactions`).
    bench: ClassVar[bool] = False

    def map(self, fn: Callable[[np.ndarray], np.ndarray]) -> FloorContact:
        """The same contact with ``fn`` applied to every array it holds (it holds none)."""
        return self

    def terms(self) -> tuple[np.ndarray, ...]:
        """The contact as the model's statics takes it: ``(x, y, ux, uy, cop_x)``, unused here
        (the centre of pressure is solved)."""
        return model_statics.floor_only(np.zeros(()))

    def named_points(self) -> dict[str, np.ndarray]:
        """The contact's points to add to the posture's: none."""
        return {}

    def supports(self, r, h) -> list[tuple[Any, ...]]:
        """The reactions besides the ground's, as ``(point, force, direction, hip arm, hip
        share)`` from the model's reactions ``r`` and hip shares ``h``: none."""
        return []


@dataclass(frozen=True, slots=True)
class BenchContact:
    """The feet on the floor and the back on a bench: two contacts, five unknown reaction
    components against three equations. Where the feet press is given; the bench's horizontal
    push (the squeeze between back and feet) is chosen by a rule within both friction cones
    (:func:`biomech.model.statics.squeeze`).

    Attributes
    ----------
    point : complex ndarray
        The bench contact on the back (m).
    normal : complex ndarray
        Unit normal of the back at the contact, pointing into the back (the direction of a
        frictionless bench's push).
    cop_x : ndarray
        x of the centre of pressure under the feet (m).
    bench_friction, floor_friction : ndarray
        Static friction coefficients of back on bench and of shoes on floor.
    rule : ndarray
        The rule choosing the squeeze (:data:`biomech.model.statics.LEAST_SQUEEZE`,
        ``VERTICAL`` or ``NORMAL``).

    Examples
    --------
    >>> import biomech
    >>> contact = biomech.HipThrust()._pose(biomech.Body.default(), np.array([1.0])).contact
    >>> contact.forces, float(contact.bench_friction[0]), float(contact.floor_friction[0])
    (('bar', 'ground', 'bench'), 0.5, 0.8)
    """

    point: np.ndarray
    normal: np.ndarray
    cop_x: np.ndarray
    bench_friction: np.ndarray
    floor_friction: np.ndarray
    rule: np.ndarray
    forces: ClassVar[tuple[str, ...]] = ("bar", "ground", "bench")
    bench: ClassVar[bool] = True

    def map(self, fn: Callable[[np.ndarray], np.ndarray]) -> BenchContact:
        """The same contact with ``fn`` applied to every array it holds.

        Examples
        --------
        >>> one, two = np.ones(2), np.array([1j, 2j])
        >>> c = BenchContact(two, 1j * one, np.array([0.1, 0.2]), one, one, 0 * one)
        >>> c.map(lambda v: v[1:]).cop_x
        array([0.2])
        """
        return BenchContact(
            *(fn(getattr(self, name)) for name in self.__slots__)  # type: ignore[attr-defined]
        )

    def terms(self) -> tuple[np.ndarray, ...]:
        """The contact as the model's statics takes it: ``(x, y, nx, ny, cop_x, mu_bench,
        mu_floor, rule)``."""
        p, n = self.point, self.normal
        return (p.real, p.imag, n.real, n.imag, self.cop_x, self.bench_friction,
                self.floor_friction, self.rule)  # fmt: skip

    def named_points(self) -> dict[str, np.ndarray]:
        """The contact's points to add to the posture's: ``bench_contact``."""
        return {"bench_contact": self.point}

    def supports(self, r, h) -> list[tuple[Any, ...]]:
        """The bench's reaction as ``(point, force, direction, hip arm, hip share)`` from the
        model's reactions ``r`` and hip shares ``h``."""
        ux, uy = model_statics.bench_direction(r, self.terms())
        return [(self.point, r.bench_x + 1j * r.bench_y, ux + 1j * uy, h.bench_arm, h.bench)]


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
    contact : FloorContact or BenchContact
        How the body is supported.
    trunk_upper_com : complex ndarray
        Centre of mass of the trunk above the lumbar joint (m; :func:`biomech.trunk_parts`).
    trunk_upper_mass : ndarray
        Its mass (kg).
    bar_above_lumbar : bool
        Whether the bar rests on the body above the lumbar joint (shoulders, hands) or on the
        pelvis (the hip thrust).
    defaults : dict of str -> ndarray
        The value each field of the set-up left to ``None`` took for the body (by name).

    Examples
    --------
    >>> import biomech
    >>> pose = biomech.Deadlift()._pose(biomech.Body.default(), np.linspace(0, 1, 5))
    >>> pose.points["bar"].shape, round(float(pose.points["bar"][0].imag), 3)  # on the floor
    ((5,), 0.225)
    """

    points: dict[str, np.ndarray]
    segment_angle: dict[str, np.ndarray]
    segment_com: dict[str, np.ndarray]
    contact: FloorContact | BenchContact
    trunk_upper_com: np.ndarray
    trunk_upper_mass: np.ndarray
    bar_above_lumbar: bool = True
    defaults: dict[str, Any] = field(default_factory=dict)

    def map(self, fn: Callable[[np.ndarray], np.ndarray]) -> Pose:
        """The same posture with ``fn`` applied to every array (points, angles, centres of
        mass, contact); the defaults are kept as they are.

        Examples
        --------
        >>> import biomech
        >>> pose = biomech.Squat()._pose(biomech.Body.default(), np.linspace(0, 1, 5))
        >>> pose.map(lambda v: v[..., :2]).points["hip"].shape
        (2,)
        """
        return Pose(
            points={k: fn(v) for k, v in self.points.items()},
            segment_angle={k: fn(v) for k, v in self.segment_angle.items()},
            segment_com={k: fn(v) for k, v in self.segment_com.items()},
            contact=self.contact.map(fn),
            trunk_upper_com=fn(self.trunk_upper_com),
            trunk_upper_mass=self.trunk_upper_mass,
            bar_above_lumbar=self.bar_above_lumbar,
            defaults=self.defaults,
        )


def assemble(
    b: BodyRow,
    c: geometry.Chain,
    contact: FloorContact | BenchContact,
    extra_points: dict[str, Any] | None = None,
    defaults: dict[str, Any] | None = None,
    bar_above_lumbar: bool = True,
) -> Pose:
    """The labelled :class:`Pose` of a model posture ``c`` of body ``b`` (every array
    broadcast to one shape), with the lumbar joint and the upper trunk's centre of mass on the
    trunk axis (:func:`biomech.model.geometry.on_trunk`).

    Examples
    --------
    >>> import biomech
    >>> from biomech.anthropometry import body_row
    >>> from biomech.model import standing
    >>> b = body_row(biomech.Body.default())
    >>> s = biomech.Squat()._prepare(b)
    >>> c, _ = standing.squat_posture(b, s, np.linspace(0, 1, 3))
    >>> sorted(assemble(b, c, FloorContact()).segment_com)[:3]
    ['foot', 'forearm', 'hand']
    """
    shape = np.broadcast_shapes(*(np.shape(v) for v in c))

    def full(v):
        return np.broadcast_to(v, shape)

    def point(x, y):
        return full(np.asarray(x) + 1j * np.asarray(y))

    zero = np.zeros(())
    points = {
        "heel": point(b.heel_x, zero),
        "toe": point(b.toe_x, zero),
        "midfoot": point(midfoot_x(b), zero),
        "ankle": point(zero, b.ankle_height),
        "knee": point(c.knee_x, c.knee_y),
        "hip": point(c.hip_x, c.hip_y),
        "shoulder": point(c.shoulder_x, c.shoulder_y),
        "elbow": point(c.elbow_x, c.elbow_y),
        "wrist": point(c.wrist_x, c.wrist_y),
        "grip": point(c.grip_x, c.grip_y),
        "head": point(c.head_x, c.head_y),
        "bar": point(c.bar_x, c.bar_y),
        "lumbar": point(*geometry.on_trunk(c, b.h_lumbar)),
    }
    for k, v in (extra_points or {}).items():
        points[k] = full(v)
    xs, ys = geometry.centres_of_mass(b, c)
    angles = geometry.segment_angles(b, c)
    return Pose(
        points=points,
        segment_angle={s: full(a) for s, a in zip(SEGMENTS, angles, strict=True)},
        segment_com={s: point(x, y) for s, x, y in zip(SEGMENTS, xs, ys, strict=True)},
        contact=contact,
        trunk_upper_com=point(*geometry.on_trunk(c, b.h_trunk_upper)),
        trunk_upper_mass=np.asarray(b.m_trunk_upper),
        bar_above_lumbar=bar_above_lumbar,
        defaults=dict(defaults or {}),
    )
