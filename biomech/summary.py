"""Reduce moment curves to the numbers coaches quote: peak, where it happens, lockout."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import xarray as xr

from ._validation import check_choice, check_real
from .anthropometry import Body
from .conventions import JOINTS, STANDARD_GRAVITY
from .exercises import Deadlift, HipThrust, Squat
from .exercises._base import MAX_LOAD_KG, Exercise
from .legs import check_legs, per_leg
from .model.reduce import joint_summary
from .schema import VARIABLES, labelled, summary_of
from .simulate import simulate

__all__ = ["COLUMNS", "DEFAULT_LOAD_KG", "compare_lifts", "summarize"]

#: Barbell mass used by :func:`compare_lifts` and ``biomech compare`` unless told otherwise, kg.
DEFAULT_LOAD_KG = 100.0

#: The columns of :func:`compare_lifts` (the hip's summary, :data:`biomech.schema.VARIABLES`).
COLUMNS = (
    "peak_hip_moment",
    "hip_flexion_at_peak_hip",
    "lockout_hip_moment",
    "lockout_to_peak_hip",
)


def _check_held(ds: object) -> None:
    """Refuse anything but a quasi-static result over the whole rep, saying what is wrong."""
    if not isinstance(ds, xr.Dataset):
        msg = f"`ds` must be an xarray.Dataset, a result of biomech.simulate; got {ds!r}."
        raise TypeError(msg)
    if "phase" not in ds.dims:
        msg = (
            "`ds` must be a quasi-static result over `phase`; a rep lifted to a tempo (over "
            "`time`) carries its per-rep metrics (peak_moment, moment_impulse, ...) already."
        )
        raise ValueError(msg)
    missing = [v for v in ("net_moment", "joint_angle") if v not in ds]
    if missing:
        msg = f"`ds` must hold the variables net_moment and joint_angle; missing {missing}."
        raise ValueError(msg)
    phase = ds["phase"].to_numpy()
    if phase.size < 2 or phase.min() != 0.0 or phase.max() != 1.0:
        msg = (
            "`ds` must span the whole rep, phase 0 (bottom) to 1 (lockout), to have a peak "
            f"and a lockout; got phases {phase.min():g} to {phase.max():g} ({phase.size} "
            "samples). Summarize the result of simulate before selecting from it."
        )
        raise ValueError(msg)


def summarize(ds: xr.Dataset, joint: str = "hip") -> xr.Dataset:
    """Peak, lockout and their ratio of one joint's net moment over the phase dimension.

    Parameters
    ----------
    ds : xarray.Dataset
        A result of :func:`biomech.simulate`; any dimensions besides ``phase`` are kept.
    joint : {"ankle", "knee", "hip"}

    Raises
    ------
    TypeError, ValueError
        If ``ds`` is not a quasi-static result of :func:`biomech.simulate` over the whole rep
        (phase 0 to 1).

    Returns
    -------
    xarray.Dataset
        The summary in the vocabulary of the sweeps (:data:`biomech.schema.VARIABLES`), for
        ``joint`` = ``"hip"``: ``peak_hip_moment`` (N m, the largest net moment in the joint's
        positive direction), ``phase_at_peak_hip``, ``hip_flexion_at_peak_hip`` (deg),
        ``lockout_hip_moment`` (N m, at ``phase = 1``), ``lockout_to_peak_hip`` (1) and
        ``mean_hip_moment`` (N m, trapezoidal mean over the phase); likewise ``*_knee_*`` and
        ``*_ankle_*``. The reduction is the summary sweeps' (:mod:`biomech.model.reduce`).
        The moments' ``basis`` (both legs, or one) and the attribute ``legs`` are those of
        ``ds``: the summary of :func:`biomech.per_leg` of a result is the per-leg summary.

    Examples
    --------
    >>> import biomech
    >>> s = summarize(biomech.simulate(biomech.Squat(), n=101))
    >>> bool(s["lockout_to_peak_hip"] < 0.15)
    True
    """
    check_choice("joint", joint, JOINTS)
    _check_held(ds)
    m = ds["net_moment"].sel(joint=joint).reset_coords(drop=True).transpose(..., "phase")
    flexion = ds["joint_angle"].sel(joint="hip").reset_coords(drop=True).transpose(..., "phase")
    flexion = flexion.broadcast_like(m).transpose(*m.dims)
    phase = ds["phase"].to_numpy()
    values = joint_summary(phase, m.to_numpy(), flexion.to_numpy())[:-1]
    lead = m.dims[:-1]
    coords = {k: v for k, v in m.coords.items() if "phase" not in v.dims}
    legs = ds.attrs.get("legs", "both")
    data_vars = {
        name: labelled(name, lead, value, legs)
        for name, value in zip(summary_of(joint), values, strict=True)
    }
    attrs = {k: v for k, v in ds.attrs.items() if isinstance(v, str | int | float)}
    return xr.Dataset(data_vars, coords=coords, attrs={"joint": joint, "legs": legs, **attrs})


def compare_lifts(
    body: Body | None = None,
    *,
    load_kg: float = DEFAULT_LOAD_KG,
    exercises: Sequence[Exercise] | Mapping[str, Exercise] | None = None,
    n: int = 201,
    g: float = STANDARD_GRAVITY,
    legs: str = "both",
) -> pd.DataFrame:
    """The main job: hip moment summary of the hip thrust, back squat and deadlift.

    Parameters
    ----------
    body : Body, optional
        One body (not a population: use :func:`biomech.sweep` for many); default
        :meth:`Body.default`.
    load_kg : float, default 100.0
        Barbell mass for every lift (ignored when ``exercises`` is given), kg.
    exercises : sequence of exercises, or mapping of label -> exercise, optional
        Default ``HipThrust(load_kg)``, ``Squat(load_kg)``, ``Deadlift(load_kg)`` with their
        default set-ups. Rows are labelled by the mapping's keys, or by each exercise's name;
        set-ups of one lift are told apart by the fields in which they differ
        (``"squat (load_kg=60)"``), or numbered if they are the same.
    n : int, default 201
        Samples over the phase.
    g : float, default 9.80665
        m/s^2.
    legs : {"both", "one"}, default "both"
        The moments of both hips together (the model's chain) or of one, half of both in a
        symmetric lift (:func:`biomech.per_leg`); the ratios and angles are the same.

    Returns
    -------
    pandas.DataFrame
        One row per set-up, the columns of :data:`COLUMNS` (named as in :func:`summarize`
        and the sweeps), their units in ``table.attrs["units"]``, the moments' basis in
        ``table.attrs["basis"]`` (``"both legs"`` or ``"one leg"``) and ``table.attrs["legs"]``.

    Examples
    --------
    >>> table = compare_lifts()
    >>> list(table.index)
    ['hip_thrust', 'squat', 'deadlift']
    >>> bool(table.loc["squat", "lockout_to_peak_hip"] < 0.15)
    True
    >>> table.attrs["units"]["peak_hip_moment"], table.attrs["basis"]["peak_hip_moment"]
    ('N m', 'both legs')
    >>> list(compare_lifts(exercises=[Squat(load_kg=60), Squat(load_kg=140)]).index)
    ['squat (load_kg=60)', 'squat (load_kg=140)']
    """
    legs = check_legs(legs)
    load_kg = float(
        check_real(
            "load_kg",
            load_kg,
            low=0.0,
            high=MAX_LOAD_KG,
            expected=f"a single barbell mass in kg between 0 and {MAX_LOAD_KG:g}",
            scalar=True,
        )
    )
    if body is not None and isinstance(body, Body) and body.shape:
        msg = (
            f"`body` must be one body in compare_lifts; got a population of shape {body.shape}. "
            "Compare one body at a time, or use biomech.sweep(..., summary=True)."
        )
        raise ValueError(msg)
    if exercises is None:
        exercises = (HipThrust(load_kg=load_kg), Squat(load_kg=load_kg), Deadlift(load_kg=load_kg))
    chosen = _labelled(exercises)
    rows = {}
    for label, exercise in chosen.items():  # a few lifts, each vectorized over its phase
        s = summarize(simulate(exercise, body, n=n, g=g))
        rows[label] = {name: float(s[name]) for name in COLUMNS}
    table = pd.DataFrame.from_dict(rows, orient="index", columns=list(COLUMNS))
    table.index.name = "lift"
    table.attrs["units"] = {name: VARIABLES[name].units for name in COLUMNS}
    table.attrs["basis"] = {
        name: attrs["basis"] for name in COLUMNS if "basis" in (attrs := VARIABLES[name].attrs())
    }
    table.attrs["legs"] = "both"
    return per_leg(table) if legs == "one" else table


def _labelled(exercises: Any) -> dict[str, Exercise]:
    """Row labels of the set-ups: the mapping's keys, or names told apart by their fields."""
    if isinstance(exercises, Mapping):
        items = [(str(k), v) for k, v in exercises.items()]
    elif isinstance(exercises, Exercise | str | bytes):
        msg = f"`exercises` must be a sequence or mapping of exercises; got {exercises!r}."
        raise TypeError(msg)
    else:
        try:
            given = list(exercises)
        except TypeError:
            msg = f"`exercises` must be a sequence or mapping of exercises; got {exercises!r}."
            raise TypeError(msg) from None
        items = list(zip(_distinct_labels(given), given, strict=True))
    if not items:
        msg = "`exercises` must hold at least one exercise; got none."
        raise ValueError(msg)
    for label, v in items:
        if not isinstance(v, Exercise):
            msg = (
                f"`exercises` must hold HipThrust, Squat or Deadlift set-ups; got {v!r} "
                f"({type(v).__name__}) for {label or 'an entry'!r}."
            )
            raise TypeError(msg)
    return dict(items)


def _distinct_labels(exercises: list[Any]) -> list[str]:
    """Each exercise's name, with the fields in which set-ups of the same lift differ, or a
    number for identical set-ups."""
    labels = []
    for ex in exercises:
        if not isinstance(ex, Exercise):
            labels.append(repr(ex))
            continue
        same = [o for o in exercises if isinstance(o, Exercise) and o.name == ex.name]
        if len(same) == 1:
            labels.append(ex.name)
            continue
        names = [f.name for f in dataclasses.fields(ex)]  # type: ignore[arg-type]
        differ = [f for f in names if len({repr(getattr(o, f)) for o in same}) > 1]
        fields = ", ".join(f"{f}={_short(getattr(ex, f))}" for f in differ)
        labels.append(f"{ex.name} ({fields})" if fields else ex.name)
    counts = {label: labels.count(label) for label in labels}
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        if counts[label] > 1:
            seen[label] = seen.get(label, 0) + 1
            out.append(f"{label} ({seen[label]})")
        else:
            out.append(label)
    return out


def _short(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)
