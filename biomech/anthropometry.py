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
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np

from ._repr import html_table
from ._validation import as_float_array, check_choice, check_real, scalar_or_array, warn
from .conventions import SEGMENTS

__all__ = [
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


def _frozen(d: Mapping[str, float]) -> Mapping[str, float]:
    missing = set(SEGMENTS) - set(d)
    if missing:  # pragma: no cover - guards the literal tables below
        msg = f"table is missing segments {sorted(missing)}"
        raise ValueError(msg)
    return MappingProxyType({k: float(d[k]) for k in SEGMENTS})


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
            self, mass_fraction=_frozen({k: v / total for k, v in self.mass_fraction.items()})
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
    sex = check_choice("sex", sex, ("male", "female"))
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
        mass_fraction=_frozen({s: rows[s][1] / 100.0 for s in SEGMENTS}),
        com_fraction=_frozen({s: rows[s][2] / 100.0 for s in SEGMENTS}),
        length_fraction=_frozen(length),
        radius_of_gyration=_frozen({s: rows[s][3] / 100.0 for s in SEGMENTS}),
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
    return SegmentTable(
        name="winter_2009",
        sex="any",
        citation=(
            "Winter D.A. (2009) Biomechanics and Motor Control of Human Movement, 4th ed. "
            "Wiley, Table 4.1 and Fig. 4.1 (Dempster 1955)."
        ),
        mass_fraction=_frozen({s: v[1] for s, v in _WINTER.items()}),
        com_fraction=_frozen({s: v[2] for s, v in _WINTER.items()}),
        length_fraction=_frozen({s: v[0] for s, v in _WINTER.items()}),
        radius_of_gyration=_frozen({s: v[3] for s, v in _WINTER.items()}),
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


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class Body:
    """A body: stature, mass and a segment table, scaled to metres and kilograms.

    An immutable value. ``height_m`` and ``mass_kg`` may be arrays that broadcast together:
    a ``Body`` built from arrays is a population, and every quantity it reports has their
    broadcast shape. Use :meth:`from_height_mass` (validates and looks up the table) or
    :meth:`default`.

    Parameters
    ----------
    height_m : float or array_like
        Stature, m, > 0.
    mass_kg : float or array_like
        Body mass, kg, > 0.
    sex : {"male", "female"}
        Selects the de Leva table; recorded for Winter's (which is not sex-specific).
    table : SegmentTable
        Fractions used to scale the body.

    Examples
    --------
    >>> body = Body.from_height_mass(height_m=1.80, mass_kg=80.0, sex="male")
    >>> body
    Body(height_m=1.8, mass_kg=80.0, sex='male', table='de_leva_1996')
    >>> round(body.segment_mass("thigh"), 4)  # both thighs, kg
    22.656
    >>> round(body.segment_length("thigh"), 4)  # m
    0.4365
    """

    height_m: float | np.ndarray
    mass_kg: float | np.ndarray
    sex: str = "male"
    table: SegmentTable = field(default_factory=de_leva_1996)

    def __post_init__(self) -> None:
        height = check_real(
            "height_m",
            self.height_m,
            low=0.0,
            low_inclusive=False,
            expected="a finite stature in metres > 0",
        )
        mass = check_real(
            "mass_kg",
            self.mass_kg,
            low=0.0,
            low_inclusive=False,
            expected="a finite body mass in kilograms > 0",
        )
        check_choice("sex", self.sex, ("male", "female"))
        if not isinstance(self.table, SegmentTable):
            msg = f"`table` must be a SegmentTable; got {type(self.table).__name__}."
            raise TypeError(msg)
        try:
            np.broadcast_shapes(np.shape(height), np.shape(mass))
        except ValueError:
            msg = (
                f"`height_m` (shape {np.shape(height)}) and `mass_kg` (shape "
                f"{np.shape(mass)}) must broadcast together."
            )
            raise ValueError(msg) from None
        if np.any((np.asarray(height) < 1.0) | (np.asarray(height) > 2.3)):
            warn("`height_m` outside 1.0-2.3 m: the segment tables were measured on adults.")
        if np.any((np.asarray(mass) < 30.0) | (np.asarray(mass) > 250.0)):
            warn("`mass_kg` outside 30-250 kg: the segment tables were measured on adults.")
        object.__setattr__(self, "height_m", height)
        object.__setattr__(self, "mass_kg", mass)

    @classmethod
    def from_height_mass(
        cls,
        *,
        height_m: Any = 1.80,
        mass_kg: Any = 80.0,
        sex: str = "male",
        table: str | SegmentTable = "de_leva_1996",
    ) -> Body:
        """Build a body (or a population) from stature and mass.

        Parameters
        ----------
        height_m : float or array_like
            Stature in metres (> 0). Arrays broadcast with ``mass_kg``.
        mass_kg : float or array_like
            Body mass in kilograms (> 0).
        sex : {"male", "female"}
        table : {"de_leva_1996", "winter_2009"} or SegmentTable

        Examples
        --------
        >>> import numpy as np
        >>> pop = Body.from_height_mass(height_m=np.array([1.6, 1.8]), mass_kg=70.0)
        >>> pop.shape
        (2,)
        >>> np.round(pop.segment_length("shank"), 3)
        array([0.399, 0.449])
        """
        as_float_array("height_m", height_m)
        as_float_array("mass_kg", mass_kg)
        return cls(height_m=height_m, mass_kg=mass_kg, sex=sex, table=get_table(table, sex))

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
