"""The friendly layer: validate once, run the core, return a labelled :class:`xarray.Dataset`."""

from __future__ import annotations

import functools
import operator
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import numpy as np
import xarray as xr

from ._validation import check_real, warn
from .anthropometry import Body
from .conventions import (
    ANGLE_NAME,
    AXES,
    FORCE_LEVEL,
    JOINT_LEVEL,
    JOINTS,
    MOMENT_POSITIVE,
    SEGMENT_LEVEL,
    SEGMENTS,
    SIGN_CONVENTION,
    STANDARD_GRAVITY,
)
from .exercises._base import Exercise, Pose
from .kinematics import to_xy
from .statics import solve_pose

__all__ = ["simulate"]


@functools.cache
def _version() -> str:
    """The installed biomech version (looked up once: the lookup costs about 2 ms)."""
    try:
        return version("biomech")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


def _wrap_deg(rad: np.ndarray) -> np.ndarray:
    """Radians -> degrees wrapped to (-180, 180]."""
    return np.rad2deg(np.mod(rad + np.pi, 2.0 * np.pi) - np.pi)


def _check_run(body: Any, n: Any, g: Any) -> tuple[Body, int, float]:
    """The arguments every run shares: a body (default, one or a 1-D population), the number
    of phase samples and gravity."""
    if body is None:
        body = Body.default()
    elif not isinstance(body, Body):
        msg = f"`body` must be a biomech.Body (or None for the default); got {body!r}."
        raise TypeError(msg)
    if len(body.shape) > 1:
        msg = (
            f"`body` must be one body or a 1-D population; got shape {body.shape}. "
            "Flatten the population first."
        )
        raise ValueError(msg)
    g = float(
        check_real(
            "g",
            g,
            low=0.0,
            low_inclusive=False,
            expected="a finite acceleration of gravity in m/s^2 > 0",
        )
    )
    return body, _check_n(n), g


def _check_n(n: Any) -> int:
    if isinstance(n, bool) or not isinstance(n, int | np.integer):
        msg = f"`n` must be an integer number of samples >= 2; got {n!r}."
        raise TypeError(msg)
    n = operator.index(n)
    if n < 2:
        msg = f"`n` must be an integer number of samples >= 2; got {n!r}."
        raise ValueError(msg)
    return n


def simulate(
    exercise: Exercise,
    body: Body | None = None,
    *,
    n: int = 101,
    g: float = STANDARD_GRAVITY,
) -> xr.Dataset:
    """Quasi-static joint moments of one exercise over its range of motion.

    Parameters
    ----------
    exercise : HipThrust, Squat or Deadlift
        The set-up (load, geometry, assumptions).
    body : Body, optional
        The lifter; default :meth:`Body.default` (1.80 m, 80 kg, male, de Leva 1996). A
        population (a ``Body`` built from 1-D arrays) adds a ``body`` dimension.
    n : int, default 101
        Number of samples of the phase ``p`` in [0, 1] (0 bottom, 1 lockout), >= 2.
    g : float, default 9.80665
        Acceleration of gravity, m/s^2, > 0.

    Returns
    -------
    xarray.Dataset
        Dimensions ``phase``, ``joint`` (ankle, knee, hip), ``axis`` (x, y), ``point``,
        ``segment``, ``force`` (bar, ground and, for the hip thrust, bench). Main variables:

        - ``joint_angle(phase, joint)`` deg: ankle dorsiflexion, knee flexion, hip flexion;
        - ``net_moment(phase, joint)`` N m: net internal moment, ankle plantarflexion +,
          knee extension +, hip extension +;
        - ``position(phase, point, axis)`` m; ``segment_com(phase, segment, axis)`` m;
          ``segment_mass(segment)`` kg; ``segment_angle(phase, segment)`` deg;
        - ``force_vector(phase, force, axis)`` N and ``force_point(phase, force, axis)`` m for
          every external force other than the segment weights;
        - ``hip_moment_arm(phase, force)`` m and ``hip_moment_contribution(phase, force)`` N m,
          and the same for each segment's weight (``segment_hip_moment_*``); the contributions
          of the loads on either side of the hip (coordinate ``side_of_hip``) each sum to the
          hip moment;
        - ``center_of_pressure(phase)`` m, ``cop_within_foot(phase)``,
          ``joint_force(phase, joint, axis)`` N, ``body_com(phase, axis)`` m,
          ``ground_friction_required(phase)``.

        Every variable has ``units`` and ``long_name`` attributes; the dataset attributes hold
        the exercise and body parameters and the sign convention.

    Raises
    ------
    TypeError, ValueError
        For bad arguments or a set-up the body cannot perform (the message names the argument).

    Warns
    -----
    BiomechWarning
        When the centre of pressure leaves the foot (the lifter would tip over), or a contact
        would have to pull.

    Examples
    --------
    >>> import biomech
    >>> body = biomech.Body.from_height_mass(height_m=1.80, mass_kg=80.0, sex="male")
    >>> ds = biomech.simulate(biomech.HipThrust(load_kg=100.0, bench_height_m=0.45), body, n=101)
    >>> ds["net_moment"].sel(joint="hip").dims
    ('phase',)
    >>> ds["net_moment"].attrs["units"]
    'N m'
    """
    if not isinstance(exercise, Exercise):
        msg = f"`exercise` must be a HipThrust, Squat or Deadlift instance; got {exercise!r}."
        raise TypeError(msg)
    for name, value in exercise.as_attrs().items():
        if np.ndim(value) > 0:
            msg = (
                f"`{name}` of {type(exercise).__name__} must be a single value in simulate(); "
                f"got an array of shape {np.shape(value)}. Vary bodies with a population "
                "Body, or call simulate once per set-up."
            )
            raise ValueError(msg)
    body, n, g = _check_run(body, n, g)
    phase = np.linspace(0.0, 1.0, n)
    pose = exercise._pose(body, phase)
    return _dataset(exercise, body, pose, phase, g)


def _dataset(
    exercise: Exercise,
    body: Body,
    pose: Pose,
    phase: np.ndarray,
    g: float,
    *,
    lead_dim: str = "body",
    warn_odd: bool = True,
):
    """Solve the statics of ``pose`` and label everything (``lead_dim`` names the population
    axis, if the body has one)."""
    lead = body.shape
    lead_dims: tuple[str, ...] = (lead_dim,) if lead else ()
    shape = lead + (phase.size,)

    def full(v):
        return np.broadcast_to(v, shape)

    seg_mass = np.stack(
        [np.broadcast_to(np.asarray(body.segment_mass(s)), lead) for s in SEGMENTS], axis=-1
    )  # lead + (S,)
    load = np.broadcast_to(np.asarray(exercise.load_kg, dtype=float), (*lead, 1))
    st = solve_pose(pose, seg_mass, load, g)
    seg_com = st.segment_com
    cop_x, G = st.center_of_pressure, st.force_vector[..., st.forces.index("ground")]

    # ---- angles -----------------------------------------------------------------------------
    a = pose.segment_angle
    joint_angle = np.stack(
        [
            _wrap_deg(0.5 * np.pi - full(a["shank"])),
            _wrap_deg(full(a["thigh"]) - full(a["shank"])),
            _wrap_deg(full(a["thigh"]) - full(a["trunk"])),
        ],
        axis=-1,
    )
    seg_angle = np.stack([_wrap_deg(full(a[s])) for s in SEGMENTS], axis=-1)

    points = list(pose.points)
    pos = np.stack([full(pose.points[p]) for p in points], axis=-1)
    total_mass = seg_mass.sum(axis=-1)[..., None]
    body_com = (seg_com * seg_mass[..., None, :]).sum(axis=-1) / total_mass
    heel = full(pose.points["heel"]).real
    toe = full(pose.points["toe"]).real
    within = (cop_x >= heel - 1e-12) & (cop_x <= toe + 1e-12)
    friction = np.abs(G.real) / np.where(G.imag > 0, G.imag, np.nan)

    if warn_odd:
        _warn_if_odd(exercise, within, st, friction, phase)

    ph = lead_dims + ("phase",)
    mpa = "m"

    def var(dims, data, units, long_name, **extra):
        return xr.Variable(
            dims, np.ascontiguousarray(data), {"units": units, "long_name": long_name, **extra}
        )

    data_vars = {
        "joint_angle": var(
            ph + ("joint",),
            joint_angle,
            "deg",
            "joint angle (ankle dorsiflexion, knee flexion, hip flexion)",
            positive=", ".join(f"{j} {ANGLE_NAME[j]}" for j in JOINTS),
        ),
        "net_moment": var(
            ph + ("joint",),
            st.net_moment,
            "N m",
            "net internal joint moment",
            positive=", ".join(f"{j} {MOMENT_POSITIVE[j]}" for j in JOINTS),
        ),
        "position": var(ph + ("point", "axis"), to_xy(pos), mpa, "position of named points"),
        "segment_angle": var(
            ph + ("segment",), seg_angle, "deg", "segment axis direction, counter-clockwise from +x"
        ),
        "segment_mass": var(
            lead_dims + ("segment",), seg_mass, "kg", "segment mass (both sides for legs and arms)"
        ),
        "segment_com": var(ph + ("segment", "axis"), to_xy(seg_com), mpa, "segment centre of mass"),
        "force_vector": var(
            ph + ("force", "axis"),
            to_xy(st.force_vector),
            "N",
            "external force on the body (segment weights excluded)",
        ),
        "force_point": var(
            ph + ("force", "axis"),
            to_xy(st.force_point),
            mpa,
            "point of application of the external force",
        ),
        "hip_moment_arm": var(
            ph + ("force",),
            st.hip_moment_arm,
            mpa,
            "perpendicular distance from the hip centre to the force's line of action",
        ),
        "hip_moment_contribution": var(
            ph + ("force",),
            st.hip_moment_contribution,
            "N m",
            "contribution of the force to the hip extension moment (from its side of the hip)",
        ),
        "segment_hip_moment_arm": var(
            ph + ("segment",),
            st.segment_hip_moment_arm,
            mpa,
            "horizontal distance from the hip centre to the segment's "
            "centre of mass (moment arm of its weight)",
        ),
        "segment_hip_moment_contribution": var(
            ph + ("segment",),
            st.segment_hip_moment_contribution,
            "N m",
            "contribution of the segment's weight to the hip extension moment (from its side of "
            "the hip)",
        ),
        "center_of_pressure": var(ph, cop_x, mpa, "x of the centre of pressure under the feet"),
        "cop_within_foot": var(ph, within, "1", "centre of pressure between heel and toe"),
        "joint_force": var(
            ph + ("joint", "axis"),
            to_xy(st.joint_force),
            "N",
            "net force on the body above the joint from the body below it",
        ),
        "body_com": var(
            ph + ("axis",), to_xy(body_com), mpa, "whole-body centre of mass (bar excluded)"
        ),
        "ground_friction_required": var(
            ph,
            friction,
            "1",
            "horizontal over vertical ground reaction (friction coefficient the feet need)",
        ),
    }
    coords: dict[str, Any] = {
        "phase": (
            "phase",
            phase,
            {"units": "1", "long_name": "phase of the rep (0 bottom, 1 lockout)"},
        ),
        "joint": ("joint", list(JOINTS)),
        "axis": ("axis", list(AXES)),
        "point": ("point", points),
        "segment": ("segment", list(SEGMENTS)),
        "force": ("force", list(st.forces)),
        "side_of_hip": ("force", _side(FORCE_LEVEL[f] for f in st.forces)),
        "segment_side_of_hip": ("segment", _side(SEGMENT_LEVEL[s] for s in SEGMENTS)),
    }
    if lead and lead_dim == "body":
        coords["height_m"] = ("body", np.broadcast_to(body.height_m, lead).copy(), {"units": "m"})
        coords["mass_kg"] = ("body", np.broadcast_to(body.mass_kg, lead).copy(), {"units": "kg"})
    attrs = {
        **{k: v for k, v in exercise.as_attrs().items() if np.ndim(v) == 0},
        **body.as_attrs(),
        "g_m_per_s2": g,
        "model": "planar quasi-static rigid-body model",
        "sign_convention": SIGN_CONVENTION,
        "biomech_version": _version(),
    }
    return xr.Dataset(data_vars, coords=coords, attrs=attrs)


def _side(levels) -> list[str]:
    """'above' or 'below' the hip for each chain level."""
    return ["above" if level > JOINT_LEVEL["hip"] else "below" for level in levels]


#: Above this ratio of horizontal to vertical ground reaction the feet would slip on most
#: floors (rubber on rubber or wood: static friction coefficients of roughly 0.6-1.0).
FRICTION_WARNING = 1.0


def _warn_if_odd(exercise, within, st, friction, phase) -> None:
    if not np.all(within):
        bad = phase[np.any(~within, axis=tuple(range(within.ndim - 1)))]
        warn(
            f"{exercise.name}: the centre of pressure leaves the foot for phase "
            f"{bad.min():.2f}-{bad.max():.2f}; the lifter would tip over (the bar and body "
            "centre of mass are not over the feet)."
        )
    G = st.force_vector[..., st.forces.index("ground")]
    if np.any(G.imag <= 0):
        warn(
            f"{exercise.name}: the ground would have to pull the feet down; this set-up is not "
            "in equilibrium on the floor."
        )
    elif np.any(friction > FRICTION_WARNING):
        warn(
            f"{exercise.name}: the feet would need a friction coefficient of "
            f"{float(np.max(friction)):.3f} (horizontal over vertical ground reaction); above "
            f"{FRICTION_WARNING:g} they would slip on most floors."
        )
    if "bench" in st.forces:
        i = st.forces.index("bench")
        push = (st.force_vector[..., i] * np.conj(st.force_direction[..., i])).real
        if np.any(push < 0):
            warn(
                f"{exercise.name}: the bench would have to pull the back down; move the feet or "
                "the centre of pressure."
            )
