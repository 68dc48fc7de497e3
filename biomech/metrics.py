"""Training metrics of a set lifted to a tempo: time under tension, moment impulse, peaks.

All of them are read off a result of :func:`biomech.simulate` with ``tempo=``, per rep (a
``rep`` dimension, numbered from 1) and for the set, for every joint:

* ``time_under_tension(rep)`` (s): the rep's duration under the bar (eccentric, pauses and
  concentric: the sum of the tempo's four numbers, the coaching definition);
* ``time_above_half_peak(rep, joint)`` (s): how long the joint's net moment stays above half
  of its peak over the set, a measure of where in the rep the load is felt;
* ``moment_impulse(rep, joint)`` (N m s): the integral of the net moment over the rep's time,
  ``J = integral M dt`` (trapezoidal, exact for the sampled curve between samples), and
  ``quasi_static_moment_impulse`` of the same postures held still;
* ``peak_moment(rep, joint)`` (N m), its time ``time_at_peak_moment`` (s from the start of the
  set) and phase ``phase_at_peak_moment``, and ``quasi_static_peak_moment``;
* ``set_time_under_tension``, ``set_moment_impulse(joint)`` and
  ``set_quasi_static_moment_impulse(joint)``: the sums over the reps.

Examples
--------
>>> import biomech
>>> ds = biomech.simulate(biomech.Squat(), tempo="2-0-1-2", reps=2, rate_hz=50)
>>> ds["time_under_tension"].values.tolist()
[5.0, 5.0]
>>> bool(ds["set_moment_impulse"].sel(joint="hip") == ds["moment_impulse"].sel(joint="hip").sum())
True
"""

from __future__ import annotations

import numpy as np
import xarray as xr

from .schema import coordinate, labelled

__all__ = ["rep_metrics"]

#: The metrics, in the order a result lists them.
_ORDER = (
    "time_under_tension",
    "time_above_half_peak",
    "moment_impulse",
    "quasi_static_moment_impulse",
    "peak_moment",
    "time_at_peak_moment",
    "phase_at_peak_moment",
    "quasi_static_peak_moment",
    "set_time_under_tension",
    "set_moment_impulse",
    "set_quasi_static_moment_impulse",
)


def _cumulative_trapezoid(y: np.ndarray, t: np.ndarray) -> np.ndarray:
    """Running integral of ``y`` over ``t`` along axis -2 (time), starting at 0."""
    dt = np.diff(t)[:, None]
    steps = 0.5 * (y[..., 1:, :] + y[..., :-1, :]) * dt
    zero = np.zeros(y.shape[:-2] + (1, y.shape[-1]))
    return np.concatenate([zero, np.cumsum(steps, axis=-2)], axis=-2)


def _at_times(c: np.ndarray, t: np.ndarray, when: np.ndarray) -> np.ndarray:
    """Linear interpolation of ``c`` (time on axis -2) at the times ``when``."""
    i = np.clip(np.searchsorted(t, when, side="right") - 1, 0, t.size - 2)
    frac = ((when - t[i]) / (t[i + 1] - t[i]))[:, None]
    return c[..., i, :] + frac * (c[..., i + 1, :] - c[..., i, :])


#: What :func:`rep_metrics` reads of a lifted result.
_NEEDED_VARIABLES = ("net_moment", "quasi_static_net_moment", "phase")
_NEEDED_ATTRS = ("rep_duration_s", "reps")


def _check_lifted(ds: object) -> None:
    """Refuse anything but a result of ``simulate(..., tempo=...)``, naming what is missing."""
    if not isinstance(ds, xr.Dataset):
        msg = (
            "`ds` must be an xarray.Dataset, a result of biomech.simulate(..., tempo=...); "
            f"got {ds!r} ({type(ds).__name__})."
        )
        raise TypeError(msg)
    missing = [v for v in _NEEDED_VARIABLES if v not in ds.variables]
    missing += [f"attribute {a}" for a in _NEEDED_ATTRS if a not in ds.attrs]
    if "time" not in ds.dims or missing:
        msg = (
            "`ds` must be a result of biomech.simulate(..., tempo=...) (dimension `time`, "
            f"variables {', '.join(_NEEDED_VARIABLES)}, attributes {', '.join(_NEEDED_ATTRS)}); "
            f"got dimensions {tuple(ds.dims)}"
            + (f", missing {', '.join(missing)}." if missing else ".")
        )
        raise ValueError(msg)


def rep_metrics(ds: xr.Dataset) -> xr.Dataset:
    """Per-rep and per-set training metrics of a result of ``simulate(..., tempo=...)``.

    Parameters
    ----------
    ds : xarray.Dataset
        With dimension ``time`` (s), ``net_moment(..., time, joint)`` (dynamic),
        ``quasi_static_net_moment``, the coordinate ``phase(time)`` and the attributes
        ``rep_duration_s`` and ``reps`` (as :func:`biomech.simulate` writes them).

    Returns
    -------
    xarray.Dataset
        The variables listed in :mod:`biomech.metrics`, with units and long names (and the
        moments' ``basis``, that of ``ds``: its attribute ``legs``, both legs unless said);
        dimension ``rep`` (1, 2, ...) and, for a population, ``body``.

    Raises
    ------
    TypeError
        If ``ds`` is not a dataset.
    ValueError
        If ``ds`` is not a result lifted to a tempo (the message says what it lacks).

    Examples
    --------
    >>> import biomech
    >>> ds = biomech.simulate(biomech.HipThrust(), tempo="3-0-2-1", rate_hz=50)
    >>> m = rep_metrics(ds)
    >>> float(m["time_under_tension"].sel(rep=1))
    6.0
    """
    _check_lifted(ds)
    duration = float(ds.attrs["rep_duration_s"])
    reps = int(ds.attrs["reps"])
    t = np.asarray(ds["time"], dtype=float)
    dims = [d for d in ds["net_moment"].dims if d not in ("time", "joint")]
    m = ds["net_moment"].transpose(*dims, "time", "joint").to_numpy()
    m_still = ds["quasi_static_net_moment"].transpose(*dims, "time", "joint").to_numpy()
    bounds = duration * np.arange(reps + 1)
    # which rep each sample belongs to (a boundary sample to the later rep, the last to the
    # last): non-decreasing, so each rep is a run of samples starting at ``starts``
    rep_of = np.minimum((t // duration).astype(int), reps - 1)
    starts = np.searchsorted(rep_of, np.arange(reps), side="left")

    def impulse(y):
        c = _at_times(_cumulative_trapezoid(y, t), t, bounds)
        return np.diff(c, axis=-2)  # (..., rep, joint)

    def peak(y):
        """Largest value of each rep and the sample where it first occurs (memory linear in
        the samples: one reduction over each rep's run of samples)."""
        largest = np.maximum.reduceat(y, starts, axis=-2)  # (..., rep, joint)
        at = np.where(y == largest[..., rep_of, :], np.arange(t.size)[:, None], t.size)
        return largest, np.minimum.reduceat(at, starts, axis=-2)

    peak_m, i_peak = peak(m)
    peak_still, _ = peak(m_still)
    # time above half the set's peak: the indicator integrated like the impulse
    half = 0.5 * np.max(m, axis=-2, keepdims=True)
    above = impulse((m > half).astype(float))
    phase = np.asarray(ds["phase"], dtype=float)
    j_dyn, j_still = impulse(m), impulse(m_still)
    tut = np.full(reps, duration)
    lead = tuple(dims)
    values = {
        "time_above_half_peak": above,
        "moment_impulse": j_dyn,
        "quasi_static_moment_impulse": j_still,
        "peak_moment": peak_m,
        "time_at_peak_moment": t[i_peak],
        "phase_at_peak_moment": phase[i_peak],
        "quasi_static_peak_moment": peak_still,
        "set_moment_impulse": j_dyn.sum(axis=-2),
        "set_quasi_static_moment_impulse": j_still.sum(axis=-2),
    }
    legs = ds.attrs.get("legs", "both")  # the moments' basis: both legs, or one (per_leg)
    out = {name: labelled(name, lead, data, legs) for name, data in values.items()}
    out["time_under_tension"] = labelled("time_under_tension", (), tut)
    out["set_time_under_tension"] = labelled("set_time_under_tension", (), tut.sum())
    out = {name: out[name] for name in _ORDER}
    rep = coordinate("rep", "rep", np.arange(1, reps + 1))
    return xr.Dataset(out, coords={"rep": rep, "joint": ds["joint"]}, attrs={"legs": legs})
