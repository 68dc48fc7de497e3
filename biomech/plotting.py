"""Figures from :func:`biomech.simulate` results (matplotlib only; nothing is drawn on import).

Every function takes ``ax=None`` (or makes its own figure), reads labels and units from the
dataset's attributes, and returns the matplotlib ``Axes`` or ``Figure`` it drew on. Artists that
carry data (force arrows, moment-arm dimension lines, markers) have a ``gid`` such as
``"force:bar"`` or ``"moment_arm:ground"`` so that tests and users can find them.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import biomech
>>> from biomech import plotting
>>> ds = biomech.simulate(biomech.Squat(), n=21)
>>> ax = plotting.plot_moment_curves(ds)
>>> ax.get_ylabel()
'hip net internal moment [N m] (extension +)'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ._validation import check_bool, check_choice, check_real
from .conventions import JOINTS, MOMENT_POSITIVE

if TYPE_CHECKING:  # pragma: no cover
    import xarray as xr
    from matplotlib.animation import FuncAnimation
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "animate_rep",
    "plot_dynamic_vs_static",
    "plot_free_body",
    "plot_moment_arms",
    "plot_moment_curves",
    "plot_posture_strip",
    "plot_stick_figure",
]

#: Colours of the external forces, the same in every figure.
FORCE_COLORS = {"bar": "#c0392b", "ground": "#2471a3", "bench": "#1e8449"}
_BODY_COLOR = "#34495e"
_CHAINS = (
    ("heel", "toe"),
    ("heel", "ankle", "toe"),
    ("ankle", "knee", "hip", "shoulder"),
    ("shoulder", "elbow", "wrist", "grip"),
    ("shoulder", "head"),
)
_EXERCISE_LABEL = {"hip_thrust": "hip thrust", "squat": "back squat", "deadlift": "deadlift"}


def _plt():
    import matplotlib.pyplot as plt

    return plt


def _axes(ax: Axes | None) -> Axes:
    from matplotlib.axes import Axes

    if ax is None:
        _, ax = _plt().subplots(figsize=(6.4, 4.4), layout="constrained")
    elif not isinstance(ax, Axes):
        msg = f"`ax` must be a matplotlib Axes (or None for a new figure); got {ax!r}."
        raise TypeError(msg)
    return ax


def _label(ds: Any) -> str:
    name = str(getattr(ds, "attrs", {}).get("exercise", "exercise"))
    label = _EXERCISE_LABEL.get(name, name.replace("_", " "))
    load = getattr(ds, "attrs", {}).get("load_kg")
    return f"{label}, {load:g} kg" if isinstance(load, int | float) else label


def _as_items(datasets: Any, labels: Sequence[str] | None) -> list[tuple[str, xr.Dataset]]:
    """(label, dataset) pairs of one result, a sequence or a mapping of them, each checked:
    a result of one body."""
    import xarray as xr

    if isinstance(datasets, xr.Dataset):
        items = [(_label(datasets), datasets)]
    elif isinstance(datasets, Mapping):
        items = [(str(k), v) for k, v in datasets.items()]
    elif isinstance(datasets, Iterable) and not isinstance(datasets, str | bytes):
        items = [(_label(d), d) for d in datasets]
    else:
        msg = (
            "`datasets` must be a result of biomech.simulate (an xarray.Dataset), or a "
            f"sequence or mapping of them; got {datasets!r}."
        )
        raise TypeError(msg)
    if not items:
        msg = "`datasets` must hold at least one result of biomech.simulate; got none."
        raise ValueError(msg)
    for label, d in items:
        _check_result("datasets", label, d, None)
    if labels is not None:
        if isinstance(labels, str) or not isinstance(labels, Sequence):
            msg = f"`labels` must be a sequence of strings, one per dataset; got {labels!r}."
            raise TypeError(msg)
        if len(labels) != len(items):
            msg = (
                f"`labels` must have one label per dataset ({len(items)}); got {len(labels)}: "
                f"{list(labels)!r}."
            )
            raise ValueError(msg)
        items = [(str(lab), d) for lab, (_, d) in zip(labels, items, strict=True)]
    return items


def _one(ds: Any, over: str | None = None) -> tuple[str, xr.Dataset]:
    """(label, dataset) of the one result ``ds`` (the argument of the one-result plots)."""
    import xarray as xr

    if not isinstance(ds, xr.Dataset):
        msg = (
            "`ds` must be one result of biomech.simulate (an xarray.Dataset); got a "
            f"{type(ds).__name__}: {ds!r:.60}."
        )
        raise TypeError(msg)
    _check_result("ds", _label(ds), ds, over)
    return _label(ds), ds


def _check_result(name: str, label: str, d: Any, over: str | None) -> None:
    """Refuse what is not one body's result of biomech.simulate (over ``over``)."""
    import xarray as xr

    if not isinstance(d, xr.Dataset) or "net_moment" not in d:
        msg = f"`{name}` must hold results of biomech.simulate; got {type(d).__name__} {d!r:.60}."
        raise TypeError(msg)
    if "body" in d.dims:
        msg = (
            f"`{name}` entry {label!r} is a population (dimension 'body'); each must be one "
            "body: select one body first, e.g. ds.isel(body=0)."
        )
        raise ValueError(msg)
    if over == "phase" and "phase" not in d.dims:
        msg = (
            f"`{name}` must be a quasi-static result over `phase`; got a rep lifted to a "
            "tempo (over `time`): plot it with plot_dynamic_vs_static, or select one time."
        )
        raise ValueError(msg)
    if over == "time" and ("quasi_static_net_moment" not in d or "time" not in d.dims):
        msg = (
            f"`{name}` must be a result of biomech.simulate(..., tempo=...), which has the "
            "quasi-static moment beside the dynamic one over `time`; got a quasi-static "
            "result over `phase`."
        )
        raise ValueError(msg)


def _moment_label(ds: xr.Dataset, joint: str) -> str:
    units = ds["net_moment"].attrs.get("units", "N m")
    return f"{joint} net internal moment [{units}] ({MOMENT_POSITIVE[joint]} +)"


def _x(ds: xr.Dataset, x: str) -> tuple[np.ndarray, str]:
    if x == "phase":
        return ds["phase"].values, "phase of the rep (0 bottom, 1 lockout)"
    units = ds["joint_angle"].attrs.get("units", "deg")
    return ds["joint_angle"].sel(joint="hip").values, f"hip flexion [{units}]"


def plot_moment_curves(
    datasets: Any,
    *,
    joint: str = "hip",
    x: str = "hip_flexion",
    ax: Axes | None = None,
    labels: Sequence[str] | None = None,
    mark_peak: bool = True,
    mark_lockout: bool = True,
) -> Axes:
    """Net moment of one joint over the rep, for one or several results on one axes.

    Parameters
    ----------
    datasets : Dataset, sequence of Datasets, or mapping label -> Dataset
        Results of :func:`biomech.simulate` (one body each).
    joint : {"hip", "knee", "ankle"}
    x : {"hip_flexion", "phase"}
        The horizontal axis. With hip flexion (deg), the axis runs from the deepest posture on
        the left to lockout on the right, so every lift reads left to right as it is lifted.
    ax : matplotlib Axes, optional
    labels : sequence of str, optional
        Legend labels (default: exercise and load).
    mark_peak, mark_lockout : bool
        Mark each curve's largest value (circle, ``gid`` ``"peak"``) and its value at lockout
        (square, ``gid`` ``"lockout"``).

    Returns
    -------
    Axes
        One line per dataset (``gid`` ``"curve"``), the markers, and a zero line.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import biomech
    >>> lifts = [biomech.simulate(e, n=51) for e in (biomech.HipThrust(), biomech.Squat())]
    >>> ax = plot_moment_curves(lifts)
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['hip thrust, 100 kg', 'back squat, 100 kg']
    """
    check_choice("joint", joint, JOINTS)
    check_choice("x", x, ("hip_flexion", "phase"))
    mark_peak, mark_lockout = (
        check_bool("mark_peak", mark_peak),
        check_bool("mark_lockout", mark_lockout),
    )
    items = _as_items(datasets, labels)
    ax = _axes(ax)
    ax.axhline(0.0, color="0.6", lw=0.8, gid="zero")
    for label, ds in items:
        xs, xlabel = _x(ds, x)
        m = ds["net_moment"].sel(joint=joint).values
        (line,) = ax.plot(xs, m, lw=2.2, label=label, gid="curve")
        color = line.get_color()
        if mark_peak:
            i = int(np.argmax(m))
            ax.plot(xs[i], m[i], "o", ms=7, color=color, gid="peak", label="_nolegend_")
        if mark_lockout:
            ax.plot(
                xs[-1],
                m[-1],
                "s",
                ms=7,
                mfc="white",
                mec=color,
                mew=2,
                gid="lockout",
                label="_nolegend_",
            )
    ax.set_xlabel(xlabel)
    ax.set_ylabel(_moment_label(items[0][1], joint))
    if x == "hip_flexion" and not ax.xaxis_inverted():
        ax.invert_xaxis()
    ax.legend(frameon=False)
    ax.set_title(
        f"{joint.capitalize()} moment over the rep (circle: peak, square: lockout)",
        fontsize="medium",
    )
    ax.grid(alpha=0.3)
    return ax


#: Background shade of each part of a rep in time plots.
MOVEMENT_COLORS = {
    "eccentric": "#fdebd0",
    "bottom_pause": "#f2f3f4",
    "concentric": "#d6eaf8",
    "top_pause": "#f2f3f4",
}


def plot_dynamic_vs_static(
    ds: xr.Dataset,
    *,
    joint: str = "hip",
    x: str = "time",
    ax: Axes | None = None,
    shade_movements: bool = True,
) -> Axes:
    """The net moment of a rep lifted to a tempo beside the same postures held still.

    Parameters
    ----------
    ds : Dataset
        A result of ``biomech.simulate(..., tempo=...)`` (one body).
    joint : {"hip", "knee", "ankle"}
    x : {"time", "hip_flexion", "phase"}
        The horizontal axis: time (s; the parts of the rep shaded behind), or hip flexion
        (deg, bottom on the left) or phase, where lowering and lifting trace two branches.
    ax : matplotlib Axes, optional
    shade_movements : bool, default True
        With ``x="time"``, shade the eccentric, pauses and concentric (``gid``
        ``"movement:<part>"``).

    Returns
    -------
    Axes
        The dynamic curve (``gid`` ``"dynamic"``), the quasi-static one (``"quasi_static"``,
        dashed), each rep's peak of each (``"peak:dynamic"``, ``"peak:quasi_static"``) and a
        zero line.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import biomech
    >>> ds = biomech.simulate(biomech.Squat(), tempo="2-0-1-2", rate_hz=50)
    >>> ax = plot_dynamic_vs_static(ds)
    >>> [line.get_gid() for line in ax.lines if line.get_gid() in ("dynamic", "quasi_static")]
    ['quasi_static', 'dynamic']
    """
    label, ds = _one(ds, over="time")
    check_choice("joint", joint, JOINTS)
    check_choice("x", x, ("time", "hip_flexion", "phase"))
    shade_movements = check_bool("shade_movements", shade_movements)
    ax = _axes(ax)
    if x == "time":
        xs, xlabel = ds["time"].values, f"time [{ds['time'].attrs.get('units', 's')}]"
    else:
        xs, xlabel = _x(ds, x)
    if x == "time" and shade_movements:
        parts = ds["movement"].values
        t = ds["time"].values
        change = np.flatnonzero(parts[1:] != parts[:-1]) + 1
        starts = np.concatenate([[0], change])
        ends = np.concatenate([change, [t.size - 1]])
        seen: set[str] = set()
        for a, b in zip(starts, ends, strict=True):
            part = str(parts[a])
            ax.axvspan(
                t[a],
                t[b],
                color=MOVEMENT_COLORS.get(part, "0.95"),
                lw=0,
                zorder=0,
                gid=f"movement:{part}",
                label=part.replace("_", " ") if part not in seen else "_nolegend_",
            )
            seen.add(part)
    ax.axhline(0.0, color="0.6", lw=0.8, gid="zero")
    still = ds["quasi_static_net_moment"].sel(joint=joint).values
    moving = ds["net_moment"].sel(joint=joint).values
    ax.plot(xs, still, "--", lw=1.8, color="0.35", label="held still", gid="quasi_static")
    ax.plot(xs, moving, lw=2.2, color="#c0392b", label="lifted", gid="dynamic")
    # each rep's peak (reps of a set are alike: one marker per rep, not one chosen by rounding)
    rep = ds["rep_index"].values
    for name, y, color in (("quasi_static", still, "0.35"), ("dynamic", moving, "#c0392b")):
        i = [int(np.flatnonzero(rep == k)[np.argmax(y[rep == k])]) for k in np.unique(rep)]
        ax.plot(xs[i], y[i], "o", ms=6, color=color, gid=f"peak:{name}", label="_nolegend_")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(_moment_label(ds, joint))
    if x == "hip_flexion" and not ax.xaxis_inverted():
        ax.invert_xaxis()
    ax.legend(frameon=False, fontsize="small", ncol=2)
    tempo = ds.attrs.get("tempo", "")
    ax.set_title(f"{label}, tempo {tempo}: {joint} moment lifted vs held still", fontsize="medium")
    ax.grid(alpha=0.3)
    return ax


def plot_moment_arms(
    ds: xr.Dataset, *, forces: Sequence[str] | None = None, ax: Axes | None = None
) -> Axes:
    """Hip moment arm of each external force over the rep (against hip flexion).

    Parameters
    ----------
    ds : Dataset
        A result of :func:`biomech.simulate` (one body).
    forces : sequence of str, optional
        Which forces (default: all in ``ds["force"]``).
    ax : matplotlib Axes, optional

    Returns
    -------
    Axes
        One line per force, ``gid`` ``"moment_arm:<force>"``.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import biomech
    >>> ax = plot_moment_arms(biomech.simulate(biomech.HipThrust(), n=21))
    >>> sorted(line.get_gid() for line in ax.lines)
    ['moment_arm:bar', 'moment_arm:bench', 'moment_arm:ground']
    """
    label, ds = _one(ds)
    if forces is not None and (isinstance(forces, str) or not isinstance(forces, Iterable)):
        msg = f"`forces` must be a sequence of force names; got {forces!r}."
        raise TypeError(msg)
    names = list(ds["force"].values) if forces is None else list(forces)
    for f in names:
        check_choice("forces", f, [str(v) for v in ds["force"].values])
    ax = _axes(ax)
    xs, xlabel = _x(ds, "hip_flexion")
    units = ds["hip_moment_arm"].attrs.get("units", "m")
    for f in names:
        ax.plot(
            xs,
            ds["hip_moment_arm"].sel(force=f).values,
            lw=2,
            label=f,
            color=FORCE_COLORS.get(f),
            gid=f"moment_arm:{f}",
        )
    ax.set_xlabel(xlabel)
    ax.set_ylabel(f"hip moment arm [{units}]")
    ax.invert_xaxis()
    ax.legend(frameon=False, title="force")
    ax.set_title(f"{label}: perpendicular distance from the hip to each force", fontsize="medium")
    ax.grid(alpha=0.3)
    return ax


def _at_phase(ds: xr.Dataset, phase: float) -> xr.Dataset:
    phase = float(
        check_real("phase", phase, low=0.0, high=1.0, expected="a phase of the rep in [0, 1]")
    )
    return ds.sel(phase=phase, method="nearest")


def _draw_body(ax: Axes, pos: xr.DataArray, offset: float = 0.0, **style: Any) -> list[Any]:
    """Stick figure of one posture; returns the line artists (for animation)."""
    kw: dict[str, Any] = {"color": _BODY_COLOR, "lw": 3, "solid_capstyle": "round", "zorder": 3}
    kw.update(style)
    lines = []
    for chain in _CHAINS:
        xy = np.array([pos.sel(point=p).values for p in chain])
        (line,) = ax.plot(xy[:, 0] + offset, xy[:, 1], gid="body", **kw)
        lines.append(line)
    return lines


def _draw_surroundings(ax: Axes, ds: xr.Dataset, pos: xr.DataArray) -> None:
    from matplotlib.patches import Circle, Rectangle

    xs = ds["position"].sel(axis="x").values
    lo, hi = float(np.min(xs)) - 0.3, float(np.max(xs)) + 0.3
    ax.plot([lo, hi], [0, 0], color="0.3", lw=1.5, zorder=1, gid="floor")
    if "bench_contact" in ds["point"].values:
        cx, cy = pos.sel(point="bench_contact").values
        ax.add_patch(
            Rectangle(
                (cx - 0.45, 0.0), 0.45, cy, facecolor="0.85", edgecolor="0.4", zorder=0, gid="bench"
            )
        )
    bx, by = pos.sel(point="bar").values
    ax.add_patch(Circle((bx, by), 0.025, color="0.15", zorder=4, gid="bar"))
    if ds.attrs.get("exercise") in ("hip_thrust", "deadlift"):
        r = float(ds.attrs.get("plate_diameter_m", 0.45)) / 2
        ax.add_patch(
            Circle(
                (bx, by), r, facecolor="none", edgecolor="0.5", lw=1, ls="--", zorder=2, gid="plate"
            )
        )


def _force_scale(ds: xr.Dataset, height: float) -> float:
    f = ds["force_vector"]
    largest = float(np.max(np.hypot(f.sel(axis="x"), f.sel(axis="y"))))
    return 0.45 * height / largest if largest > 0 else 0.0


def _fit_limits(ax: Axes, at: xr.Dataset, scale: float) -> None:
    """Frame the body, the bench and the arrow heads (not the whole lines of action)."""
    pts = [
        at["position"].values,
        at["force_point"].values,
        at["force_point"].values + scale * at["force_vector"].values,
    ]
    xy = np.concatenate([np.atleast_2d(p) for p in pts])
    lo, hi = xy.min(axis=0), xy.max(axis=0)
    if "bench_contact" in at["point"].values:
        lo[0] = min(lo[0], float(at["position"].sel(point="bench_contact", axis="x")) - 0.45)
    pad = 0.08 + 0.05 * float(np.max(hi - lo))
    ax.set_xlim(lo[0] - pad, hi[0] + pad)
    ax.set_ylim(min(lo[1], 0.0) - pad, hi[1] + pad)


def _draw_force(ax: Axes, at: xr.Dataset, f: str, k: int, hip, scale: float, moment_arms: bool):
    """The arrow of force ``f`` (the ``k``-th) at ``scale`` m/N and, with ``moment_arms``, its
    line of action and its moment arm about the hip."""
    from matplotlib.patches import FancyArrowPatch

    tail = at["force_point"].sel(force=f).values
    vec = at["force_vector"].sel(force=f).values
    color = FORCE_COLORS.get(f, "k")
    magnitude = float(np.hypot(*vec))
    arrow = FancyArrowPatch(
        tuple(tail),
        tuple(tail + scale * vec),
        arrowstyle="-|>",
        mutation_scale=16,
        lw=2.5,
        color=color,
        zorder=6,
        gid=f"force:{f}",
        label=f"{f}: {magnitude:.0f} N",
    )
    ax.add_patch(arrow)
    if moment_arms and magnitude > 0:
        u = vec / magnitude
        foot = tail + np.dot(hip - tail, u) * u
        # the line of action, from the point of application past the foot of the
        # perpendicular from the hip, a little beyond both
        t = np.sort([0.0, float(np.dot(hip - tail, u))]) + np.array([-0.1, 0.1])
        reach = np.array([tail + t[0] * u, tail + t[1] * u])
        ax.plot(
            reach[:, 0],
            reach[:, 1],
            ":",
            color=color,
            lw=1.2,
            zorder=2,
            gid=f"line_of_action:{f}",
        )
        ax.plot(
            [hip[0], foot[0]],
            [hip[1], foot[1]],
            "-",
            color=color,
            lw=1.2,
            zorder=5,
            marker="|",
            ms=8,
            gid=f"moment_arm:{f}",
        )
        arm = float(at["hip_moment_arm"].sel(force=f))
        mid = 0.5 * (hip + foot)
        ax.annotate(
            f"{arm:.2f} m",
            mid,
            xytext=(4, 4 + 11 * k),
            textcoords="offset points",
            color=color,
            fontsize="small",
            gid=f"moment_arm_label:{f}",
        )


def plot_free_body(
    ds: xr.Dataset,
    phase: float = 0.5,
    *,
    ax: Axes | None = None,
    force_scale: float | None = None,
    moment_arms: bool = True,
    center_of_mass: bool = True,
) -> Axes:
    """Free-body diagram of one posture: the body, floor, bench and bar, every external force
    as an arrow to scale, and each force's hip moment arm as a dimension line.

    Parameters
    ----------
    ds : Dataset
        A result of :func:`biomech.simulate` (one body).
    phase : float, default 0.5
        The posture to draw (nearest sample), 0 bottom to 1 lockout.
    ax : matplotlib Axes, optional
    force_scale : float, optional
        Arrow length per newton, m/N (default: the largest force over the whole rep is drawn
        0.45 x the body's height long, so figures of one rep share a scale).
    moment_arms : bool, default True
        Draw each force's line of action (dotted, ``gid`` ``"line_of_action:<force>"``) and
        the perpendicular from the hip centre to it (``gid`` ``"moment_arm:<force>"``).
    center_of_mass : bool, default True
        Mark the whole-body centre of mass (``gid`` ``"com"``).

    Returns
    -------
    Axes
        Force arrows are ``FancyArrowPatch`` objects with ``gid`` ``"force:<name>"``, drawn
        from the point of application (tail) along the force (head).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import biomech
    >>> ax = plot_free_body(biomech.simulate(biomech.HipThrust(), n=11), phase=1.0)
    >>> sorted(p.get_gid() for p in ax.patches if str(p.get_gid()).startswith("force:"))
    ['force:bar', 'force:bench', 'force:ground']
    """
    label, full = _one(ds, over="phase")
    at = _at_phase(full, phase)
    moment_arms = check_bool("moment_arms", moment_arms)
    center_of_mass = check_bool("center_of_mass", center_of_mass)
    if force_scale is not None:
        force_scale = float(
            check_real(
                "force_scale",
                force_scale,
                low=0.0,
                low_inclusive=False,
                expected="an arrow length per newton in m/N > 0 (or None)",
                scalar=True,
            )
        )
    ax = _axes(ax)
    pos = at["position"]
    height = float(full.attrs.get("body_height_m", 1.8))
    scale = _force_scale(full, height) if force_scale is None else force_scale
    _draw_surroundings(ax, full, pos)
    _draw_body(ax, pos)
    joints = np.array([pos.sel(point=j).values for j in JOINTS])
    ax.plot(
        joints[:, 0],
        joints[:, 1],
        "o",
        ms=7,
        mfc="white",
        mec=_BODY_COLOR,
        mew=2,
        zorder=5,
        gid="joints",
    )
    hip = pos.sel(point="hip").values
    for k, f in enumerate(at["force"].values):
        _draw_force(ax, at, str(f), k, hip, scale, moment_arms)
    if center_of_mass:
        com = at["body_com"].values
        ax.plot(
            *com,
            marker="o",
            ms=11,
            mfc="white",
            mec="k",
            zorder=7,
            gid="com",
            label="body centre of mass",
        )
        ax.plot(*com, marker="+", ms=11, color="k", zorder=8, gid="_com_cross")
    _fit_limits(ax, at, scale)
    hip_moment = float(at["net_moment"].sel(joint="hip"))
    flexion = float(at["joint_angle"].sel(joint="hip"))
    ax.set_title(
        f"{label}: phase {float(at['phase']):.2f}, hip flexion {flexion:.0f} deg\n"
        f"hip extension moment {hip_moment:.0f} N m",
        fontsize="medium",
    )
    ax.set_aspect("equal")
    ax.set_xlabel("x [m] (toward the toes)")
    ax.set_ylabel("y [m]")
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize="small", frameon=False)
    return ax


def plot_stick_figure(
    ds: xr.Dataset, phase: float = 0.5, *, ax: Axes | None = None, offset: float = 0.0, **style: Any
) -> Axes:
    """The body's posture at one phase as a stick figure (no forces).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import biomech
    >>> ax = plot_stick_figure(biomech.simulate(biomech.Deadlift(), n=5), 0.0)
    >>> len([line for line in ax.lines if line.get_gid() == "body"])
    5
    """
    _, full = _one(ds, over="phase")
    at = _at_phase(full, phase)
    offset = float(
        check_real("offset", offset, expected="a finite shift along x in m", scalar=True)
    )
    ax = _axes(ax)
    _draw_body(ax, at["position"], offset=offset, **style)
    ax.set_aspect("equal")
    return ax


def plot_posture_strip(
    ds: xr.Dataset,
    phases: Sequence[float] = (0.0, 0.25, 0.5, 0.75, 1.0),
    *,
    joint: str = "hip",
) -> Figure:
    """Postures across the rep, side by side, beside the moment curve with the same phases
    marked.

    Returns
    -------
    Figure
        Two axes: the strip (one stick figure per phase, ``gid`` ``"body"``) and the curve
        (markers with ``gid`` ``"phase_marker"``).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import biomech
    >>> fig = plot_posture_strip(biomech.simulate(biomech.Squat(), n=41), phases=(0, 0.5, 1))
    >>> len(fig.axes)
    2
    """
    label, full = _one(ds, over="phase")
    check_choice("joint", joint, JOINTS)
    if isinstance(phases, str) or not isinstance(phases, Sequence | np.ndarray):
        msg = f"`phases` must be a sequence of phases in [0, 1]; got {phases!r}."
        raise TypeError(msg)
    if len(phases) == 0:
        msg = "`phases` must hold at least one phase in [0, 1]; got none."
        raise ValueError(msg)
    check_real("phases", phases, low=0.0, high=1.0, expected="phases of the rep in [0, 1]")
    plt = _plt()
    fig, (strip, curve) = plt.subplots(
        1, 2, figsize=(11, 4.2), layout="constrained", gridspec_kw={"width_ratios": [1.6, 1]}
    )
    xs = full["position"].sel(axis="x").values
    width = float(np.ptp(xs)) + 0.25
    cmap = plt.get_cmap("viridis")
    m = full["net_moment"].sel(joint=joint)
    flexion = full["joint_angle"].sel(joint="hip")
    curve.plot(flexion, m, color="0.3", lw=2)
    for k, p in enumerate(phases):
        at = _at_phase(full, p)
        color = cmap(k / max(len(phases) - 1, 1))
        _draw_body(strip, at["position"], offset=k * width, color=color)
        bx, by = at["position"].sel(point="bar").values
        strip.plot(bx + k * width, by, "o", color="0.15", ms=6, zorder=4)
        strip.annotate(
            f"p = {float(at['phase']):.2f}", (k * width, -0.08), ha="center", fontsize="small"
        )
        curve.plot(
            float(at["joint_angle"].sel(joint="hip")),
            float(at["net_moment"].sel(joint=joint)),
            "o",
            ms=9,
            color=color,
            gid="phase_marker",
        )
    strip.axhline(0, color="0.4", lw=1)
    strip.set_aspect("equal")
    strip.set_axis_off()
    strip.set_title(f"{label}: postures from bottom to lockout", fontsize="medium")
    curve.set_xlabel(f"hip flexion [{flexion.attrs.get('units', 'deg')}]")
    curve.set_ylabel(_moment_label(full, joint))
    curve.invert_xaxis()
    curve.axhline(0, color="0.6", lw=0.8)
    curve.grid(alpha=0.3)
    return fig


def animate_rep(ds: xr.Dataset, *, joint: str = "hip", interval_ms: float = 50.0) -> FuncAnimation:
    """The rep as an animation: the stick figure moving, with a marker on the moment curve.

    Use ``anim.to_jshtml()`` in Jupyter (no extra software), or
    ``anim.save("rep.gif", writer="pillow")`` (Pillow) / ``"rep.mp4"`` (needs ffmpeg).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import biomech
    >>> anim = animate_rep(biomech.simulate(biomech.HipThrust(), n=5))
    >>> "<script" in anim.to_jshtml()
    True
    """
    from matplotlib.animation import FuncAnimation

    label, full = _one(ds, over="phase")
    check_choice("joint", joint, JOINTS)
    interval_ms = float(
        check_real(
            "interval_ms",
            interval_ms,
            low=0.0,
            low_inclusive=False,
            expected="a time between frames in ms > 0",
            scalar=True,
        )
    )
    plt = _plt()
    fig, (body_ax, curve) = plt.subplots(
        1, 2, figsize=(10, 4.2), layout="constrained", gridspec_kw={"width_ratios": [1.2, 1]}
    )
    pos = full["position"]
    xs, ys = pos.sel(axis="x").values, pos.sel(axis="y").values
    body_ax.set_xlim(xs.min() - 0.2, xs.max() + 0.2)
    body_ax.set_ylim(-0.05, ys.max() + 0.15)
    body_ax.set_aspect("equal")
    body_ax.axhline(0, color="0.4", lw=1)
    body_ax.set_title(label, fontsize="medium")
    lines = _draw_body(body_ax, pos.isel(phase=0))
    (bar,) = body_ax.plot(*pos.isel(phase=0).sel(point="bar").values, "o", color="0.15", ms=8)
    m = full["net_moment"].sel(joint=joint).values
    flexion = full["joint_angle"].sel(joint="hip").values
    curve.plot(flexion, m, color="0.3", lw=2)
    (marker,) = curve.plot(flexion[0], m[0], "o", ms=10, color=FORCE_COLORS["bar"], gid="marker")
    curve.set_xlabel("hip flexion [deg]")
    curve.set_ylabel(_moment_label(full, joint))
    curve.invert_xaxis()
    curve.grid(alpha=0.3)

    def update(i: int) -> list[Any]:
        at = pos.isel(phase=i)
        for line, chain in zip(lines, _CHAINS, strict=True):
            xy = np.array([at.sel(point=p).values for p in chain])
            line.set_data(xy[:, 0], xy[:, 1])
        bar.set_data([at.sel(point="bar", axis="x")], [at.sel(point="bar", axis="y")])
        marker.set_data([flexion[i]], [m[i]])
        return [*lines, bar, marker]

    anim = FuncAnimation(fig, update, frames=full.sizes["phase"], interval=interval_ms, blit=False)
    plt.close(fig)  # shown through the animation, not as a static figure
    return anim
