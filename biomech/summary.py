"""Reduce moment curves to the numbers coaches quote: peak, where it happens, lockout."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import xarray as xr

from ._validation import check_choice, check_real
from .anthropometry import Body
from .conventions import JOINTS, STANDARD_GRAVITY
from .exercises import Deadlift, HipThrust, Squat
from .exercises._base import Exercise
from .simulate import simulate

__all__ = ["DEFAULT_LOAD_KG", "compare_lifts", "summarize"]

#: Barbell mass used by :func:`compare_lifts` and ``biomech compare`` unless told otherwise, kg.
DEFAULT_LOAD_KG = 100.0


def summarize(ds: xr.Dataset, joint: str = "hip") -> xr.Dataset:
    """Peak, lockout and their ratio of one joint's net moment over the phase dimension.

    Parameters
    ----------
    ds : xarray.Dataset
        A result of :func:`biomech.simulate`; any dimensions besides ``phase`` are kept.
    joint : {"ankle", "knee", "hip"}

    Returns
    -------
    xarray.Dataset
        ``peak_moment`` (N m, the largest net moment in the joint's positive direction),
        ``phase_at_peak``, ``hip_flexion_at_peak`` (deg), ``lockout_moment`` (N m, at
        ``phase = 1``), ``lockout_to_peak`` (1) and ``mean_moment`` (N m, trapezoidal mean over
        phase).

    Examples
    --------
    >>> import biomech
    >>> s = summarize(biomech.simulate(biomech.Squat(), n=101))
    >>> bool(s["lockout_to_peak"] < 0.15)
    True
    """
    check_choice("joint", joint, JOINTS)
    if "phase" not in ds.dims:
        msg = (
            "`ds` must be a quasi-static result over `phase`; a rep lifted to a tempo (over "
            "`time`) carries its per-rep metrics (peak_moment, moment_impulse, ...) already."
        )
        raise ValueError(msg)
    m = ds["net_moment"].sel(joint=joint).reset_coords(drop=True)
    i_peak = m.argmax("phase")
    peak = m.max("phase")
    lockout = m.sel(phase=1.0).reset_coords(drop=True)
    unit = {"units": "N m"}
    out = xr.Dataset(
        {
            "peak_moment": peak.assign_attrs(long_name=f"peak {joint} net moment", **unit),
            "phase_at_peak": m.idxmax("phase")
            .reset_coords(drop=True)
            .assign_attrs(units="1", long_name="phase at the peak"),
            "hip_flexion_at_peak": ds["joint_angle"]
            .sel(joint="hip")
            .isel(phase=i_peak)
            .reset_coords(drop=True)
            .assign_attrs(units="deg", long_name="hip flexion at the peak"),
            "lockout_moment": lockout.assign_attrs(
                long_name=f"{joint} net moment at lockout", **unit
            ),
            "lockout_to_peak": (lockout / peak).assign_attrs(
                units="1", long_name="lockout moment over peak moment"
            ),
            "mean_moment": m.integrate("phase").assign_attrs(
                long_name=f"mean {joint} net moment over the phase", **unit
            ),
        },
        attrs={
            "joint": joint,
            **{k: v for k, v in ds.attrs.items() if isinstance(v, str | int | float)},
        },
    )
    return out


def compare_lifts(
    body: Body | None = None,
    *,
    load_kg: float = DEFAULT_LOAD_KG,
    exercises: Sequence[Exercise] | None = None,
    n: int = 201,
    g: float = STANDARD_GRAVITY,
) -> pd.DataFrame:
    """The main job: hip moment summary of the hip thrust, back squat and deadlift.

    Parameters
    ----------
    body : Body, optional
        Default :meth:`Body.default`.
    load_kg : float, default 100.0
        Barbell mass for every lift (ignored when ``exercises`` is given), kg.
    exercises : sequence of exercises, optional
        Default ``HipThrust(load_kg)``, ``Squat(load_kg)``, ``Deadlift(load_kg)`` with their
        default set-ups.
    n : int, default 201
        Samples over the phase.
    g : float, default 9.80665
        m/s^2.

    Returns
    -------
    pandas.DataFrame
        One row per lift: ``peak_hip_moment_Nm``, ``hip_flexion_at_peak_deg``,
        ``lockout_hip_moment_Nm``, ``lockout_to_peak``.

    Examples
    --------
    >>> table = compare_lifts()
    >>> list(table.index)
    ['hip_thrust', 'squat', 'deadlift']
    >>> bool(table.loc["squat", "lockout_to_peak"] < 0.15)
    True
    """
    load_kg = float(
        check_real("load_kg", load_kg, low=0.0, expected="a finite barbell mass in kg >= 0")
    )
    if exercises is None:
        exercises = (HipThrust(load_kg=load_kg), Squat(load_kg=load_kg), Deadlift(load_kg=load_kg))
    rows = {}
    for exercise in exercises:  # three lifts, each vectorized over its phase samples
        s = summarize(simulate(exercise, body, n=n, g=g))
        rows[exercise.name] = {
            "peak_hip_moment_Nm": float(s["peak_moment"]),
            "hip_flexion_at_peak_deg": float(s["hip_flexion_at_peak"]),
            "lockout_hip_moment_Nm": float(s["lockout_moment"]),
            "lockout_to_peak": float(s["lockout_to_peak"]),
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "lift"
    if np.any(~np.isfinite(table.to_numpy())):  # pragma: no cover - guarded by the core
        msg = "non-finite value in the comparison table"
        raise RuntimeError(msg)
    return table
