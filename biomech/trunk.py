"""The trunk's two parts: the pelvis, and the trunk above it, from the tables' sub-segments.

The model's trunk is one rigid segment from the hip joint centres to the shoulder joint
centres. Both published tables also split it, at different levels:

* de Leva (1996), Table 4: upper trunk (suprasternale to xiphion), middle trunk (xiphion to
  omphalion) and lower trunk (omphalion to the mid-point of the hip joint centres), with mass,
  centre of mass, radii of gyration and, for the reference subjects, lengths. The lower trunk
  is the pelvis here; its upper boundary, the navel, lies at about the third or fourth lumbar
  vertebra.
* Winter (2009), Table 4.1 (Dempster's cadavers): thorax (C7-T1 to T12-L1), abdomen (T12-L1 to
  L4-L5) and pelvis (L4-L5 to the greater trochanter), with mass and centre of mass but no
  lengths, so that where the pelvis's centre of mass lies along the trunk is not known from
  the table.

:func:`trunk_parts` gives the pelvis of a table as fractions of stature and body mass (the
upper part is the table's whole trunk minus the pelvis, so that the two parts together are
exactly the trunk the rest of the model uses: :meth:`TrunkParts.upper`). This is the data a
lumbar joint between the two parts needs; the joint itself, its location and the pelvis's tilt
are the next step of the model (docs/model.md, "What comes next").
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
#: mass (transcription read: Duarte M, BMClab/BMC data/BSP_DempsterWinter.txt).
_WINTER_PELVIS_MASS = 0.142


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
    pelvis_com_above_hip : float or None
        Distance of the pelvis's centre of mass above the mid-point of the hip joint centres
        along the trunk axis, fraction of stature (None: the table gives no length).
    pelvis_radius_of_gyration : float or None
        The pelvis's radius of gyration about its centre of mass for rotation in the
        sagittal plane, fraction of stature (None: not in the table).
    boundary_above_hip : float or None
        Distance of the boundary above the mid-hip along the trunk axis, fraction of stature.
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
    pelvis_com_above_hip: float | None
    pelvis_radius_of_gyration: float | None
    boundary_above_hip: float | None
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
            For a table whose pelvis has no centre of mass along the trunk (Winter's), or a
            table other than the one these parts come from.

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
        if self.pelvis_com_above_hip is None:
            msg = (
                f"the {self.table} table gives no length for its pelvis ({self.boundary} to "
                "the hips), so the centre of mass of the trunk above it is not known. Use "
                "de_leva_1996."
            )
            raise ValueError(msg)
        m_t = t.mass_fraction["trunk"]
        h_t = (1.0 - t.com_fraction["trunk"]) * t.length_fraction["trunk"]
        m_u = m_t - self.pelvis_mass_fraction
        return m_u, (m_t * h_t - self.pelvis_mass_fraction * self.pelvis_com_above_hip) / m_u


def trunk_parts(table: SegmentTable) -> TrunkParts:
    """The pelvis and the trunk above it for a segment table (see :class:`TrunkParts`).

    Examples
    --------
    >>> from biomech.anthropometry import winter_2009
    >>> p = trunk_parts(winter_2009())
    >>> p.boundary, p.pelvis_mass_fraction, p.pelvis_com_above_hip
    ('L4-L5', 0.142, None)
    """
    name = check_choice("table", table.name, ("de_leva_1996", "winter_2009"))
    if name == "winter_2009":
        return TrunkParts(
            "winter_2009", table.sex, "L4-L5", _WINTER_PELVIS_MASS, None, None, None,
            "Winter D.A. (2009) Biomechanics and Motor Control of Human Movement, 4th ed., "
            "Table 4.1 (Dempster 1955): pelvis, L4-L5 to the greater trochanter.",
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
