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
from typing import Literal

import numpy as np

from ._validation import check_choice, check_real

__all__ = ["Tempo", "minimum_jerk"]

#: Duration used for an "X" (explosive) concentric in tempo notation, s.
EXPLOSIVE_S = 0.5

#: Shortest eccentric or concentric a tempo accepts, s.
MIN_MOVE_S = 0.1


def minimum_jerk(tau):
    """Minimum-jerk position, velocity and acceleration on ``tau`` in [0, 1] (unit duration).

    Examples
    --------
    >>> s, ds, dds = minimum_jerk(np.array([0.0, 0.5, 1.0]))
    >>> s.tolist(), ds.tolist(), dds.tolist()
    ([0.0, 0.5, 1.0], [0.0, 1.875, 0.0], [0.0, 0.0, 0.0])
    """
    tau = np.clip(np.asarray(tau, dtype=float), 0.0, 1.0)
    s = tau**3 * (10.0 - 15.0 * tau + 6.0 * tau**2)
    ds = 30.0 * tau**2 * (1.0 - tau) ** 2
    dds = 60.0 * tau * (1.0 - tau) * (1.0 - 2.0 * tau)
    return s, ds, dds


def _check_reps(reps: object) -> None:
    if isinstance(reps, bool) or not isinstance(reps, int | np.integer) or reps < 1:
        msg = f"`reps` must be an integer >= 1; got {reps!r}."
        raise ValueError(msg)


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
        # moves must take time; pauses may be zero
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
        if not isinstance(notation, str):
            msg = f"`notation` must be a string like '2-0-1-2'; got {notation!r}."
            raise TypeError(msg)
        parts = re.split(r"[-:/]", notation.strip())
        if len(parts) != 4:
            msg = (
                f"`notation` must have four parts, eccentric-bottom-concentric-top in "
                f"seconds (e.g. '2-0-1-2'); got {notation!r}."
            )
            raise ValueError(msg)
        values = []
        for i, part in enumerate(parts):
            part = part.strip()
            if part.upper() == "X" and i == 2:
                values.append(EXPLOSIVE_S)
                continue
            try:
                values.append(float(part))
            except ValueError:
                msg = (
                    f"`notation` part {i + 1} must be a number of seconds"
                    f"{' or X' if i == 2 else ''}; got {part!r} in {notation!r}."
                )
                raise ValueError(msg) from None
        return cls(
            eccentric_s=values[0],
            bottom_pause_s=values[1],
            concentric_s=values[2],
            top_pause_s=values[3],
            start=start,
        )

    @property
    def rep_duration_s(self) -> float:
        """Duration of one rep, s."""
        return self.eccentric_s + self.bottom_pause_s + self.concentric_s + self.top_pause_s

    def _segments(self) -> list[tuple[float, float, float]]:
        """(duration, phase at start, phase at end) of the four parts, in order."""
        return [(d, p0, p1) for _, d, p0, p1 in self._parts()]

    def _parts(self) -> list[tuple[str, float, float, float]]:
        """(name, duration, phase at start, phase at end) of the four parts, in order."""
        down = ("eccentric", self.eccentric_s, 1.0, 0.0)
        bottom = ("bottom_pause", self.bottom_pause_s, 0.0, 0.0)
        up = ("concentric", self.concentric_s, 0.0, 1.0)
        top = ("top_pause", self.top_pause_s, 1.0, 1.0)
        return [down, bottom, up, top] if self.start == "top" else [up, top, down, bottom]

    def _time_in_rep(self, t, reps: int) -> np.ndarray:
        """Time since the start of the current rep (s); before the set and after it, the start
        and the end of a rep."""
        _check_reps(reps)
        t = np.asarray(check_real("t", t), dtype=float)
        total = reps * self.rep_duration_s
        clipped = np.clip(t, 0.0, total)
        return np.where(clipped >= total, self.rep_duration_s, np.mod(clipped, self.rep_duration_s))

    def movement(self, t, *, reps: int = 1) -> np.ndarray:
        """Name of the part of the rep (``"eccentric"``, ``"bottom_pause"``, ``"concentric"``,
        ``"top_pause"``) at each time ``t`` (s); a time on a boundary belongs to the later part
        (the last sample of the set to the last part).

        Examples
        --------
        >>> Tempo.parse("2-1-1-2").movement([0.0, 2.5, 3.0, 5.9, 6.0], reps=2).tolist()
        ['eccentric', 'bottom_pause', 'concentric', 'top_pause', 'eccentric']
        """
        local = self._time_in_rep(t, reps)
        parts = [(name, d) for name, d, _, _ in self._parts() if d > 0.0]
        out = np.full(local.shape, parts[-1][0], dtype=object)
        end = self.rep_duration_s
        for name, duration in reversed(parts):  # four parts of a rep, not samples
            begin = end - duration
            out = np.where((local >= begin) & (local < end), name, out)
            end = begin
        return out.astype(str)

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
        local = self._time_in_rep(t, reps)
        p = np.empty_like(local)
        dp = np.zeros_like(local)
        ddp = np.zeros_like(local)
        begin = 0.0
        for duration, p0, p1 in self._segments():  # four parts of a rep, not samples
            inside = (local >= begin) & (local <= begin + duration)
            if p0 == p1:  # a pause: the phase holds, rate and acceleration stay zero
                p = np.where(inside, p0, p)
            else:  # a move, at least MIN_MOVE_S long
                s, ds, dds = minimum_jerk((local - begin) / duration)
                p = np.where(inside, p0 + (p1 - p0) * s, p)
                dp = np.where(inside, (p1 - p0) * ds / duration, dp)
                ddp = np.where(inside, (p1 - p0) * dds / duration**2, ddp)
            begin += duration
        return p, dp, ddp

    def sample(self, *, rate_hz: float = 100.0, reps: int = 1):
        """Times (s) sampled at ``rate_hz`` over ``reps`` reps, with phase and its derivatives.

        Returns ``(t, p, dp, ddp)``; both ends are included.

        Examples
        --------
        >>> t, p, dp, ddp = Tempo().sample(rate_hz=10)
        >>> float(t[-1]), t.size
        (5.0, 51)
        """
        rate = float(
            check_real(
                "rate_hz",
                rate_hz,
                low=0.0,
                low_inclusive=False,
                expected="a sampling rate in Hz > 0",
            )
        )
        _check_reps(reps)
        total = reps * self.rep_duration_s
        count = round(total * rate) + 1
        t = np.linspace(0.0, total, count)
        return (t, *self.phase(t, reps=reps))
