"""The scaled body reproduces its published table."""

import dataclasses

import numpy as np
import pytest

import biomech
from biomech import Body, de_leva_1996, trunk_parts, winter_2009
from biomech.anthropometry import SEGMENT_COUNT
from biomech.conventions import SEGMENTS


@pytest.mark.parametrize("table", [de_leva_1996("male"), de_leva_1996("female"), winter_2009()])
def test_mass_fractions_sum_to_one(table):
    """Every table covers the whole body: fractions (pairs counted twice) sum to 1."""
    total = sum(table.mass_fraction[s] * SEGMENT_COUNT[s] for s in biomech.SEGMENTS)
    assert total == pytest.approx(1.0, abs=1e-12)


def test_de_leva_male_values_are_the_published_ones():
    """de Leva (1996) Table 4, male: thigh 14.16 % of body mass, 422.2 mm of 1741 mm stature,
    centre of mass 40.95 % from the hip joint centre; trunk (MIDS-MIDH) 43.46 %, 515.5 mm."""
    t = de_leva_1996("male")
    assert t.mass_fraction["thigh"] == 0.1416
    assert t.length_fraction["thigh"] * 1741.0 == pytest.approx(422.2, abs=1e-9)
    assert t.com_fraction["thigh"] == pytest.approx(0.4095, rel=1e-12)
    assert t.mass_fraction["trunk"] == 0.4346
    assert t.length_fraction["trunk"] * 1741.0 == pytest.approx(515.5, abs=1e-9)


def test_de_leva_female_is_rescaled_from_published_rounding():
    """The female table sums to 99.99 % as printed; rescaling changes each value by 1e-4."""
    t = de_leva_1996("female")
    assert t.mass_fraction["thigh"] == pytest.approx(0.1478 / 0.9999, rel=1e-12)


def test_scaled_body_reproduces_the_table():
    """Masses sum to body mass; each segment is its fraction of mass and of stature."""
    body = Body.from_height_mass(height_m=1.62, mass_kg=58.0, sex="female")
    masses = [body.segment_mass(s) for s in biomech.SEGMENTS]
    assert sum(masses) == pytest.approx(58.0, rel=1e-12)
    assert body.segment_mass("thigh") == pytest.approx(2 * 0.1478 / 0.9999 * 58.0, rel=1e-12)
    assert body.segment_length("shank") == pytest.approx(432.3 / 1735.0 * 1.62, rel=1e-12)
    assert body.knee_height_m == pytest.approx((0.039 + 432.3 / 1735.0) * 1.62, rel=1e-12)


def test_default_body_thigh_is_1416_percent():
    body = Body.default()
    assert body.segment_mass("thigh") / 2 / body.mass_kg == pytest.approx(0.1416, rel=1e-12)


def test_population_broadcasts():
    """A body of arrays is a population: every quantity has the broadcast shape."""
    h = np.array([[1.6], [1.8]])
    m = np.array([60.0, 70.0, 80.0])
    pop = Body.from_height_mass(height_m=h, mass_kg=m)
    assert pop.shape == (2, 3)
    assert np.shape(pop.segment_mass("thigh")) == (2, 3)
    assert np.shape(pop.segment_length("thigh")) == (2, 3)
    np.testing.assert_allclose(pop.segment_length("thigh")[:, 0], 0.4222 / 1.741 * h[:, 0])


def test_body_is_immutable_and_replace_validates():
    body = Body.default()
    with pytest.raises(dataclasses.FrozenInstanceError):
        body.height_m = 2.0  # type: ignore[misc]
    with pytest.raises(ValueError, match="height_m"):
        dataclasses.replace(body, height_m=-1.0)


def test_winter_table_values():
    """Winter (2009) Table 4.1: thigh 0.100, shank 0.0465, foot 0.0145, trunk 0.497."""
    t = winter_2009()
    assert (t.mass_fraction["thigh"], t.mass_fraction["shank"]) == (0.1, 0.0465)
    assert (t.mass_fraction["foot"], t.mass_fraction["trunk"]) == (0.0145, 0.497)
    assert t.length_fraction["thigh"] == pytest.approx(0.245)


def test_repr_is_readable():
    assert repr(Body.default()) == (
        "Body(height_m=1.8, mass_kg=80.0, sex='male', table='de_leva_1996')"
    )


@pytest.mark.parametrize("table", ["de_leva_1996", "winter_2009"])
@pytest.mark.parametrize("sex", ["male", "female"])
def test_one_body_scales_exactly_as_a_population_of_one(table, sex):
    """A single body's lengths and masses (Python floats, computed without arrays) are
    bit-for-bit those of the same body in a population."""
    one = Body.from_height_mass(height_m=1.73, mass_kg=67.3, sex=sex, table=table)
    pop = Body.from_height_mass(
        height_m=np.array([1.73, 1.9]), mass_kg=np.array([67.3, 90.0]), sex=sex, table=table
    )
    for seg in SEGMENTS:
        assert type(one.segment_length(seg)) is float
        assert one.segment_length(seg) == pop.segment_length(seg)[0]
        assert one.segment_mass(seg) == pop.segment_mass(seg)[0]
    for name in ("ankle_height_m", "knee_height_m", "heel_to_ankle_m", "arm_length_m"):
        assert getattr(one, name) == getattr(pop, name)[0]


# --- the trunk's parts (biomech.trunk) ---------------------------------------------------------
# de Leva (1996) Table 4, as printed (mass % of body mass, centre of mass % of length from the
# upper end, length mm of the reference subject): upper trunk SUPR-XYPH, middle trunk
# XYPH-OMPH, whole trunk SUPR-MIDH. Independent of the code's own constants (only the lower
# trunk is in the code).
DE_LEVA_UPPER_MIDDLE = {
    "male": {"upper": (15.96, 29.99, 170.7), "middle": (16.33, 45.02, 215.5), "trunk": 43.46},
    "female": {"upper": (15.45, 20.77, 142.5), "middle": (14.65, 45.12, 205.3), "trunk": 42.57},
}
DE_LEVA_STATURE = {"male": 1741.0, "female": 1735.0}


@pytest.mark.parametrize("sex", ["male", "female"])
def test_de_leva_trunk_parts_add_up_to_the_trunk(sex):
    """Upper, middle and lower trunk masses sum to the whole trunk's (de Leva's table is
    exact to its rounding), and the three lengths to SUPR-MIDH (531.9 and 529.3 mm)."""
    p = trunk_parts(biomech.de_leva_1996(sex))
    rows = DE_LEVA_UPPER_MIDDLE[sex]
    total = rows["upper"][0] + rows["middle"][0] + 100.0 * p.pelvis_mass_fraction
    assert total == pytest.approx(rows["trunk"], abs=1e-9)
    length = rows["upper"][2] + rows["middle"][2] + p.boundary_above_hip * DE_LEVA_STATURE[sex]
    assert length == pytest.approx({"male": 531.9, "female": 529.3}[sex], abs=1e-9)


@pytest.mark.parametrize(("sex", "tolerance_mm"), [("male", 4.5), ("female", 0.5)])
def test_trunk_above_the_pelvis_matches_de_levas_upper_and_middle_trunk(sex, tolerance_mm):
    """The trunk above the pelvis, taken as the model's whole trunk minus de Leva's lower
    trunk, has the mass of de Leva's upper plus middle trunk and, within the table's own
    rounding, their combined centre of mass: 375.2 mm above the mid-hip against 371.2 mm
    (male; de Leva's whole-trunk centre of mass lies 3 mm above the combination of its three
    parts), 399.6 against 399.7 mm (female)."""
    table = biomech.de_leva_1996(sex)
    mass, com = trunk_parts(table).upper(table)
    rows = DE_LEVA_UPPER_MIDDLE[sex]
    (m1, c1, l1), (m2, c2, l2) = rows["upper"], rows["middle"]
    supr = l1 + l2 + trunk_parts(table).boundary_above_hip * DE_LEVA_STATURE[sex]
    h1 = supr - c1 / 100.0 * l1
    h2 = supr - l1 - c2 / 100.0 * l2
    expected = (m1 * h1 + m2 * h2) / (m1 + m2)
    # the code's table is rescaled to sum to one (de Leva's female table sums to 0.9999)
    assert 100.0 * mass == pytest.approx(m1 + m2, rel=2e-4)
    assert abs(com * DE_LEVA_STATURE[sex] - expected) <= tolerance_mm


def test_winter_pelvis_is_the_trunk_minus_thorax_and_abdomen():
    """Winter's Table 4.1: thorax 0.216 + abdomen 0.139 + pelvis 0.142 = trunk 0.497. The
    table gives no lengths: L4-L5 is placed at de Leva's share of the trunk below the
    omphalion (145.7 of 515.5 mm) and the pelvis's centre of mass 0.105 of the way from it to
    the trochanter, as the table's fraction says."""
    table = winter_2009()
    p = trunk_parts(table)
    assert 0.216 + 0.139 + p.pelvis_mass_fraction == pytest.approx(0.497, abs=1e-12)
    boundary = 145.7 / 515.5 * (0.818 - 0.530)
    assert p.boundary_above_hip == pytest.approx(boundary, rel=1e-12)
    assert p.pelvis_com_above_hip == pytest.approx((1.0 - 0.105) * boundary, rel=1e-12)


@pytest.mark.parametrize("table", [de_leva_1996("male"), de_leva_1996("female"), winter_2009()])
def test_trunk_parts_recombine_into_the_trunk(table):
    """Pelvis and upper part have the whole trunk's mass, centre of mass and moment of
    inertia about it (parallel axes), as the model's trunk (:class:`SegmentTable`)."""
    p = trunk_parts(table)
    m_u, h_u = p.upper(table)
    m_p, h_p = p.pelvis_mass_fraction, p.pelvis_com_above_hip
    m_t, length = table.mass_fraction["trunk"], table.length_fraction["trunk"]
    h_t = (1.0 - table.com_fraction["trunk"]) * length
    assert m_u + m_p == pytest.approx(m_t, rel=1e-15)
    assert (m_u * h_u + m_p * h_p) / m_t == pytest.approx(h_t, rel=1e-14)
    whole = (p.upper_inertia(table) + m_u * (h_u - h_t) ** 2
             + m_p * p.pelvis_radius_of_gyration**2 + m_p * (h_p - h_t) ** 2)  # fmt: skip
    assert whole == pytest.approx(m_t * (table.radius_of_gyration["trunk"] * length) ** 2)


def test_trunk_parts_refuse_another_table():
    with pytest.raises(ValueError, match="these parts are of de_leva_1996"):
        trunk_parts(biomech.de_leva_1996("male")).upper(biomech.de_leva_1996("female"))
