"""Both legs or one: the basis of every load, and results per leg for comparison with 3-D studies.

The model is one sagittal chain with the two legs (and the two arms) lumped together, so every
joint moment and joint force it reports is that of **both** ankles, knees or hips, the ground
reaction is that under both feet, and each contribution to the hip moment is a contribution to
the moment of both hips. Many published (3-D) studies report one leg. Every load in a result
says which it is, in its ``basis`` attribute (from :data:`biomech.schema.VARIABLES`), and every
result says ``legs = "both"`` or ``"one"`` in its attributes; :func:`per_leg` turns a result
into the values of one leg.

Examples
--------
>>> import biomech
>>> ds = biomech.simulate(biomech.Squat(), n=11)
>>> ds.attrs["legs"], ds["net_moment"].attrs["basis"]
('both', 'both legs')
>>> one = per_leg(ds)
>>> one.attrs["legs"], one["net_moment"].attrs["basis"]
('one', 'one leg')
"""

from __future__ import annotations

import copy
from collections.abc import Hashable, Mapping
from typing import Any, TypeVar

import numpy as np
import pandas as pd
import xarray as xr

from ._validation import check_choice
from .schema import BOTH_LEGS, BY_FORCE, FORCE_BASIS, LEGS, ONE_LEG, VARIABLES, basis_text

__all__ = ["LEGS", "check_legs", "per_leg"]

Result = TypeVar("Result", xr.Dataset, xr.DataArray, pd.DataFrame)


def check_legs(legs: Any) -> str:
    """``legs`` checked: ``"both"`` (both legs together, the model's chain) or ``"one"``.

    Examples
    --------
    >>> check_legs("one")
    'one'
    """
    return check_choice("legs", legs, LEGS)


def per_leg(result: Result) -> Result:
    """The values of one leg: the bilateral loads of ``result`` halved, the rest as they are.

    The model's chain is both legs together. In a symmetric lift (the only kind the planar model
    describes) the two legs share every bilateral load equally, so one leg's joint moments, joint
    forces, ground reaction and contributions to the hip moment are half of both legs'. This is
    an assumption about the lift, not a result of the model: a lifter who favours one side loads
    it more, which no planar model can tell.

    Halved: every variable whose basis (:data:`biomech.schema.VARIABLES`) is ``"both legs"``:
    ``net_moment``, ``joint_force``, the hip-moment contributions of the forces and of the
    segments' weights, the moments of a rep lifted to a tempo and its metrics (peaks,
    impulses), the summaries' moments in N m; and the ground's entry of ``force_vector``
    (basis ``"by force"``). Unchanged: the bar's and the bench's forces (on the whole body),
    positions, angles, masses, moment arms, phases, times, ratios (``lockout_to_peak_*``) and
    the friction the feet need; so are variables and columns that are not in the registry.
    Each halved variable's ``basis`` attribute becomes ``"one leg"``, the result's ``legs``
    attribute ``"one"``.

    Parameters
    ----------
    result : xarray.Dataset, xarray.DataArray or pandas.DataFrame
        A result of both legs (``legs = "both"``): a dataset of :func:`biomech.simulate` (held
        still or lifted to a tempo), :func:`biomech.rep_metrics`, :func:`biomech.summarize`
        or :func:`biomech.sweep` (full, summary or lazy: a dask-backed result stays lazy), one
        of its variables, or the table of :func:`biomech.compare_lifts`.

    Returns
    -------
    Same type as ``result``
        A new result; ``result`` is not changed.

    Raises
    ------
    TypeError
        If ``result`` is not a result of biomech (neither a dataset, a variable nor a table
        with the library's variables and attributes).
    ValueError
        If ``result`` is already per leg (halving it again would quarter the loads), or does
        not state its basis (its attributes were dropped, e.g. by a reduction with
        ``keep_attrs=False``).

    Examples
    --------
    >>> import biomech
    >>> ds = biomech.simulate(biomech.HipThrust(), n=11)
    >>> one = per_leg(ds)
    >>> bool((2 * one["net_moment"] == ds["net_moment"]).all())
    True
    >>> up, up_both = (d["force_vector"].sel(axis="y", phase=1.0) for d in (one, ds))
    >>> bool(up.sel(force="ground") == up_both.sel(force="ground") / 2)  # both feet -> one
    True
    >>> bool(up.sel(force="bar") == up_both.sel(force="bar"))  # the whole bar
    True
    >>> print(one["force_vector"].attrs["basis"])
    by force: bar whole body, ground one leg, bench whole body
    >>> table = per_leg(biomech.compare_lifts())
    >>> table.attrs["legs"], table.attrs["basis"]["peak_hip_moment"]
    ('one', 'one leg')
    """
    if isinstance(result, pd.DataFrame):
        return _table_per_leg(result)
    if isinstance(result, xr.DataArray):
        return _array_per_leg(result)
    if not isinstance(result, xr.Dataset):
        msg = (
            "`result` must be a result of biomech (an xarray.Dataset of simulate, sweep, "
            f"summarize or rep_metrics, or the table of compare_lifts); got {result!r} "
            f"({type(result).__name__})."
        )
        raise TypeError(msg)
    _check_both(result.attrs, {k: v.attrs for k, v in result.data_vars.items()})
    halved = {name: _halved(name, var) for name, var in result.data_vars.items()}
    out = result.assign({k: v for k, v in halved.items() if v is not None})
    out.attrs = {**result.attrs, "legs": "one"}
    return out


def _factor(name: Hashable, var: xr.DataArray) -> Any:
    """What ``var`` (the variable ``name``) is multiplied by to be one leg's: 0.5, 1, or an
    array broadcasting along its ``force`` dimension (:data:`FORCE_BASIS`); None if it is
    not a load of both legs."""
    spec = VARIABLES.get(str(name))
    if spec is None or spec.basis is None:
        return None
    if spec.basis == BOTH_LEGS:
        return 0.5
    if spec.basis == BY_FORCE and "force" in var.dims:
        shares = [0.5 if FORCE_BASIS.get(str(f)) == BOTH_LEGS else 1.0 for f in var["force"].values]
        shape = [1] * var.ndim
        shape[var.dims.index("force")] = len(shares)
        return np.reshape(shares, shape)
    return None


def _halved(name: Hashable, var: xr.DataArray) -> xr.DataArray | None:
    """One leg's ``var`` with its basis attribute updated, or None if it is not a load of both
    legs."""
    factor = _factor(name, var)
    if factor is None:
        return None
    out = var.copy(data=var.data * factor)
    out.attrs = {**var.attrs, "basis": basis_text(VARIABLES[str(name)].basis or "", "one")}
    return out


def _check_both(attrs: Mapping[Any, Any], variables: Mapping[Hashable, Mapping[Any, Any]]) -> None:
    """Refuse a result that is not biomech's, is per leg already, or does not say which."""
    known = [name for name in variables if str(name) in VARIABLES]
    legs = attrs.get("legs")
    if legs is None and not known:
        msg = (
            "`result` must be a result of biomech (simulate, sweep, summarize, rep_metrics or "
            "compare_lifts); it has no `legs` attribute and none of the library's variables."
        )
        raise TypeError(msg)
    stated = {v.get("basis") for name, v in variables.items() if name in known} - {None}
    if legs == "one" or any(ONE_LEG in str(b) for b in stated):
        msg = (
            "`result` is per leg already (legs = 'one'): halving it again would quarter the "
            "loads. Pass the result of both legs."
        )
        raise ValueError(msg)
    if legs not in (None, "both"):
        msg = f"`result` has the attribute legs = {legs!r}; expected 'both' or 'one'."
        raise ValueError(msg)
    if legs is None and not stated:
        msg = (
            "`result` does not state its basis (no `legs` attribute, no `basis` on its "
            "variables: were its attributes dropped, e.g. by a reduction?). Keep the "
            "attributes (keep_attrs=True), or call per_leg before reducing."
        )
        raise ValueError(msg)


def _array_per_leg(var: xr.DataArray) -> xr.DataArray:
    """:func:`per_leg` of one variable of a result (named as in the registry)."""
    if str(var.name) not in VARIABLES:
        msg = (
            f"`result` is a DataArray named {var.name!r}, not a variable of biomech's results; "
            "pass the dataset, or a variable of it such as ds['net_moment']."
        )
        raise TypeError(msg)
    _check_both(var.attrs, {var.name: var.attrs})
    halved = _halved(var.name, var)
    return var.copy() if halved is None else halved


def _table_per_leg(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`per_leg` of a table of :func:`biomech.compare_lifts` (columns from the
    registry; their bases in ``table.attrs["basis"]``)."""
    basis = table.attrs.get("basis")
    if not isinstance(basis, Mapping):
        basis = {}
    _check_both(table.attrs, {c: {"basis": basis.get(c)} for c in table.columns})
    out = table.copy()
    out.attrs = copy.deepcopy(table.attrs)
    for column in table.columns:
        spec = VARIABLES.get(str(column))
        if spec is not None and spec.basis == BOTH_LEGS:
            out[column] = table[column] * 0.5
    out.attrs["basis"] = {
        c: basis_text(VARIABLES[str(c)].basis or "", "one")
        for c in table.columns
        if str(c) in VARIABLES and VARIABLES[str(c)].basis is not None
    }
    out.attrs["legs"] = "one"
    return out
