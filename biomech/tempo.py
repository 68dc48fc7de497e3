"""Tempo: the phase of the rep over time, smooth enough for inverse dynamics.

A rep is lowering (eccentric, lockout to bottom), a pause at the bottom, lifting (concentric,
bottom to lockout) and a hold at the top. Each movement follows the minimum-jerk profile
``s(tau) = 10 tau^3 - 15 tau^4 + 6 tau^5`` (Flash & Hogan 1985), whose velocity and
acceleration are zero at both ends, so the phase, its rate and its second derivative are all
continuous through every turnaround: no infinite accelerations.

Phase follows :func:`biomech.simulate`: 0 is the bottom of the rep, 1 is lockout.

References
----------
Flash T, Hogan N (1985) The coordination of arm movements: an experimentally confirmed
mathematical model. J Neurosci 5(7):1688-1703.

Examples
--------
>>> from biomech.tempo import Tempo
>>> tempo = Tempo.parse("2-0-1-2")
>>> tempo.rep_duration_s
5.0
>>> t, p, dp, ddp = tempo.sample(rate_hz=100, reps=10)
>>> t.size, float(p[0]), float(p.min())
(5001, 1.0, 0.0)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from ._validation import check_choice, check_int, check_real

__all__ = ["MIN_SAMPLES_PER_MOVE", "Tempo", "minimum_jerk"]

#: Duration used for an "X" (explosive) concentric in tempo notation, s.
EXPLOSIVE_S = 0.5

#: Shortest eccentric or concentric a tempo accepts, s.
MIN_MOVE_S = 0.1

#: Fewest samples a sampled move (eccentric or concentric) may have. A minimum-jerk move's
#: acceleration has two lobes of opposite sign; fewer samples than this cannot show both, and
#: a set sampled more coarsely still has too few samples to integrate (one sample: NaN).
MIN_SAMPLES_PER_MOVE = 4


def minimum_jerk(tau):
    """Minimum-jerk position, velocity and acceleration on ``tau`` in [0, 1] (unit duration).

    Examples
    --------
    >>> s, ds, dds = minimum_jerk(np.array([0.0, 0.5, 1.0]))
    >>> s.tolist(), ds.tolist(), dds.tolist()
    ([0.0, 0.5, 1.0], [0.0, 1.875, 0.0], [0.0, 0.0, 0.0])
    """
    tau = np.clip(np.asarray(tau, dtype=float), 0.0, 1.0)
    # s rises monotonically from 0 to 1; rounding could take it an ulp beyond near tau = 1
    s = np.clip(tau**3 * (10.0 - 15.0 * tau + 6.0 * tau**2), 0.0, 1.0)
    ds = 30.0 * tau**2 * (1.0 - tau) ** 2
    dds = 60.0 * tau * (1.0 - tau) * (1.0 - 2.0 * tau)
    return s, ds, dds


def _check_reps(reps: object) -> int:
    return check_int("reps", reps, low=1, expected="an integer number of reps >= 1")


@dataclass(frozen=True, slots=True, kw_only=True)
class Tempo:
    """Durations of the four parts of a rep, in seconds.

    Parameters
    ----------
    eccentric_s : float, default 2.0
        Lowering, lockout to bottom, s (> 0).
    bottom_pause_s : float, default 0.0
        Pause at the bottom, s (>= 0).
    concentric_s : float, default 1.0
        Lifting, bottom to lockout, s (> 0).
    top_pause_s : float, default 2.0
        Hold at lockout, s (>= 0).
    start : {"top", "bottom"}, default "top"
        Where each rep starts: at lockout, lowering first (squat, hip thrust), or at the bottom,
        lifting first (a deadlift from the floor). A rep starting at the bottom runs
        concentric, top pause, eccentric, bottom pause.

    Examples
    --------
    >>> Tempo(eccentric_s=3.0, concentric_s=1.0).rep_duration_s
    6.0
    """

    eccentric_s: float = 2.0
    bottom_pause_s: float = 0.0
    concentric_s: float = 1.0
    top_pause_s: float = 2.0
    start: Literal["top", "bottom"] = "top"

    def __post_init__(self) -> None:
        # moves must take time (a whole range of motion in less than MIN_MOVE_S is no lift:
        # the accelerations grow as 1/T^2); pauses may be zero
        for name, low in (
            ("eccentric_s", MIN_MOVE_S),
            ("concentric_s", MIN_MOVE_S),
            ("bottom_pause_s", 0.0),
            ("top_pause_s", 0.0),
        ):
            value = check_real(
                name,
                getattr(self, name),
                low=low,
                high=60.0,
                expected=f"a duration in seconds in [{low:g}, 60]",
                scalar=True,
            )
            object.__setattr__(self, name, float(value))
        check_choice("start", self.start, ("top", "bottom"))

    @classmethod
    def parse(cls, notation: str, *, start: Literal["top", "bottom"] = "top") -> Tempo:
        """Read the common four-number notation ``eccentric-bottom-concentric-top`` (seconds).

        ``"2-0-1-2"``: two seconds down, no pause, one second up, two seconds at the top. An
        ``X`` for the concentric means explosive, taken as :data:`EXPLOSIVE_S` seconds.
        Decimals and ``:`` or ``/`` as separators are accepted.

        Examples
        --------
        >>> Tempo.parse("3-1-X-0")
        Tempo(eccentric_s=3.0, bottom_pause_s=1.0, concentric_s=0.5, top_pause_s=0.0, start='top')
        """
        return cls._parse(notation, start=start, argument="notation")

    @classmethod
    def _parse(cls, notation: Any, *, start: Any, argument: str) -> Tempo:
        """:meth:`parse`, its errors naming ``argument`` (``tempo`` when it is simulate's)."""
        example = "eccentric-bottom-concentric-top in seconds, e.g. '2-0-1-2'"
        if not isinstance(notation, str):
            msg = f"`{argument}` must be a string like '2-0-1-2'; got {notation!r}."
            raise TypeError(msg)
        parts = [part.strip() for part in re.split(r"[-:/]", notation.strip())]
        if "" in parts:
            msg = (
                f"`{argument}` must be four durations ({example}), none of them negative or "
                f"empty; got {notation!r}."
            )
            raise ValueError(msg)
        if len(parts) != 4:
            msg = (
                f"`{argument}` must have four parts ({example}); got {len(parts)} in {notation!r}."
            )
            raise ValueError(msg)
        values = []
        for i, part in enumerate(parts):
            if part.upper() == "X" and i == 2:
                values.append(EXPLOSIVE_S)
                continue
            try:
                values.append(float(part))
            except ValueError:
                msg = (
                    f"`{argument}` part {i + 1} must be a number of seconds"
                    f"{' or X' if i == 2 else ''}; got {part!r} in {notation!r}."
                )
                raise ValueError(msg) from None
        try:
            return cls(
                eccentric_s=values[0],
                bottom_pause_s=values[1],
                concentric_s=values[2],
                top_pause_s=values[3],
                start=start,
            )
        except ValueError as error:  # a duration out of range: say which string it came from
            msg = f"`{argument}` = {notation!r}: {error}"
            raise ValueError(msg) from None

    @property
    def rep_duration_s(self) -> float:
        """Duration of one rep, s."""
        return self.eccentric_s + self.bottom_pause_s + self.concentric_s + self.top_pause_s

    def _parts(self) -> list[tuple[str, float, float, float]]:
        """(name, duration, phase at start, phase at end) of the four parts, in order."""
        down = ("eccentric", self.eccentric_s, 1.0, 0.0)
        bottom = ("bottom_pause", self.bottom_pause_s, 0.0, 0.0)
        up = ("concentric", self.concentric_s, 0.0, 1.0)
        top = ("top_pause", self.top_pause_s, 1.0, 1.0)
        return [down, bottom, up, top] if self.start == "top" else [up, top, down, bottom]

    def _time_in_rep(self, t, reps: int) -> np.ndarray:
        """Time since the start of the current rep (s), in [0, rep_duration_s]; before the set
        and after it, the start and the end of a rep."""
        _check_reps(reps)
        t = np.asarray(check_real("t", t), dtype=float)
        total = reps * self.rep_duration_s
        clipped = np.clip(t, 0.0, total)
        return np.where(clipped >= total, self.rep_duration_s, np.mod(clipped, self.rep_duration_s))

    def _locate(self, t, reps: int):
        """The part of the rep of each time ``t`` (s), among the parts that take time, and
        the fraction of it elapsed: ``(names, index, tau, durations, p0, p1)``.

        Every time has exactly one part: the parts' ends are summed in their order and the
        last is set to :attr:`rep_duration_s` (summed in another order, the two could differ
        by a rounding and leave the set's last sample outside every part). A time on a
        boundary belongs to the later part, the end of the rep to the last.
        """
        parts = [part for part in self._parts() if part[1] > 0.0]
        names = np.array([name for name, _, _, _ in parts])
        durations, p0, p1 = (np.array([part[i] for part in parts]) for i in (1, 2, 3))
        ends = np.cumsum(durations)
        ends[-1] = self.rep_duration_s
        local = self._time_in_rep(t, reps)
        index = np.minimum(np.searchsorted(ends, local, side="right"), len(parts) - 1)
        begin = np.concatenate([[0.0], ends[:-1]])[index]
        # elapsed time clipped to the part first: no overflow for a vanishing pause; the end
        # of the rep (the only time at or past its part's end) is the end of its last part
        tau = np.clip(local - begin, 0.0, durations[index]) / durations[index]
        tau = np.where(local >= ends[index], 1.0, tau)
        return names, index, tau, durations[index], p0[index], p1[index]

    def movement(self, t, *, reps: int = 1) -> np.ndarray:
        """Name of the part of the rep (``"eccentric"``, ``"bottom_pause"``, ``"concentric"``,
        ``"top_pause"``) at each time ``t`` (s); a time on a boundary belongs to the later part
        (the last sample of the set to the last part).

        Examples
        --------
        >>> Tempo.parse("2-1-1-2").movement([0.0, 2.5, 3.0, 5.9, 6.0], reps=2).tolist()
        ['eccentric', 'bottom_pause', 'concentric', 'top_pause', 'eccentric']
        """
        names, index, _, _, _, _ = self._locate(t, reps)
        return names[index]

    def as_attrs(self, *, reps: int = 1, rate_hz: float | None = None) -> dict[str, object]:
        """The tempo as flat dataset attributes.

        Examples
        --------
        >>> Tempo.parse("2-0-1-2").as_attrs(reps=3)["tempo"]
        '2-0-1-2'
        """
        out: dict[str, object] = {
            "tempo": self.notation,
            "tempo_start": self.start,
            "eccentric_s": self.eccentric_s,
            "bottom_pause_s": self.bottom_pause_s,
            "concentric_s": self.concentric_s,
            "top_pause_s": self.top_pause_s,
            "rep_duration_s": self.rep_duration_s,
            "reps": reps,
        }
        if rate_hz is not None:
            out["rate_hz"] = float(rate_hz)
        return out

    @property
    def notation(self) -> str:
        """The tempo in the four-number notation (eccentric-bottom-concentric-top, s).

        Examples
        --------
        >>> Tempo(eccentric_s=3.0, concentric_s=0.5).notation
        '3-0-0.5-2'
        """
        parts = (self.eccentric_s, self.bottom_pause_s, self.concentric_s, self.top_pause_s)
        return "-".join(f"{v:g}" for v in parts)

    def phase(self, t, *, reps: int = 1):
        """Phase ``p``, its rate ``dp/dt`` (1/s) and ``d2p/dt2`` (1/s^2) at times ``t`` (s).

        Times before 0 or after the last rep hold the start (or end) posture.

        Examples
        --------
        >>> p, dp, ddp = Tempo.parse("2-0-1-2").phase([0.0, 1.0, 2.0, 2.5, 3.0])
        >>> p.round(3).tolist()
        [1.0, 0.5, 0.0, 0.5, 1.0]
        """
        _, _, tau, duration, p0, p1 = self._locate(t, reps)
        s, ds, dds = minimum_jerk(tau)
        speed = (p1 - p0) / duration  # zero in a pause, however short: no 0/0 below
        return p0 + (p1 - p0) * s, speed * ds, speed / duration * dds

    def sample(self, *, rate_hz: float = 100.0, reps: int = 1):
        """Times (s) sampled at ``rate_hz`` over ``reps`` reps, with phase and its derivatives.

        Returns ``(t, p, dp, ddp)``; both ends are included.

        Examples
        --------
        >>> t, p, dp, ddp = Tempo().sample(rate_hz=10)
        >>> float(t[-1]), t.size
        (5.0, 51)
        """
        count = self._sample_count(rate_hz=rate_hz, reps=reps)
        t = np.linspace(0.0, reps * self.rep_duration_s, count)
        return (t, *self.phase(t, reps=reps))

    def _sample_count(self, *, rate_hz: Any, reps: Any) -> int:
        """How many samples :meth:`sample` takes (both ends included), its arguments checked."""
        rate = float(
            check_real(
                "rate_hz",
                rate_hz,
                low=0.0,
                low_inclusive=False,
                expected="a sampling rate in Hz > 0",
                scalar=True,
            )
        )
        self._check_rate(rate)
        return round(_check_reps(reps) * self.rep_duration_s * rate) + 1

    def _check_rate(self, rate: float) -> None:
        """Refuse a rate that gives a move fewer than :data:`MIN_SAMPLES_PER_MOVE` samples."""
        name, shortest = min(
            (("eccentric", self.eccentric_s), ("concentric", self.concentric_s)),
            key=lambda part: part[1],
        )
        if rate * shortest < MIN_SAMPLES_PER_MOVE * (1.0 - 1e-12):  # the rate it suggests passes
            msg = (
                f"`rate_hz` = {rate!r} gives {rate * shortest:.3g} samples over the "
                f"{shortest:g} s {name}; a move needs at least {MIN_SAMPLES_PER_MOVE}: "
                f"use rate_hz >= {MIN_SAMPLES_PER_MOVE / shortest:g}."
            )
            raise ValueError(msg)
