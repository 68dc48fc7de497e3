"""The scaled body reproduces its published table."""

import dataclasses

import numpy as np
import pytest

import biomech
from biomech import Body, de_leva_1996, winter_2009
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
