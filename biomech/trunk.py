"""The trunk's two parts: the pelvis, and the trunk above it, from the tables' sub-segments.

The model's trunk is one rigid segment from the hip joint centres to the shoulder joint
centres. Both published tables also split it, at different levels:

* de Leva (1996), Table 4: upper trunk (suprasternale to xiphion), middle trunk (xiphion to
  omphalion) and lower trunk (omphalion to the mid-point of the hip joint centres), with mass,
  centre of mass, radii of gyration and, for the reference subjects, lengths. The lower trunk
  is the pelvis here; its upper boundary, the navel, lies at about the third or fourth lumbar
  vertebra.
* Winter (2009), Table 4.1 (Dempster's cadavers): thorax (C7-T1 to T12-L1), abdomen (T12-L1 to
  L4-L5) and pelvis (L4-L5 to the greater trochanter), with mass and centre of mass (0.105 of
  the pelvis's length from L4-L5) but no lengths. Where L4-L5 lies is a **modelling
  estimate** here: at de Leva's boundary's share of the trunk's length (the omphalion, 28.3 %
  of the reference male's hip-to-shoulder distance, above the hip); the pelvis's radius of
  gyration is de Leva's lower trunk's share of its length (55.1 %), also an estimate.

:func:`trunk_parts` gives the pelvis of a table as fractions of stature and body mass (the
upper part is the table's whole trunk minus the pelvis, so that the two parts together are
exactly the trunk the rest of the model uses: :meth:`TrunkParts.upper`). The model's lumbar
joint sits on the trunk axis at the boundary, and the net moment there is that of the loads on
the trunk's upper part, head, arms and what they carry (docs/model.md, section 3.7).
"""

from __future__ import annotations

from dataclasses import dataclass

from ._validation import check_choice
from .anthropometry import SegmentTable

__all__ = ["TrunkParts", "trunk_parts"]

#: de Leva (1996) Table 4, lower trunk (OMPH-MIDH): length mm of the reference subject, mass %
#: of body mass, centre of mass % of length from the omphalion, radius of gyration about the
#: centre of mass for rotation in the sagittal plane, % of length (the "transverse" column, as
#: for the whole trunk in :mod:`biomech.anthropometry`). Reference statures 1741 and 1735 mm.
#: Transcriptions read: Gurchiek R (2018) deleva.m; Duarte M, BMClab/BMC
#: data/BSPmale_ZdeLeva.txt and BSPfemale_ZdeLeva.txt (the two agree).
_DE_LEVA_LOWER_TRUNK = {
    "male": (145.7, 11.17, 61.15, 55.1, 1741.0),
    "female": (181.5, 12.47, 49.20, 40.2, 1735.0),
}

#: Winter (2009) Table 4.1, pelvis (L4-L5 to the greater trochanter): mass fraction of body
#: mass and centre of mass from L4-L5, fraction of the pelvis's length (transcription read:
#: Duarte M, BMClab/BMC data/BSP_DempsterWinter.txt).
_WINTER_PELVIS_MASS, _WINTER_PELVIS_COM = 0.142, 0.105
#: The share of the hip-to-shoulder distance below de Leva's boundary (the omphalion), reference
#: male: 145.7 mm of 515.5 mm (Table 4: lower trunk OMPH-MIDH; trunk MIDS-MIDH). Used for
#: Winter's L4-L5, which the table does not place (a modelling estimate).
_BOUNDARY_SHARE = 145.7 / 515.5


@dataclass(frozen=True, slots=True)
class TrunkParts:
    """The pelvis of a segment table, and the trunk above it.

    Parameters
    ----------
    table : str
        The segment table's name (``"de_leva_1996"``, ``"winter_2009"``).
    sex : str
        As the table's.
    boundary : str
        The anatomical level at which the table cuts the pelvis from the trunk above it.
    pelvis_mass_fraction : float
        The pelvis's mass, fraction of body mass.
    pelvis_com_above_hip : float
        Distance of the pelvis's centre of mass above the mid-point of the hip joint centres
        along the trunk axis, fraction of stature.
    pelvis_radius_of_gyration : float
        The pelvis's radius of gyration about its centre of mass for rotation in the
        sagittal plane, fraction of stature.
    boundary_above_hip : float
        Distance of the boundary (the lumbar joint) above the mid-hip along the trunk axis,
        fraction of stature.
    citation : str
        Where the numbers come from.

    Examples
    --------
    >>> from biomech.anthropometry import de_leva_1996
    >>> p = trunk_parts(de_leva_1996("male"))
    >>> p.pelvis_mass_fraction, round(p.boundary_above_hip * 1741, 1)  # mm, reference male
    (0.1117, 145.7)
    """

    table: str
    sex: str
    boundary: str
    pelvis_mass_fraction: float
    pelvis_com_above_hip: float
    pelvis_radius_of_gyration: float
    boundary_above_hip: float
    citation: str

    def upper(self, t: SegmentTable) -> tuple[float, float]:
        """The trunk above the pelvis, as the table's whole trunk minus the pelvis: its mass
        (fraction of body mass) and the height of its centre of mass above the mid-hip along
        the trunk axis (fraction of stature), so that the two parts have exactly the whole
        trunk's mass and centre of mass: ``m_u = m_t - m_p``,
        ``h_u = (m_t h_t - m_p h_p) / m_u`` with ``h_t = (1 - c_t) L_t`` (the trunk's centre of
        mass is measured from the shoulders).

        Raises
        ------
        ValueError
            For a table other than the one these parts come from.

        Examples
        --------
        >>> from biomech.anthropometry import de_leva_1996
        >>> t = de_leva_1996("male")
        >>> m, h = trunk_parts(t).upper(t)
        >>> round(m, 4), round(h * 1741, 1)  # mm above the mid-hip, reference male
        (0.3229, 375.2)
        """
        if t.name != self.table or t.sex != self.sex:
            msg = (
                f"`t` is the {t.name} table ({t.sex}); these parts are of {self.table} "
                f"({self.sex}). Pass the table they were made from."
            )
            raise ValueError(msg)
        m_t = t.mass_fraction["trunk"]
        h_t = (1.0 - t.com_fraction["trunk"]) * t.length_fraction["trunk"]
        m_u = m_t - self.pelvis_mass_fraction
        return m_u, (m_t * h_t - self.pelvis_mass_fraction * self.pelvis_com_above_hip) / m_u

    def upper_inertia(self, t: SegmentTable) -> float:
        """Moment of inertia of the trunk above the pelvis about its own centre of mass for
        rotation in the sagittal plane, fraction of body mass x stature^2: the whole trunk's,
        ``m_t (k_t L_t)^2``, less the pelvis's about the trunk's centre of mass
        (``m_p k_p^2 + m_p (h_p - h_t)^2``, parallel axes) and less the upper part's offset,
        ``m_u (h_u - h_t)^2``.

        Examples
        --------
        >>> from biomech.anthropometry import de_leva_1996
        >>> t = de_leva_1996("male")
        >>> round(trunk_parts(t).upper_inertia(t), 6)
        0.001866
        """
        m_u, h_u = self.upper(t)
        m_t, length = t.mass_fraction["trunk"], t.length_fraction["trunk"]
        h_t = (1.0 - t.com_fraction["trunk"]) * length
        whole = m_t * (t.radius_of_gyration["trunk"] * length) ** 2
        m_p, h_p = self.pelvis_mass_fraction, self.pelvis_com_above_hip
        pelvis = m_p * self.pelvis_radius_of_gyration**2 + m_p * (h_p - h_t) ** 2
        inertia = whole - pelvis - m_u * (h_u - h_t) ** 2
        if not inertia > 0.0:  # pragma: no cover - both tables give a positive one
            msg = f"the {self.table} table's trunk parts give a negative moment of inertia."
            raise ValueError(msg)
        return inertia


def trunk_parts(table: SegmentTable) -> TrunkParts:
    """The pelvis and the trunk above it for a segment table (see :class:`TrunkParts`).

    Examples
    --------
    >>> from biomech.anthropometry import winter_2009
    >>> p = trunk_parts(winter_2009())
    >>> p.boundary, p.pelvis_mass_fraction, round(p.boundary_above_hip, 4)  # estimated
    ('L4-L5', 0.142, 0.0814)
    """
    name = check_choice("table", table.name, ("de_leva_1996", "winter_2009"))
    if name == "winter_2009":
        boundary = _BOUNDARY_SHARE * table.length_fraction["trunk"]  # estimate: see above
        radius = _DE_LEVA_LOWER_TRUNK["male"][3] / 100.0 * boundary  # estimate
        return TrunkParts(
            "winter_2009", table.sex, "L4-L5", _WINTER_PELVIS_MASS,
            (1.0 - _WINTER_PELVIS_COM) * boundary, radius, boundary,
            "Winter D.A. (2009) Biomechanics and Motor Control of Human Movement, 4th ed., "
            "Table 4.1 (Dempster 1955): pelvis, L4-L5 to the greater trochanter, mass and "
            "centre of mass; where L4-L5 lies, and the radius of gyration, are estimated from "
            "de Leva's proportions.",
        )  # fmt: skip
    sex = check_choice("sex", table.sex, ("male", "female"))
    length, mass, com, radius, stature = _DE_LEVA_LOWER_TRUNK[sex]
    return TrunkParts(
        "de_leva_1996",
        sex,
        "omphalion",
        mass / 100.0,
        (1.0 - com / 100.0) * length / stature,
        radius / 100.0 * length / stature,
        length / stature,
        "de Leva P. (1996) J Biomech 29(9):1223-1230, Table 4: lower trunk, omphalion to the "
        "mid-point of the hip joint centres.",
    )
