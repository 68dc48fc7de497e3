"""Tempo: the phase over time is smooth, bounded, and does what the notation says."""

import numpy as np
import pytest

from biomech.tempo import EXPLOSIVE_S, Tempo, minimum_jerk


def test_parse_the_common_notation():
    t = Tempo.parse("3-1-2-0")
    assert (t.eccentric_s, t.bottom_pause_s, t.concentric_s, t.top_pause_s) == (3, 1, 2, 0)
    assert Tempo.parse("2/0/X/1").concentric_s == EXPLOSIVE_S
    assert Tempo.parse("1.5:0:0.8:2").eccentric_s == 1.5


@pytest.mark.parametrize(
    ("notation", "match"),
    [
        ("2-0-1", r"four parts"),
        ("2-a-1-2", r"part 2 must be a number of seconds; got 'a'"),
        ("X-0-1-2", r"part 1 must be a number of seconds; got 'X'"),
        ("0-0-1-2", r"`eccentric_s` must be a duration in seconds in \[0.1, 60\]; got 0.0"),
        ("2-0-0.05-2", r"`concentric_s` must be a duration in seconds in \[0.1, 60\]; got 0.05"),
        ("2--1-1-1", r"none of them negative or empty"),
        ("2--1-1-2", r"none of them negative or empty"),
    ],
)
def test_bad_notation_is_named(notation, match):
    with pytest.raises(ValueError, match=match):
        Tempo.parse(notation)


def test_a_vanishing_pause_is_no_pause():
    """A pause of 1e-300 s changes nothing (no division by its duration anywhere)."""
    t = np.linspace(0.0, 3.0, 301)
    a = Tempo(eccentric_s=2.0, concentric_s=1.0, top_pause_s=0.0).phase(t)
    b = Tempo(eccentric_s=2.0, concentric_s=1.0, top_pause_s=1e-300, bottom_pause_s=1e-300)
    for x, y in zip(a, b.phase(t), strict=True):
        np.testing.assert_allclose(x, y, rtol=0, atol=1e-12)


def test_minimum_jerk_has_zero_velocity_and_acceleration_at_both_ends():
    s, ds, dds = minimum_jerk(np.array([0.0, 1.0]))
    assert s.tolist() == [0.0, 1.0]
    assert ds.tolist() == [0.0, 0.0]
    assert dds.tolist() == [0.0, 0.0]


def test_phase_follows_the_tempo():
    tempo = Tempo.parse("2-1-1-2")
    t, p, dp, _ddp = tempo.sample(rate_hz=1000, reps=3)
    assert t[-1] == pytest.approx(3 * 6.0)
    assert p[0] == 1.0  # starts at lockout
    assert p.min() == 0.0
    assert p.max() == 1.0
    assert np.all((p >= 0) & (p <= 1))
    in_bottom_pause = (t % 6.0 > 2.0) & (t % 6.0 < 3.0)
    assert np.all(p[in_bottom_pause] == 0.0)
    assert np.all(dp[in_bottom_pause] == 0.0)
    lifting = (t % 6.0 > 3.0) & (t % 6.0 < 4.0)
    assert np.all(dp[lifting] > 0)


def test_derivatives_are_the_derivatives_and_continuous():
    """Central differences of p reproduce dp, and of dp reproduce ddp, over turnarounds and
    pauses. The error is O(dt^2) inside a move and O(dt) where the jerk jumps (a move's ends:
    at most jerk 60/T^3 times dt); a jump in dp or ddp itself would leave an O(1) error, so
    the bounds below also prove continuity."""
    tempo = Tempo.parse("2-0-1-2")
    t, p, dp, ddp = tempo.sample(rate_hz=2000, reps=2)
    dt = t[1] - t[0]
    jerk = 60.0 / min(tempo.eccentric_s, tempo.concentric_s) ** 3
    np.testing.assert_allclose(np.gradient(p, dt)[1:-1], dp[1:-1], rtol=0, atol=1e-5)
    np.testing.assert_allclose(np.gradient(dp, dt)[1:-1], ddp[1:-1], rtol=0, atol=jerk * dt)
    # the largest acceleration of a minimum-jerk move of unit amplitude is 10/sqrt(3)/T^2
    assert np.abs(ddp).max() <= 10 / np.sqrt(3) / 1.0**2 + 1e-9


def test_deadlift_starts_at_the_bottom():
    t, p, _dp, _ddp = Tempo.parse("1-1-2-0", start="bottom").sample(rate_hz=100)
    assert p[0] == 0.0
    assert p[t.searchsorted(2.0)] == 1.0  # lifted in 2 s (the concentric part comes first)


def test_ten_reps_at_100_hz():
    t, _p, dp, _ddp = Tempo.parse("2-0-1-2").sample(rate_hz=100, reps=10)
    assert t.size == 5001
    assert np.count_nonzero(np.diff(np.signbit(dp[dp != 0]).astype(int)) != 0) == 19


def test_bad_reps_and_rate():
    with pytest.raises(ValueError, match=r"`reps` must be an integer number of reps >= 1; got 0"):
        Tempo().sample(reps=0)
    with pytest.raises(ValueError, match=r"`rate_hz` must be a sampling rate in Hz > 0"):
        Tempo().sample(rate_hz=-1)
