"""Body-segment parameters from published tables, and the :class:`Body` built from them.

Two tables are provided:

* :func:`de_leva_1996` (default), male and female: de Leva P. (1996) Adjustments to
  Zatsiorsky-Seluyanov's segment inertia parameters. *J Biomech* 29(9):1223-1230, Table 4.
* :func:`winter_2009`: Dempster's cadaver data as tabulated by Winter D.A. (2009) *Biomechanics
  and Motor Control of Human Movement*, 4th ed., Wiley, Table 4.1 and Figure 4.1.

Each table gives, for every segment, the mass as a fraction of body mass, the centre of mass as a
fraction of the segment length from the segment's *origin* (listed in :data:`SEGMENT_ORIGIN`),
the segment length as a fraction of stature, and the radius of gyration for rotation in the
sagittal plane as a fraction of the segment length. Segments are single-sided in the tables;
:class:`Body` reports the two legs (and the two arms) together.

A few geometric quantities are not in either table and the planar model needs them: the height
of the ankle joint above the floor, how far in front of the heel the ankle lies, where the head's
centre of mass sits relative to the shoulders, and where the bar sits in a gripping hand. Each is
a field of :class:`SegmentTable` whose docstring gives its source or says that it is a modelling
estimate, so it can be changed with :func:`dataclasses.replace`.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np

from ._repr import html_table
from ._validation import (
    array_key,
    check_choice,
    check_real,
    read_only,
    scalar_or_array,
    warn,
)
from .conventions import SEGMENTS
from .model.rows import BodyRow

__all__ = [
    "HEIGHT_RANGE_M",
    "body_row",
    "MASS_RANGE_KG",
    "SEGMENT_ORIGIN",
    "TABLES",
    "Body",
    "SegmentTable",
    "de_leva_1996",
    "get_table",
    "winter_2009",
]

#: The end of each segment its centre-of-mass fraction is measured from, and the other end.
#: (The head's fraction is the table's own: de Leva's from the vertex, Winter's from C7-T1. The
#: model places the head's centre of mass with ``head_com_above_shoulder_fraction`` instead.)
SEGMENT_ORIGIN: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "foot": ("heel", "toe"),
        "shank": ("knee", "ankle"),
        "thigh": ("hip", "knee"),
        "trunk": ("shoulder", "hip"),
        "head": ("vertex", "cervicale"),
        "upper_arm": ("shoulder", "elbow"),
        "forearm": ("elbow", "wrist"),
        "hand": ("wrist", "grip"),
    }
)

#: How many of each segment a body has (legs and arms come in pairs).
SEGMENT_COUNT: Mapping[str, int] = MappingProxyType(
    {
        "foot": 2,
        "shank": 2,
        "thigh": 2,
        "trunk": 1,
        "head": 1,
        "upper_arm": 2,
        "forearm": 2,
        "hand": 2,
    }
)


class FrozenMap(Mapping[str, float]):
    """An immutable mapping of segment names to numbers: hashable and picklable (a
    :class:`types.MappingProxyType` is neither), equal to any mapping with the same items.

    Examples
    --------
    >>> m = FrozenMap({"thigh": 0.1416})
    >>> m["thigh"], m == {"thigh": 0.1416}, hash(m) == hash(FrozenMap(dict(m)))
    (0.1416, True, True)
    """

    __slots__ = ("_items",)
    _items: dict[str, float]

    def __init__(self, items: Mapping[str, float]) -> None:
        object.__setattr__(self, "_items", dict(items))

    def __getitem__(self, key: str) -> float:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __setattr__(self, name: str, value: Any) -> None:
        msg = "a FrozenMap cannot be changed; build a new one (or use dataclasses.replace)"
        raise AttributeError(msg)

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __repr__(self) -> str:
        return repr(self._items)

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenMap, (self._items,))


#: Allowed range of each per-segment fraction of a :class:`SegmentTable`: (low, high, low
#: inclusive). Mass, length and radius of gyration are positive parts of a whole; a centre of
#: mass lies between the segment's ends.
_FRACTION_RANGES = {
    "mass_fraction": (0.0, 1.0, False),
    "com_fraction": (0.0, 1.0, True),
    "length_fraction": (0.0, 1.0, False),
    "radius_of_gyration": (0.0, 1.0, False),
}
#: Allowed range of the scalar fractions of a :class:`SegmentTable`: (low, high, low
#: inclusive). Generous: both published tables sit well inside them.
_SCALAR_RANGES = {
    "ankle_height_fraction": (0.0, 0.2, False),
    "heel_to_ankle_fraction": (0.0, 1.0, True),
    "head_com_above_shoulder_fraction": (0.0, 0.3, False),
    "grip_fraction": (0.0, 1.0, True),
}
#: How far a table's mass fractions (pairs counted twice) may sum from one: published tables
#: are rounded (de Leva's female table sums to 0.9999).
MASS_SUM_TOLERANCE = 0.01


def _segment_map(name: str, d: Any, low: float, high: float, low_inclusive: bool) -> FrozenMap:
    """``d`` checked (a mapping with exactly the segments, each value a number in range) and
    frozen in the order of :data:`~biomech.conventions.SEGMENTS`."""
    if not isinstance(d, Mapping):
        msg = f"`{name}` must be a mapping of segment name to number; got {type(d).__name__}."
        raise TypeError(msg)
    missing = [s for s in SEGMENTS if s not in d]
    unknown = [k for k in d if k not in SEGMENTS]
    if missing or unknown:
        parts = [f"missing {missing}" if missing else "", f"unknown {unknown}" if unknown else ""]
        msg = (
            f"`{name}` must have exactly the segments {list(SEGMENTS)}; "
            f"{' and '.join(p for p in parts if p)}."
        )
        raise ValueError(msg)
    bounds = f"{'[' if low_inclusive else '('}{low:g}, {high:g}]"
    values = {
        s: float(
            check_real(
                f"{name}['{s}']",
                d[s],
                low=low,
                high=high,
                low_inclusive=low_inclusive,
                expected=f"a number in {bounds}",
                scalar=True,
            )
        )
        for s in SEGMENTS
    }
    return FrozenMap(values)


@dataclass(frozen=True, slots=True, kw_only=True)
class SegmentTable:
    """One published table of body-segment parameters, as fractions.

    Parameters
    ----------
    name : str
        Short identifier, e.g. ``"de_leva_1996"``.
    sex : str
        ``"male"``, ``"female"`` or ``"any"`` for tables that are not sex-specific.
    citation : str
        Full reference.
    mass_fraction : mapping of segment -> float
        Mass of **one** segment as a fraction of body mass (pairs are doubled by :class:`Body`).
    com_fraction : mapping of segment -> float
        Centre of mass as a fraction of segment length from the origin in
        :data:`SEGMENT_ORIGIN`.
    length_fraction : mapping of segment -> float
        Segment length as a fraction of stature.
    radius_of_gyration : mapping of segment -> float
        Radius of gyration about the centre of mass for rotation in the sagittal plane, as a
        fraction of segment length (used by inverse dynamics, not by statics).
    ankle_height_fraction : float
        Height of the ankle joint centre above the floor, fraction of stature.
    heel_to_ankle_fraction : float
        Horizontal distance from the back of the heel to the ankle joint centre, fraction of
        foot length.
    head_com_above_shoulder_fraction : float
        Distance along the trunk axis from the shoulder joint centres to the head's centre of
        mass, fraction of stature.
    grip_fraction : float
        Where the bar sits in a gripping hand, fraction of the hand segment from the wrist.
    notes : str
        Where the non-tabulated numbers come from.

    Raises
    ------
    TypeError, ValueError
        For a mapping without exactly the segments of :data:`~biomech.conventions.SEGMENTS`,
        a fraction that is not a finite number in its range (mass, length and radius of
        gyration in (0, 1], centre of mass in [0, 1]), mass fractions that do not sum to one
        within 0.01, or segments stacked taller than the body. The message names the field
        and the segment.

    Examples
    --------
    >>> import dataclasses
    >>> t = de_leva_1996("male")
    >>> t.citation[:9]
    'de Leva P'
    >>> longer_thigh = dataclasses.replace(
    ...     t, length_fraction={**t.length_fraction, "thigh": 0.26})
    >>> Body(height_m=1.8, mass_kg=80.0, table=longer_thigh).segment_length("thigh")
    0.468
    """

    name: str
    sex: str
    citation: str
    mass_fraction: Mapping[str, float]
    com_fraction: Mapping[str, float]
    length_fraction: Mapping[str, float]
    radius_of_gyration: Mapping[str, float]
    ankle_height_fraction: float
    heel_to_ankle_fraction: float
    head_com_above_shoulder_fraction: float
    grip_fraction: float
    notes: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        for name in ("name", "citation", "notes"):
            if not isinstance(getattr(self, name), str):
                msg = f"`{name}` must be a string; got {getattr(self, name)!r}."
                raise TypeError(msg)
        check_choice("sex", self.sex, ("male", "female", "any"))
        for name, (low, high, low_inclusive) in _FRACTION_RANGES.items():
            frozen = _segment_map(name, getattr(self, name), low, high, low_inclusive)
            object.__setattr__(self, name, frozen)
        for name, (low, high, low_inclusive) in _SCALAR_RANGES.items():
            value = check_real(
                name,
                getattr(self, name),
                low=low,
                high=high,
                low_inclusive=low_inclusive,
                expected=f"a fraction in {'[' if low_inclusive else '('}{low:g}, {high:g}]",
                scalar=True,
            )
            object.__setattr__(self, name, float(value))
        total = self.total_mass_fraction()
        if abs(total - 1.0) > MASS_SUM_TOLERANCE:
            msg = (
                f"`mass_fraction` must sum to 1 over the body (legs and arms counted twice) "
                f"within {MASS_SUM_TOLERANCE:g}; got {total:.4f}. Rescale it, or call "
                ".normalized() on a table that is only rounded."
            )
            raise ValueError(msg)
        standing = (
            self.ankle_height_fraction
            + sum(self.length_fraction[s] for s in ("shank", "thigh", "trunk"))
            + self.head_com_above_shoulder_fraction
        )
        if standing >= 1.0:
            msg = (
                f"`length_fraction` of shank, thigh and trunk, with the ankle height and the head "
                f"above the shoulders, stand {standing:.3f} x stature tall: more than the body. "
                "Shorten them."
            )
            raise ValueError(msg)

    def total_mass_fraction(self) -> float:
        """Sum of the mass fractions over the whole body (pairs counted twice).

        Examples
        --------
        >>> round(de_leva_1996("male").total_mass_fraction(), 12)
        1.0
        """
        return float(sum(self.mass_fraction[s] * SEGMENT_COUNT[s] for s in SEGMENTS))

    def normalized(self) -> SegmentTable:
        """The same table with mass fractions rescaled to sum exactly to one.

        Published tables sum to one only within rounding (de Leva's female table to 0.9999).
        """
        total = self.total_mass_fraction()
        return dataclasses.replace(
            self, mass_fraction={k: v / total for k, v in self.mass_fraction.items()}
        )


# --------------------------------------------------------------------------------------------
# de Leva (1996), Table 4. Lengths in mm for the reference subjects (stature 1741 mm male,
# 1735 mm female), masses in % of body mass, centres of mass in % of length from the origin.
# Segments with joint-centre endpoints: thigh HJC-KJC, shank KJC-LMAL, foot HEEL-TTIP,
# upper arm SJC-EJC, forearm EJC-WJC, hand WJC-MET3, trunk MIDS-MIDH (mid shoulder joint
# centres to mid hip joint centres; the alternative trunk definition of Table 4), head
# VERT-CERV (vertex to cervicale; alternative head definition of Table 4).
# Radii of gyration about the mediolateral axis: de Leva's "transverse" column for the
# upright segments and "sagittal" column for the foot, following Gurchiek's reading of the
# table (the column names in Table 4 are ambiguous; the two columns differ by up to 7 % for the
# trunk and 20 % for the hand). Only inverse dynamics uses them.
# --------------------------------------------------------------------------------------------
_DE_LEVA_STATURE_MM = {"male": 1741.0, "female": 1735.0}
_DE_LEVA: dict[str, dict[str, tuple[float, float, float, float]]] = {
    "male": {
        # segment: (length mm, mass %, com % from origin, radius of gyration % of length)
        "foot": (258.1, 1.37, 44.15, 25.7),
        "shank": (434.0, 4.33, 44.59, 24.9),
        "thigh": (422.2, 14.16, 40.95, 32.9),
        "trunk": (515.5, 43.46, 43.10, 35.8),
        "head": (242.9, 6.94, 50.02, 31.5),
        "upper_arm": (281.7, 2.71, 57.72, 26.9),
        "forearm": (268.9, 1.62, 45.74, 26.5),
        "hand": (86.2, 0.61, 79.00, 51.3),
    },
    "female": {
        "foot": (228.3, 1.29, 40.14, 29.9),
        "shank": (432.3, 4.81, 44.16, 26.7),
        "thigh": (368.5, 14.78, 36.12, 36.4),
        "trunk": (497.9, 42.57, 37.82, 36.1),
        "head": (243.7, 6.68, 48.41, 29.5),
        "upper_arm": (275.1, 2.55, 57.54, 26.0),
        "forearm": (264.3, 1.38, 45.59, 25.7),
        "hand": (78.0, 0.56, 74.74, 45.4),
    },
}

#: Ankle joint centre height, fraction of stature: Winter (2009), Figure 4.1 (0.039 H).
_ANKLE_HEIGHT_WINTER = 0.039

#: Heel to ankle joint centre, fraction of foot length. Modelling estimate: the lateral
#: malleolus lies about a fifth of the foot length in front of the back of the heel
#: (about 5 cm on a 26 cm foot). It sets where "under the ankle" and "midfoot" are.
_HEEL_TO_ANKLE_ESTIMATE = 0.20


def de_leva_1996(sex: str = "male") -> SegmentTable:
    """de Leva (1996) segment table for ``sex`` (``"male"`` or ``"female"``).

    Returns
    -------
    SegmentTable
        Mass fractions rescaled to sum exactly to 1 (the female table sums to 0.9999).

    Notes
    -----
    The head's centre of mass is placed on the trunk axis above the shoulders at the height it
    has in upright standing: stature minus de Leva's vertex-to-centre-of-mass distance, minus
    the standing height of the shoulder joint centres (ankle height + shank + thigh + trunk).

    References
    ----------
    de Leva P. (1996) Adjustments to Zatsiorsky-Seluyanov's segment inertia parameters.
    J Biomech 29(9):1223-1230, Table 4.

    Examples
    --------
    >>> t = de_leva_1996("male")
    >>> t.mass_fraction["thigh"]
    0.1416
    >>> round(t.length_fraction["thigh"] * 1741, 1)  # mm for the reference male
    422.2
    """
    return _de_leva_1996(check_choice("sex", sex, ("male", "female")))


@functools.cache
def _de_leva_1996(sex: str) -> SegmentTable:
    """:func:`de_leva_1996`, built once per sex (a table is an immutable value)."""
    rows = _DE_LEVA[sex]
    stature = _DE_LEVA_STATURE_MM[sex]
    length = {s: rows[s][0] / stature for s in SEGMENTS}
    head_com_from_vertex = rows["head"][2] / 100.0 * length["head"]
    shoulder_height = _ANKLE_HEIGHT_WINTER + length["shank"] + length["thigh"] + length["trunk"]
    table = SegmentTable(
        name="de_leva_1996",
        sex=sex,
        citation=(
            "de Leva P. (1996) Adjustments to Zatsiorsky-Seluyanov's segment inertia "
            "parameters. J Biomech 29(9):1223-1230, Table 4."
        ),
        mass_fraction={s: rows[s][1] / 100.0 for s in SEGMENTS},
        com_fraction={s: rows[s][2] / 100.0 for s in SEGMENTS},
        length_fraction=length,
        radius_of_gyration={s: rows[s][3] / 100.0 for s in SEGMENTS},
        ankle_height_fraction=_ANKLE_HEIGHT_WINTER,
        heel_to_ankle_fraction=_HEEL_TO_ANKLE_ESTIMATE,
        head_com_above_shoulder_fraction=1.0 - head_com_from_vertex - shoulder_height,
        grip_fraction=1.0,
        notes=(
            "ankle height 0.039 H from Winter (2009) Fig. 4.1; heel-to-ankle 0.20 of foot "
            "length is a modelling estimate; head centre of mass placed at its standing height; "
            "bar centre at MET3, the distal end of de Leva's hand segment."
        ),
    )
    return table.normalized()


# --------------------------------------------------------------------------------------------
# Winter (2009), Table 4.1 (Dempster's data): mass fraction, centre of mass from the proximal
# end, radius of gyration about the centre of mass; Figure 4.1: lengths as fractions of H.
# Table 4.1 endpoints: foot lateral malleolus / head of metatarsal II; leg femoral condyles /
# medial malleolus; thigh greater trochanter / femoral condyles; trunk greater trochanter /
# glenohumeral joint (centre of mass 0.50, no radius of gyration given); head and neck C7-T1 /
# ear canal (centre of mass at the ear canal); upper arm glenohumeral / elbow axis; forearm
# elbow axis / ulnar styloid; hand wrist axis / knuckle II of the middle finger.
# Figure 4.1: shoulder 0.818 H, hip (greater trochanter) 0.530 H, knee 0.285 H, ankle 0.039 H,
# eye 0.936 H; upper arm 0.186 H, forearm 0.146 H, hand 0.108 H, foot length 0.152 H.
# --------------------------------------------------------------------------------------------
_WINTER = {
    # segment: (length fraction of H, mass fraction, com fraction from origin, radius of gyration)
    # foot: centre of mass halfway between the malleolus (0.20 L from the heel, estimate) and
    # the head of metatarsal II (0.73 L from the heel, estimate): 0.465 L from the heel.
    "foot": (0.152, 0.0145, 0.465, 0.475),
    "shank": (0.285 - 0.039, 0.0465, 0.433, 0.302),
    "thigh": (0.530 - 0.285, 0.100, 0.433, 0.323),
    # trunk: 0.50 from either end; radius of gyration of HAT (none is given for the trunk).
    "trunk": (0.818 - 0.530, 0.497, 0.50, 0.496),
    # head and neck: length C7-T1 to ear canal, taken as shoulder to eye height (0.936-0.818 H);
    # centre of mass at the ear canal (1.000 from C7-T1).
    "head": (0.936 - 0.818, 0.081, 1.0, 0.495),
    "upper_arm": (0.186, 0.028, 0.436, 0.322),
    "forearm": (0.146, 0.016, 0.430, 0.303),
    "hand": (0.108, 0.006, 0.506, 0.297),
}


def winter_2009() -> SegmentTable:
    """Dempster's segment parameters as tabulated by Winter (2009); not sex-specific.

    Notes
    -----
    Winter's hand runs from the wrist to the knuckle of the middle finger; its length here is
    Figure 4.1's wrist-to-fingertip 0.108 H and the bar is taken to lie at mid-hand
    (``grip_fraction`` 0.5, an estimate). The head's centre of mass (the ear canal) is placed on
    the trunk axis at eye height above the shoulders, 0.936 H - 0.818 H (Figure 4.1 gives no ear
    canal height).

    References
    ----------
    Winter D.A. (2009) Biomechanics and Motor Control of Human Movement, 4th ed. Wiley,
    Table 4.1 and Figure 4.1. Dempster W.T. (1955) Space requirements of the seated operator.
    WADC-TR-55-159.

    Examples
    --------
    >>> winter_2009().mass_fraction["thigh"]
    0.1
    >>> round(winter_2009().total_mass_fraction(), 12)
    1.0
    """
    return _winter_2009()


@functools.cache
def _winter_2009() -> SegmentTable:
    """:func:`winter_2009`, built once (a table is an immutable value)."""
    return SegmentTable(
        name="winter_2009",
        sex="any",
        citation=(
            "Winter D.A. (2009) Biomechanics and Motor Control of Human Movement, 4th ed. "
            "Wiley, Table 4.1 and Fig. 4.1 (Dempster 1955)."
        ),
        mass_fraction={s: v[1] for s, v in _WINTER.items()},
        com_fraction={s: v[2] for s, v in _WINTER.items()},
        length_fraction={s: v[0] for s, v in _WINTER.items()},
        radius_of_gyration={s: v[3] for s, v in _WINTER.items()},
        ankle_height_fraction=_ANKLE_HEIGHT_WINTER,
        heel_to_ankle_fraction=_HEEL_TO_ANKLE_ESTIMATE,
        head_com_above_shoulder_fraction=0.936 - 0.818,
        grip_fraction=0.5,
        notes=(
            "heel-to-ankle 0.20 of foot length, metatarsal heads at 0.73, bar at mid-hand and "
            "head centre of mass at eye height are modelling estimates."
        ),
    ).normalized()


#: Table constructors by name.
TABLES = MappingProxyType({"de_leva_1996": de_leva_1996, "winter_2009": winter_2009})


def get_table(table: str | SegmentTable = "de_leva_1996", sex: str = "male") -> SegmentTable:
    """Look up a table by name (or pass a :class:`SegmentTable` through).

    Examples
    --------
    >>> get_table("de_leva_1996", "female").sex
    'female'
    """
    if isinstance(table, SegmentTable):
        return table
    name = check_choice("table", table, TABLES)
    check_choice("sex", sex, ("male", "female"))
    return de_leva_1996(sex) if name == "de_leva_1996" else winter_2009()


def _fmt_scalar(value: Any, unit: str) -> str:
    if np.ndim(value):
        return f"{np.min(value):.3g}-{np.max(value):.3g} {unit}"
    return f"{float(value):.3g} {unit}"


def _fmt(value: Any) -> str:
    if isinstance(value, np.ndarray):
        return f"<array {value.shape} {np.min(value):g}..{np.max(value):g}>"
    return repr(value)


#: Statures a :class:`Body` may have, m: beyond the shortest and tallest adults on record
#: (0.55 m and 2.72 m), so that only impossible values are refused.
HEIGHT_RANGE_M = (0.5, 3.0)
#: Body masses a :class:`Body` may have, kg: beyond the extremes of adults on record (the
#: heaviest about 635 kg), so that only impossible values are refused.
MASS_RANGE_KG = (10.0, 700.0)
#: Outside these, the body is possible but a warning says the tables were measured on adults.
ADULT_HEIGHT_M = (1.0, 2.3)
ADULT_MASS_KG = (30.0, 250.0)


def _unit_hint(name: str, value: Any) -> str:
    """' Did you mean ...?' for a stature given in centimetres, millimetres or feet, or a
    mass given in grams (the first offending element); else ''."""
    arr = np.asarray(value, dtype=float).ravel()
    low, high = HEIGHT_RANGE_M if name == "height_m" else MASS_RANGE_KG
    bad = arr[~((arr >= low) & (arr <= high))]
    v = float(bad[0]) if bad.size else math.nan
    if name == "height_m":
        for scale, unit in ((1e-2, "cm"), (1e-3, "mm"), (0.3048, "ft")):
            if low <= v * scale <= high and not (unit == "ft" and v > 9.0):
                return f" Did you mean {v * scale:.3g} m ({v:g} {unit})?"
    elif low <= v * 1e-3 <= high:
        return f" Did you mean {v * 1e-3:.3g} kg ({v:g} g)?"
    return ""


def _check_body_value(name: str, value: Any, what: str, unit: str) -> float | np.ndarray:
    """A stature or mass checked against its physical range, with a unit hint; read-only."""
    low, high = HEIGHT_RANGE_M if name == "height_m" else MASS_RANGE_KG
    expected = f"a {what} in {unit} between {low:g} and {high:g}"
    try:
        checked = check_real(name, value, low=low, high=high, expected=expected)
    except ValueError as error:
        msg = f"{error}{_unit_hint(name, value)}"
        raise ValueError(msg) from None
    if np.size(checked) == 0:
        msg = f"`{name}` must hold at least one {what}; got an empty array {np.shape(checked)}."
        raise ValueError(msg)
    return read_only(checked)


def _resolve_table(table: Any, sex: str) -> SegmentTable:
    """The body's table: by name, the sex's de Leva table for ``None``; a table of the other
    sex is refused."""
    if table is None:
        return de_leva_1996(sex)
    if isinstance(table, str):
        return get_table(table, sex)
    if not isinstance(table, SegmentTable):
        msg = (
            "`table` must be a SegmentTable, 'de_leva_1996', 'winter_2009' or None; got "
            f"{table!r} ({type(table).__name__})."
        )
        raise TypeError(msg)
    if table.sex not in ("any", sex):
        msg = (
            f"`table` {table.name!r} is the {table.sex!r} table, but `sex` = {sex!r}: pass "
            f"the table of that sex, e.g. de_leva_1996({sex!r}), or leave `table` out."
        )
        raise ValueError(msg)
    return table


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class Body:
    """A body: stature, mass and a segment table, scaled to metres and kilograms.

    An immutable, hashable value. ``height_m`` and ``mass_kg`` may be arrays that broadcast
    together: a ``Body`` built from arrays is a population (its arrays are read-only), and
    every quantity it reports has their broadcast shape. :meth:`from_height_mass` and the
    constructor take the same arguments and give the same body.

    Parameters
    ----------
    height_m : float or array_like
        Stature, m, between 0.5 and 3 (beyond the extremes of adults on record; outside
        1.0-2.3 m a :class:`BiomechWarning` says the tables were measured on adults). A value
        that is clearly in centimetres, millimetres or feet gets a "did you mean" in the error.
    mass_kg : float or array_like
        Body mass, kg, between 10 and 700 (a warning outside 30-250 kg).
    sex : {"male", "female"}
        Selects the de Leva table; recorded for Winter's (which is not sex-specific).
    table : SegmentTable, {"de_leva_1996", "winter_2009"} or None
        Fractions used to scale the body; ``None`` (default): de Leva (1996) for ``sex``. A
        sex-specific table must be of the body's sex.

    Examples
    --------
    >>> body = Body.from_height_mass(height_m=1.80, mass_kg=80.0, sex="male")
    >>> body
    Body(height_m=1.8, mass_kg=80.0, sex='male', table='de_leva_1996')
    >>> round(body.segment_mass("thigh"), 4)  # both thighs, kg
    22.656
    >>> round(body.segment_length("thigh"), 4)  # m
    0.4365
    >>> Body(height_m=1.7, mass_kg=60.0, sex="female").table.sex
    'female'
    """

    height_m: float | np.ndarray
    mass_kg: float | np.ndarray
    sex: str = "male"
    table: SegmentTable = field(default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        height = _check_body_value("height_m", self.height_m, "stature", "metres")
        mass = _check_body_value("mass_kg", self.mass_kg, "body mass", "kilograms")
        check_choice("sex", self.sex, ("male", "female"))
        object.__setattr__(self, "table", _resolve_table(self.table, self.sex))
        try:
            np.broadcast_shapes(np.shape(height), np.shape(mass))
        except ValueError:
            msg = (
                f"`height_m` (shape {np.shape(height)}) and `mass_kg` (shape "
                f"{np.shape(mass)}) must broadcast together."
            )
            raise ValueError(msg) from None
        lo, hi = ADULT_HEIGHT_M
        if np.any((np.asarray(height) < lo) | (np.asarray(height) > hi)):
            warn(f"`height_m` outside {lo:g}-{hi:g} m: the segment tables were measured on adults.")
        lo, hi = ADULT_MASS_KG
        if np.any((np.asarray(mass) < lo) | (np.asarray(mass) > hi)):
            warn(f"`mass_kg` outside {lo:g}-{hi:g} kg: the segment tables were measured on adults.")
        object.__setattr__(self, "height_m", height)
        object.__setattr__(self, "mass_kg", mass)

    def _key(self) -> tuple[Any, ...]:
        return (array_key(self.height_m), array_key(self.mass_kg), self.sex, self.table)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Body):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __getstate__(self) -> tuple[Any, ...]:
        return (self.height_m, self.mass_kg, self.sex, self.table)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        for name, value in zip(("height_m", "mass_kg", "sex", "table"), state, strict=True):
            object.__setattr__(self, name, read_only(value))

    @classmethod
    def from_height_mass(
        cls,
        *,
        height_m: Any = 1.80,
        mass_kg: Any = 80.0,
        sex: str = "male",
        table: str | SegmentTable | None = None,
    ) -> Body:
        """Build a body (or a population) from stature and mass: the same as the constructor.

        Parameters
        ----------
        height_m : float or array_like
            Stature in metres, 0.5-3 (see :class:`Body`). Arrays broadcast with ``mass_kg``.
        mass_kg : float or array_like
            Body mass in kilograms, 10-700.
        sex : {"male", "female"}
        table : {"de_leva_1996", "winter_2009"}, SegmentTable or None
            ``None``: de Leva (1996) for ``sex``.

        Examples
        --------
        >>> import numpy as np
        >>> pop = Body.from_height_mass(height_m=np.array([1.6, 1.8]), mass_kg=70.0)
        >>> pop.shape
        (2,)
        >>> np.round(pop.segment_length("shank"), 3)
        array([0.399, 0.449])
        """
        return cls(height_m=height_m, mass_kg=mass_kg, sex=sex, table=table)  # type: ignore[arg-type]

    @classmethod
    def default(cls) -> Body:
        """The default body: 1.80 m, 80 kg, male, de Leva (1996).

        Examples
        --------
        >>> Body.default().height_m
        1.8
        """
        return cls.from_height_mass()

    def __repr__(self) -> str:
        return (
            f"Body(height_m={_fmt(self.height_m)}, mass_kg={_fmt(self.mass_kg)}, "
            f"sex={self.sex!r}, table={self.table.name!r})"
        )

    def _repr_html_(self) -> str:
        """Stature, mass, table and the scaled segments, for Jupyter."""
        rows = [
            ("height_m", self.height_m, "m"),
            ("mass_kg", self.mass_kg, "kg"),
            ("sex", self.sex, ""),
            ("table", self.table.name, ""),
        ]
        rows += [
            (
                f"{s}: mass, length",
                f"{_fmt_scalar(self.segment_mass(s), 'kg')}, "
                f"{_fmt_scalar(self.segment_length(s), 'm')}",
                "",
            )
            for s in SEGMENTS
        ]
        return html_table("Body", rows, self.table.citation)

    @property
    def shape(self) -> tuple[int, ...]:
        """Broadcast shape of the population (``()`` for one body)."""
        return np.broadcast_shapes(np.shape(self.height_m), np.shape(self.mass_kg))

    def _scale(self, value: Any) -> float | np.ndarray:
        return scalar_or_array(np.asarray(value, dtype=float))

    def segment_length(self, segment: str) -> float | np.ndarray:
        """Length of ``segment`` in metres (see :data:`SEGMENT_ORIGIN` for its endpoints).

        Examples
        --------
        >>> round(Body.default().segment_length("shank"), 4)
        0.4487
        """
        check_choice("segment", segment, SEGMENTS)
        return self._height_scaled(self.table.length_fraction[segment])

    def segment_mass(self, segment: str) -> float | np.ndarray:
        """Mass of ``segment`` in kg, both sides together for legs and arms.

        Examples
        --------
        >>> round(Body.default().segment_mass("trunk"), 3)
        34.768
        """
        check_choice("segment", segment, SEGMENTS)
        frac = self.table.mass_fraction[segment] * SEGMENT_COUNT[segment]
        if type(self.height_m) is float and type(self.mass_kg) is float:  # as below, exactly
            return frac * self.mass_kg + 0.0 * self.height_m
        return self._scale(frac * np.asarray(self.mass_kg) + 0.0 * np.asarray(self.height_m))

    def segment_moment_of_inertia(self, segment: str) -> float | np.ndarray:
        """Moment of inertia of ``segment`` about its centre of mass for rotation in the
        sagittal plane, kg m^2: ``m (k L)^2`` with the table's radius of gyration ``k`` (a
        fraction of the segment length ``L``), both sides together for legs and arms.

        Examples
        --------
        >>> body = Body.default()
        >>> k, L = body.table.radius_of_gyration["thigh"], body.segment_length("thigh")
        >>> bool(abs(body.segment_moment_of_inertia("thigh")
        ...          - body.segment_mass("thigh") * (k * L) ** 2) < 1e-15)
        True
        """
        check_choice("segment", segment, SEGMENTS)
        k = self.table.radius_of_gyration[segment]
        mass = np.asarray(self.segment_mass(segment))
        length = np.asarray(self.segment_length(segment))
        return self._scale(mass * (k * length) ** 2)

    def segment_com_fraction(self, segment: str) -> float:
        """Centre of mass of ``segment`` as a fraction of its length from its origin."""
        check_choice("segment", segment, SEGMENTS)
        return self.table.com_fraction[segment]

    def _height_scaled(self, fraction: float) -> float | np.ndarray:
        if type(self.height_m) is float and type(self.mass_kg) is float:  # as below, exactly
            return fraction * self.height_m + 0.0 * self.mass_kg
        return self._scale(fraction * np.asarray(self.height_m) + 0.0 * np.asarray(self.mass_kg))

    @property
    def ankle_height_m(self) -> float | np.ndarray:
        """Height of the ankle joint centre above the floor, m."""
        return self._height_scaled(self.table.ankle_height_fraction)

    @property
    def knee_height_m(self) -> float | np.ndarray:
        """Height of the knee joint centre above the floor when standing, m."""
        return self._height_scaled(
            self.table.ankle_height_fraction + self.table.length_fraction["shank"]
        )

    @property
    def heel_to_ankle_m(self) -> float | np.ndarray:
        """Horizontal distance from the back of the heel to the ankle joint centre, m."""
        return self._height_scaled(
            self.table.heel_to_ankle_fraction * self.table.length_fraction["foot"]
        )

    @property
    def head_com_above_shoulder_m(self) -> float | np.ndarray:
        """Distance along the trunk axis from the shoulders to the head's centre of mass, m."""
        return self._height_scaled(self.table.head_com_above_shoulder_fraction)

    @property
    def arm_length_m(self) -> float | np.ndarray:
        """Shoulder joint centre to the bar centre in a gripping hand, arm straight, m."""
        t = self.table
        return self._height_scaled(
            t.length_fraction["upper_arm"]
            + t.length_fraction["forearm"]
            + t.grip_fraction * t.length_fraction["hand"]
        )

    def as_attrs(self) -> dict[str, Any]:
        """The body's parameters as flat dataset attributes (scalars only)."""
        attrs: dict[str, Any] = {
            "body_sex": self.sex,
            "body_table": self.table.name,
            "body_table_citation": self.table.citation,
        }
        if self.shape == ():
            attrs["body_height_m"] = float(self.height_m)
            attrs["body_mass_kg"] = float(self.mass_kg)
        return attrs


def body_row(body: Body, extra_dims: int = 1) -> BodyRow:
    """The model's view of ``body`` (:class:`biomech.model.rows.BodyRow`): its lengths (m),
    masses (kg, both sides together) and centre-of-mass fractions as float arrays of the
    body's shape plus ``extra_dims`` trailing length-1 axes, so that they broadcast against
    a phase axis.

    Examples
    --------
    >>> b = body_row(Body.default())
    >>> b.thigh.shape, b.thigh.round(4), b.m_thigh.round(3)
    ((1,), array([0.4365]), array([22.656]))
    """
    lead = body.shape
    shape = lead + (1,) * extra_dims
    t = body.table

    def arr(v: Any) -> np.ndarray:
        a = np.asarray(v, dtype=float)
        return (a if a.shape == lead else np.broadcast_to(a, lead)).reshape(shape)

    heel = np.asarray(body.heel_to_ankle_m)
    hand = np.asarray(body.segment_length("hand"))
    return BodyRow(
        shank=arr(body.segment_length("shank")),
        thigh=arr(body.segment_length("thigh")),
        trunk=arr(body.segment_length("trunk")),
        upper_arm=arr(body.segment_length("upper_arm")),
        forearm=arr(body.segment_length("forearm")),
        grip=arr(t.grip_fraction * hand),
        hand=arr(hand),
        foot=arr(body.segment_length("foot")),
        ankle_height=arr(body.ankle_height_m),
        heel_x=arr(-heel),
        toe_x=arr(np.asarray(body.segment_length("foot")) - heel),
        head_above_shoulder=arr(body.head_com_above_shoulder_m),
        height=arr(body.height_m),
        **{f"m_{s}": arr(body.segment_mass(s)) for s in SEGMENTS},
        **{f"f_{s}": arr(t.com_fraction[s]) for s in SEGMENTS},
        **{k: arr(v) for k, v in _trunk_upper(body).items()},
    )


def _trunk_upper(body: Body) -> dict[str, Any]:
    """The :class:`~biomech.model.rows.BodyRow` fields of the trunk above the lumbar joint
    (:func:`biomech.trunk_parts`), as arrays of the body's shape: kg and m."""
    from .trunk import trunk_parts  # the trunk's parts are defined over the tables

    parts = trunk_parts(body.table)
    mass, com = parts.upper(body.table)
    return {
        "m_trunk_upper": mass * np.asarray(body.mass_kg) + 0.0 * np.asarray(body.height_m),
        "h_trunk_upper": body._height_scaled(com),
        "h_lumbar": body._height_scaled(parts.boundary_above_hip),
    }
