"""The friendly layer: validate once, run the core, return a labelled :class:`xarray.Dataset`."""

from __future__ import annotations

import contextlib
import functools
import math
import operator
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import numpy as np
import xarray as xr

from ._contacts import check_bench
from ._memory import check_budget, memory_limit, simulate_bytes
from ._validation import InfeasibleSetupError, check_int, check_real, quiet, warn
from .anthropometry import Body
from .conventions import (
    AXES,
    FORCE_LEVEL,
    JOINT_LEVEL,
    JOINTS,
    SEGMENT_LEVEL,
    SEGMENTS,
    SIGN_CONVENTION,
    STANDARD_GRAVITY,
)
from .dynamics import RepKinematics, inertial_loads, rep_kinematics
from .exercises._base import Exercise
from .legs import check_legs, per_leg
from .metrics import rep_metrics
from .pose import Pose
from .schema import coordinate, labelled
from .statics import solve_pose
from .tempo import Tempo
from .trunk import trunk_parts

__all__ = ["G_RANGE", "simulate"]

#: Accelerations of gravity a run accepts, m/s^2: from below the surface gravity of Pluto
#: (0.62) to about ten times Earth's, so that only impossible values are refused.
G_RANGE = (0.1, 100.0)


@functools.cache
def _version() -> str:
    """The installed biomech version (looked up once: the lookup is slow next to a run)."""
    try:
        return version("biomech")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


def to_xy(z: np.ndarray) -> np.ndarray:
    """Complex points -> float array with a trailing axis of length 2 (x, y).

    Examples
    --------
    >>> to_xy(np.array([1 + 2j, 3 - 4j]))
    array([[ 1.,  2.],
           [ 3., -4.]])
    """
    z = np.asarray(z)
    return np.stack([z.real, z.imag], axis=-1)


def _wrap_deg(rad: np.ndarray) -> np.ndarray:
    """Radians -> degrees wrapped to (-180, 180]."""
    return np.rad2deg(np.mod(rad + np.pi, 2.0 * np.pi) - np.pi)


@functools.cache
def _default_body() -> Body:
    """:meth:`Body.default`, built once (a Body is immutable)."""
    return Body.default()


def _check_run(body: Any, n: Any, g: Any) -> tuple[Body, int, float]:
    """The arguments every run shares: a body (default, one or a 1-D population), the number
    of phase samples and gravity."""
    if body is None:
        body = _default_body()
    elif not isinstance(body, Body):
        msg = f"`body` must be a biomech.Body (or None for the default); got {body!r}."
        raise TypeError(msg)
    if len(body.shape) > 1:
        msg = (
            f"`body` must be one body or a 1-D population; got shape {body.shape}. "
            "Flatten the population first."
        )
        raise ValueError(msg)
    return body, _check_n(n), _check_g(g)


def _check_g(g: Any) -> float:
    low, high = G_RANGE
    expected = f"a single acceleration of gravity in m/s^2 between {low:g} and {high:g}"
    return float(check_real("g", g, low=low, high=high, expected=expected, scalar=True))


def _check_exercise(exercise: Any) -> Exercise:
    if isinstance(exercise, type) and issubclass(exercise, Exercise):
        msg = (
            f"`exercise` must be a set-up, an instance such as {exercise.__name__}(); got the "
            f"class {exercise.__name__} itself (sweep takes classes, simulate one set-up)."
        )
        raise TypeError(msg)
    if not isinstance(exercise, Exercise):
        msg = f"`exercise` must be a HipThrust, Squat or Deadlift instance; got {exercise!r}."
        raise TypeError(msg)
    for name, value in exercise.as_attrs().items():
        if np.ndim(value) > 0:
            msg = (
                f"`{name}` of {type(exercise).__name__} must be a single value in simulate(); "
                f"got an array of shape {np.shape(value)}. Vary bodies with a population "
                "Body, or use biomech.sweep for many set-ups."
            )
            raise ValueError(msg)
    return exercise


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
    n: int | None = None,
    g: float = STANDARD_GRAVITY,
    tempo: Tempo | str | None = None,
    reps: int = 1,
    rate_hz: float | None = None,
    memory_limit_gb: float | None = None,
    legs: str = "both",
) -> xr.Dataset:
    """Joint moments of one exercise over its range of motion: held still, or lifted to a tempo.

    Without ``tempo`` (the default) every posture is held still (quasi-static). With ``tempo``
    the rep is lifted: the posture follows the tempo over time and the net moments include the
    inertia of every segment and of the bar (inverse dynamics, :mod:`biomech.dynamics`).

    Parameters
    ----------
    exercise : HipThrust, Squat or Deadlift
        The set-up (load, geometry, assumptions).
    body : Body, optional
        The lifter; default :meth:`Body.default` (1.80 m, 80 kg, male, de Leva 1996). A
        population (a ``Body`` built from 1-D arrays) adds a ``body`` dimension.
    n : int, default 101
        Number of samples of the phase ``p`` in [0, 1] (0 bottom, 1 lockout), >= 2. Not used
        with ``tempo`` (the samples are then ``rate_hz`` per second).
    g : float, default 9.80665
        Acceleration of gravity, m/s^2, between 0.1 and 100.
    tempo : Tempo or str, optional
        Lift the rep to this tempo (a :class:`Tempo` or its notation, e.g. ``"2-0-1-2"``:
        eccentric, bottom pause, concentric, top hold in seconds). The sample dimension is then
        ``time`` (s) instead of ``phase``; ``phase`` becomes a coordinate along it.
    reps : int, default 1
        Reps in the set (with ``tempo`` only).
    rate_hz : float, default 100.0
        Samples per second (with ``tempo`` only); at least
        :data:`~biomech.tempo.MIN_SAMPLES_PER_MOVE` over the shortest move.
    memory_limit_gb : float, optional
        Refuse, before allocating, a run estimated to need more memory than this, GB (default
        4; the estimate is about 3 kB per posture held still, 6 kB lifted).
    legs : {"both", "one"}, default "both"
        ``"both"``: the loads of both legs together (the model's one sagittal chain: the
        moments of both hips, the ground reaction under both feet). ``"one"``: those of one
        leg, half of both in a symmetric lift (:func:`biomech.per_leg`, which says what is
        halved); the bar's and the bench's forces, positions, angles and ratios are the same.

    Returns
    -------
    xarray.Dataset
        Dimensions ``phase`` (or ``time``), ``joint`` (ankle, knee, hip), ``axis`` (x, y),
        ``point``, ``segment``, ``force`` (bar, ground and, for the hip thrust, bench). Main
        variables:

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

        Every variable has ``units`` and ``long_name`` attributes, and every load (moment,
        force, moment contribution) a ``basis``: ``"both legs"`` (or ``"one leg"``), or, for
        ``force_vector``, each force's (the bar and the bench on the whole body); the dataset
        attributes hold the exercise and body parameters, the sign convention and ``legs``
        (``"both"`` or ``"one"``).

        With ``tempo`` every one of these is over ``time`` and includes inertia (reactions,
        moments, contributions: the bar's force is its weight plus ``-m a``, and each
        segment's contribution includes its ``-m a`` and ``-I alpha``), and the dataset adds
        ``quasi_static_net_moment(time, joint)`` (the same postures held still), the motion
        (``phase_rate``, ``phase_acceleration``, ``segment_com_velocity``,
        ``segment_com_acceleration``, ``segment_angular_velocity``,
        ``segment_angular_acceleration``, ``bar_velocity``, ``bar_acceleration``) and the
        training metrics of :func:`biomech.metrics.rep_metrics` over a ``rep`` dimension.

    Raises
    ------
    TypeError, ValueError
        For bad arguments, or a run larger than ``memory_limit_gb`` (the message names the
        argument, the value and what is expected).
    InfeasibleSetupError
        A :class:`ValueError` for a set-up the body cannot perform (the message names the
        parameters to change).

    Warns
    -----
    BiomechWarning
        When the centre of pressure leaves the foot (the lifter would tip over), the bench
        would have to pull the back, or the feet would need a friction coefficient above 1
        (horizontal over vertical ground reaction). Lifted to a tempo, inertia can trigger each
        of them: in the hip thrust with the default vertical bench reaction every horizontal
        inertial force goes through the feet (the default hip thrust warns at ``"2-0-1-2"``),
        and a fast concentric in the squat or deadlift can throw the centre of pressure off the
        foot. A floor that would have to pull the feet down is not a warning but an
        :class:`InfeasibleSetupError` (an even faster concentric, or a bench carrying more than
        the whole weight).

    Examples
    --------
    >>> import biomech
    >>> body = biomech.Body.from_height_mass(height_m=1.80, mass_kg=80.0, sex="male")
    >>> ds = biomech.simulate(biomech.HipThrust(load_kg=100.0, bench_height_m=0.42), body, n=101)
    >>> ds["net_moment"].sel(joint="hip").dims
    ('phase',)
    >>> ds["net_moment"].attrs["units"]
    'N m'

    Lifted to a tempo (three seconds down, two up, one at the top), three reps:

    >>> dyn = biomech.simulate(biomech.HipThrust(), body, tempo="3-0-2-1", reps=3, rate_hz=50)
    >>> dyn["net_moment"].dims, float(dyn["time"][-1])
    (('time', 'joint'), 18.0)
    >>> dyn["moment_impulse"].sel(joint="hip").attrs["units"]
    'N m s'
    """
    exercise = _check_exercise(exercise)
    legs = check_legs(legs)
    reps = check_int("reps", reps, low=1, expected="an integer number of reps >= 1")
    limit = memory_limit(memory_limit_gb)
    if tempo is None:
        _refuse_without_tempo(reps, rate_hz)
        body, n, g = _check_run(body, 101 if n is None else n, g)
        bodies = math.prod(body.shape)
        check_budget(
            simulate_bytes(exercise, n, bodies=bodies, lifted=False),
            limit,
            f"`n` = {n}" + (f" samples for each of {bodies} bodies" if body.shape else ""),
            "Use fewer samples, or biomech.sweep(..., summary=True) for the summary numbers.",
        )
        phase = np.linspace(0.0, 1.0, n)
        pose = exercise._pose(body, phase)
        held = _dataset(exercise, body, pose, phase, g)
        return per_leg(held) if legs == "one" else held
    if n is not None:
        msg = (
            f"`n` ({n!r}) cannot be combined with `tempo`: the samples are then `rate_hz` per "
            "second. Pass one or the other."
        )
        raise ValueError(msg)
    body, _, g = _check_run(body, 2, g)
    tempo = _check_tempo(tempo)
    rate_hz = 100.0 if rate_hz is None else rate_hz
    samples = tempo._sample_count(rate_hz=rate_hz, reps=reps)
    bodies = math.prod(body.shape)
    check_budget(
        simulate_bytes(exercise, samples, bodies=bodies, lifted=True),
        limit,
        f"`reps` = {reps} at `rate_hz` = {float(rate_hz):g} ({samples} samples"
        + (f" for each of {bodies} bodies)" if body.shape else ")"),
        "Lift fewer reps or sample less often.",
    )
    t, phase, rate, accel = tempo.sample(rate_hz=rate_hz, reps=reps)
    pose, kin = rep_kinematics(lambda p: exercise._pose(body, p), phase, rate, accel)
    moves = tempo.movement(t, reps=reps)
    ds = _dataset(exercise, body, pose, phase, g, kinematics=kin, time=t, moves=moves)
    ds.attrs.update(tempo.as_attrs(reps=reps, rate_hz=rate_hz))
    duration = tempo.rep_duration_s
    ds = ds.assign_coords(
        rep_index=coordinate(
            "rep_index", "time", np.minimum(t // duration, reps - 1).astype(int) + 1
        ),
        movement=coordinate("movement", "time", moves),
    )
    ds["phase_rate"] = labelled("phase_rate", ("time",), rate)
    ds["phase_acceleration"] = labelled("phase_acceleration", ("time",), accel)
    lifted = ds.merge(rep_metrics(ds), combine_attrs="override")
    return per_leg(lifted) if legs == "one" else lifted


def _refuse_without_tempo(reps: int, rate_hz: Any) -> None:
    """``reps`` and ``rate_hz`` describe a set lifted to a tempo: refuse them without one."""
    if reps != 1:
        msg = (
            f"`reps` = {reps} needs `tempo`: held still (no tempo) there is one rep over "
            "`phase`. Pass a tempo such as tempo='2-0-1-2', or leave `reps` out."
        )
        raise ValueError(msg)
    if rate_hz is not None:
        msg = (
            f"`rate_hz` = {rate_hz!r} needs `tempo`: held still (no tempo) the samples are "
            "`n` phases. Pass a tempo, or `n` instead."
        )
        raise ValueError(msg)


def _check_tempo(tempo: Any) -> Tempo:
    if isinstance(tempo, str):
        return Tempo._parse(tempo, start="top", argument="tempo")
    if not isinstance(tempo, Tempo):
        msg = f"`tempo` must be a biomech.Tempo or its notation such as '2-0-1-2'; got {tempo!r}."
        raise TypeError(msg)
    return tempo


def _dataset(
    exercise: Exercise,
    body: Body,
    pose: Pose,
    phase: np.ndarray,
    g: float,
    *,
    lead_dim: str = "body",
    warn_odd: bool = True,
    kinematics: RepKinematics | None = None,
    time: np.ndarray | None = None,
    moves: np.ndarray | None = None,
):
    """Solve the statics of ``pose`` and label everything (``lead_dim`` names the population
    axis, if the body has one). With ``kinematics`` (and ``time``, s, one per posture, and
    ``moves``, the part of the rep of each) the statics include the inertial loads and the
    sample dimension is ``time``.

    Raises :class:`InfeasibleSetupError` if the floor would have to pull the feet down, and
    ValueError if any number came out NaN or infinite (the inputs' bounds exclude it)."""
    lead = body.shape
    lead_dims: tuple[str, ...] = (lead_dim,) if lead else ()
    sample = "phase" if time is None else "time"
    seg_mass = _per_segment(body.segment_mass, lead)
    load = np.broadcast_to(np.asarray(exercise.load_kg, dtype=float), (*lead, 1))
    seg_inertia = None
    inertial = None
    if kinematics is not None:
        seg_inertia = _per_segment(body.segment_moment_of_inertia, lead)
        upper_mass = np.broadcast_to(pose.trunk_upper_mass, (*lead, 1))[..., 0]
        upper = (upper_mass, _trunk_upper_inertia(body, lead))
        inertial = inertial_loads(seg_mass, seg_inertia, kinematics, upper)
    st = solve_pose(pose, seg_mass, load, g, inertial)
    derived = _derived(pose, st, seg_mass, lead + (phase.size,))
    where = phase if time is None else time
    _check_contacts(exercise, st, derived, where, moves, warn_odd)
    data_vars = _variables(st, derived, seg_mass, lead_dims, lead_dims + (sample,))
    if time is not None:
        data_vars.update(
            _motion_variables(pose, seg_mass, load, g, st, kinematics, lead_dims + (sample,))
        )
        data_vars["segment_moment_of_inertia"] = labelled(
            "segment_moment_of_inertia", lead_dims, seg_inertia
        )
        data_vars["trunk_upper_moment_of_inertia"] = labelled(
            "trunk_upper_moment_of_inertia", lead_dims, upper[1]
        )
    _check_finite(data_vars, exercise, body, g)
    coords = _coords(phase, sample, list(pose.points), st.forces, time)
    if lead and lead_dim == "body":
        coords["height_m"] = coordinate(
            "height_m", "body", np.broadcast_to(body.height_m, lead).copy()
        )
        coords["mass_kg"] = coordinate(
            "mass_kg", "body", np.broadcast_to(body.mass_kg, lead).copy()
        )
    attrs = {
        **{k: v for k, v in exercise.as_attrs(pose.defaults).items() if np.ndim(v) == 0},
        **body.as_attrs(),
        "g_m_per_s2": g,
        "model": "planar quasi-static rigid-body model"
        if time is None
        else "planar rigid-body inverse dynamics (d'Alembert loads of segments and bar)",
        "sign_convention": SIGN_CONVENTION,
        "legs": "both",
        "biomech_version": _version(),
    }
    return xr.Dataset(data_vars, coords=coords, attrs=attrs)


def _trunk_upper_inertia(body: Body, lead: tuple[int, ...]) -> np.ndarray:
    """Moment of inertia of the trunk above the lumbar joint about its centre of mass, kg m^2
    (:meth:`biomech.trunk.TrunkParts.upper_inertia` x mass x stature^2)."""
    fraction = trunk_parts(body.table).upper_inertia(body.table)
    height, mass = np.asarray(body.height_m), np.asarray(body.mass_kg)
    return np.broadcast_to(fraction * mass * height * height, lead)


def _per_segment(of, lead: tuple[int, ...]) -> np.ndarray:
    """``of(segment)`` of every segment, stacked last: shape ``lead + (S,)``."""
    return np.stack([np.broadcast_to(np.asarray(of(s)), lead) for s in SEGMENTS], axis=-1)


def _derived(pose: Pose, st: Any, seg_mass: np.ndarray, shape: tuple[int, ...]) -> dict[str, Any]:
    """What the dataset reports beyond the statics: angles (deg), point positions, the body's
    centre of mass, where the centre of pressure is, the friction the feet need."""

    def full(v):
        return np.broadcast_to(v, shape)

    a = pose.segment_angle
    G = st.force_vector[..., st.forces.index("ground")]
    heel, toe = full(pose.points["heel"]).real, full(pose.points["toe"]).real
    cop_x = st.center_of_pressure
    total_mass = seg_mass.sum(axis=-1)[..., None]
    return {
        "joint_angle": np.stack(
            [
                _wrap_deg(0.5 * np.pi - full(a["shank"])),
                _wrap_deg(full(a["thigh"]) - full(a["shank"])),
                _wrap_deg(full(a["thigh"]) - full(a["trunk"])),
            ],
            axis=-1,
        ),
        "segment_angle": np.stack([_wrap_deg(full(a[s])) for s in SEGMENTS], axis=-1),
        "position": np.stack([full(pose.points[p]) for p in pose.points], axis=-1),
        "body_com": (st.segment_com * seg_mass[..., None, :]).sum(axis=-1) / total_mass,
        "within": (cop_x >= heel - 1e-12) & (cop_x <= toe + 1e-12),
        "friction": st.ground_friction_required,
        "vertical_ground_reaction": G.imag,
        "trunk_upper_com": full(pose.trunk_upper_com),
        "trunk_upper_mass": np.broadcast_to(pose.trunk_upper_mass, shape)[..., 0],
    }


def _variables(st, derived, seg_mass, lead_dims, ph) -> dict[str, xr.Variable]:
    """The labelled variables of a result held still (dimensions ``ph`` per sample, then each
    variable's own: :data:`biomech.schema.VARIABLES`)."""
    per_sample = {
        "joint_angle": derived["joint_angle"],
        "net_moment": st.net_moment,
        "position": to_xy(derived["position"]),
        "segment_angle": derived["segment_angle"],
        "segment_com": to_xy(st.segment_com),
        "force_vector": to_xy(st.force_vector),
        "force_point": to_xy(st.force_point),
        "hip_moment_arm": st.hip_moment_arm,
        "hip_moment_contribution": st.hip_moment_contribution,
        "segment_hip_moment_arm": st.segment_hip_moment_arm,
        "segment_hip_moment_contribution": st.segment_hip_moment_contribution,
        "center_of_pressure": st.center_of_pressure,
        "cop_within_foot": derived["within"],
        "joint_force": to_xy(st.joint_force),
        "lumbar_moment": st.lumbar_moment,
        "lumbar_force": to_xy(st.lumbar_force),
        "trunk_upper_com": to_xy(derived["trunk_upper_com"]),
        "body_com": to_xy(derived["body_com"]),
        "ground_friction_required": derived["friction"],
    }
    if "bench" in st.forces:
        per_sample["bench_friction_required"] = st.bench_friction_required
    out = {name: labelled(name, ph, data) for name, data in per_sample.items()}
    out["segment_mass"] = labelled("segment_mass", lead_dims, seg_mass)
    out["trunk_upper_mass"] = labelled("trunk_upper_mass", lead_dims, derived["trunk_upper_mass"])
    return out


def _coords(phase, sample, points, forces, time) -> dict[str, Any]:
    """The coordinates of a result."""
    coords: dict[str, Any] = {
        "phase": coordinate("phase", sample, phase),
        "joint": ("joint", list(JOINTS)),
        "axis": ("axis", list(AXES)),
        "point": ("point", points),
        "segment": ("segment", list(SEGMENTS)),
        "force": ("force", list(forces)),
        "side_of_hip": ("force", _side(FORCE_LEVEL[f] for f in forces)),
        "segment_side_of_hip": ("segment", _side(SEGMENT_LEVEL[s] for s in SEGMENTS)),
    }
    if time is not None:
        coords["time"] = coordinate("time", "time", time)
    return coords


def _check_contacts(exercise, st, derived, where, moves, warn_odd) -> None:
    """Refuse a floor that would have to pull (at ``where``: phases, or times whose parts of
    the rep are ``moves``); warn (``warn_odd``) about the rest."""
    vertical = derived["vertical_ground_reaction"]
    if np.any(vertical <= 0):
        worst = np.unravel_index(np.argmin(vertical), vertical.shape)
        at = float(where[worst[-1]])
        if moves is None:
            when = f"phase {at:.2f}"
            cause = (
                "the bench would carry more than the whole weight: move the feet "
                "(`feet_distance_m`, `cop_fraction`) or let the bench push vertically "
                "(`bench_reaction`)"
            )
        else:
            move = str(moves[worst[-1]]).replace("_", " ")
            when = f"time {at:.2f} s, in the {move}"
            cause = (
                "the body and bar would have to accelerate downward faster than gravity "
                f"(the lifter would leave the floor): make the {move} slower in `tempo`"
            )
        msg = (
            f"{exercise.name}: the floor would have to pull the feet down (vertical ground "
            f"reaction {float(vertical[worst]):.1f} N at {when}); {cause}."
        )
        raise InfeasibleSetupError(msg)
    sample = "phase" if moves is None else "time"
    if "bench" in st.forces:
        friction = derived["friction"]

        def located(i: int) -> str:
            value = float(where[np.unravel_index(i, friction.shape)[-1]])
            return f"at {sample} {value:.2f}" + (" s" if sample == "time" else "")

        with contextlib.nullcontext() if warn_odd else quiet():
            check_bench(
                exercise, friction, st.bench_friction_required, st.bench_normal_push, located
            )
    if warn_odd:
        _warn_if_odd(exercise, derived["within"], st, derived["friction"], where, sample)


def _check_finite(data_vars: dict[str, xr.Variable], exercise: Exercise, body: Body, g) -> None:
    """Refuse to return a NaN or an infinity (the inputs' bounds are meant to exclude them)."""
    bad = [
        name
        for name, v in data_vars.items()
        if v.dtype.kind in "fc" and not np.all(np.isfinite(v.values))
    ]
    if bad:
        msg = (
            f"{exercise!r} on {body!r} with `g` = {g:g} gives non-finite {', '.join(bad)}; "
            "these inputs are beyond what the model can compute. Please report them."
        )
        raise ValueError(msg)


def _motion_variables(pose, seg_mass, load, g, st, kin, dims) -> dict[str, xr.Variable]:
    """The variables only a rep lifted to a tempo has: its motion and the quasi-static moment
    of the same postures held still."""
    still = solve_pose(pose, seg_mass, load, g)
    deg = np.rad2deg
    per_sample = {
        "quasi_static_net_moment": still.net_moment,
        "inertial_net_moment": st.net_moment - still.net_moment,
        "segment_com_velocity": to_xy(kin.segment_com_velocity),
        "segment_com_acceleration": to_xy(kin.segment_com_acceleration),
        "segment_angular_velocity": deg(kin.segment_angular_velocity),
        "segment_angular_acceleration": deg(kin.segment_angular_acceleration),
        "bar_velocity": to_xy(kin.bar_velocity),
        "bar_acceleration": to_xy(kin.bar_acceleration),
    }
    return {name: labelled(name, dims, data) for name, data in per_sample.items()}


def _side(levels) -> list[str]:
    """'above' or 'below' the hip for each chain level."""
    return ["above" if level > JOINT_LEVEL["hip"] else "below" for level in levels]


#: Above this ratio of horizontal to vertical ground reaction the feet would slip on most
#: floors (rubber on rubber or wood: static friction coefficients of roughly 0.6-1.0).
FRICTION_WARNING = 1.0


def _warn_if_odd(exercise, within, st, friction, where, sample="phase") -> None:
    if not np.all(within):
        bad = where[np.any(~within, axis=tuple(range(within.ndim - 1)))]
        span = f"phase {bad.min():.2f}-{bad.max():.2f}"
        if sample == "time":
            span = f"time {bad.min():.2f}-{bad.max():.2f} s"
        warn(
            f"{exercise.name}: the centre of pressure leaves the foot for {span}; the lifter "
            "would tip over (the bar and body centre of mass are not over the feet)."
        )
    # with a bench, the friction cones are checked against the set-up's coefficients
    if "bench" not in st.forces and np.any(friction > FRICTION_WARNING):
        warn(
            f"{exercise.name}: the feet would need a friction coefficient of "
            f"{float(np.max(friction)):.3f} (horizontal over vertical ground reaction); above "
            f"{FRICTION_WARNING:g} they would slip on most floors."
        )
