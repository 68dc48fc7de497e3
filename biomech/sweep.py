"""Parameter sweeps: one call over many bodies and set-ups, chunked, threaded, labelled.

:func:`sweep` evaluates an exercise over the outer product of the parameter values it is
given, one named dimension per swept parameter. The core is vectorized over set-ups and
phase, so a chunk of set-ups is one numpy evaluation; chunks run on a thread pool (numpy
releases the GIL) and, in summary mode, each chunk's curves are reduced to a few numbers as
soon as they are computed, so memory stays bounded by the chunk, not by the sweep. With
numba installed, summary sweeps run on the compiled engine instead (:mod:`biomech._engines`),
which runs the same model functions compiled, one posture at a time.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import itertools
import math
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import xarray as xr

from . import _engines
from ._memory import check_budget, memory_limit, simulate_bytes, summary_sweep_bytes
from ._validation import check_bool, check_choice, check_int, quiet, warn
from .anthropometry import Body, SegmentTable, get_table
from .conventions import (
    FORCE_LEVEL,
    JOINT_LEVEL,
    SIGN_CONVENTION,
    STANDARD_GRAVITY,
)
from .exercises._base import Exercise
from .legs import check_legs, per_leg
from .model.reduce import RepSummary
from .parameters import parameters
from .schema import COORDINATES, VARIABLES, coordinate
from .simulate import _check_run, _dataset, _version

__all__ = ["SUMMARY_VARIABLES", "sweep"]

BODY_PARAMETERS = ("height_m", "mass_kg", "sex", "table")

#: Variables of a summary sweep, in order (their dimensions, units and meaning:
#: :data:`biomech.schema.VARIABLES`).
SUMMARY_VARIABLES = (
    "peak_hip_moment",
    "phase_at_peak_hip",
    "hip_flexion_at_peak_hip",
    "lockout_hip_moment",
    "lockout_to_peak_hip",
    "mean_hip_moment",
    "peak_knee_moment",
    "phase_at_peak_knee",
    "lockout_knee_moment",
    "mean_knee_moment",
    "cop_leaves_foot",
    "mean_hip_moment_contribution",
    "hip_moment_contribution_at_peak_hip",
    "hip_moment_arm_at_peak_hip",
    "upper_body_weight_hip_moment_at_peak_hip",
    "leg_weight_hip_moment_at_peak_hip",
    "max_ground_friction_required",
    "max_bench_friction_required",
)
#: Summary variables only an exercise with a bench has.
BENCH_SUMMARY_VARIABLES = frozenset({"max_bench_friction_required"})

#: Summary variables with a trailing ``force`` dimension (the exercise's external forces:
#: bar, ground and, for the hip thrust, bench; coordinate ``side_of_hip`` as in simulate).
#: With them, the contributions of the forces and weights on one side of the hip sum to the
#: hip moment: bar + bench + upper-body weights = ground + leg weights = peak_hip_moment.
FORCE_SUMMARY_VARIABLES = frozenset(n for n in SUMMARY_VARIABLES if VARIABLES[n].dims == ("force",))

#: Postures per chunk: large enough to amortize Python overhead, small enough for cache and
#: bounded memory (about 10 MB per variable per chunk in complex128).
DEFAULT_CHUNK_POSTURES = 2**16
#: Postures per chunk on the compiled engine, which holds no per-posture arrays (a chunk is
#: a few hundred bytes per set-up), so chunks can be larger and the per-chunk Python work
#: rarer (the measurements: ``docs/performance.md``).
KERNEL_CHUNK_POSTURES = 2**18

#: Set-ups whose kernel inputs are built at once (the exercise's fields and, for swept bodies,
#: the bodies' rows; the standing lifts' set-up tables: at most about 10 MB): larger sweeps
#: build them batch by batch, so that memory stays bounded.
PREPARE_SETUPS = 2**15


#: Where each summary variable starts in a summary block (the columns of
#: :class:`biomech.model.reduce.RepSummary`): force variables take one column per force, in
#: the order bar, ground, bench.
_FIRST_COLUMN = {
    name: RepSummary._fields.index(field)
    for name, field in (
        ("peak_hip_moment", "peak_hip_moment"),
        ("phase_at_peak_hip", "phase_at_peak_hip"),
        ("hip_flexion_at_peak_hip", "hip_flexion_at_peak_hip"),
        ("lockout_hip_moment", "lockout_hip_moment"),
        ("lockout_to_peak_hip", "lockout_to_peak_hip"),
        ("mean_hip_moment", "mean_hip_moment"),
        ("peak_knee_moment", "peak_knee_moment"),
        ("phase_at_peak_knee", "phase_at_peak_knee"),
        ("lockout_knee_moment", "lockout_knee_moment"),
        ("mean_knee_moment", "mean_knee_moment"),
        ("cop_leaves_foot", "cop_leaves_foot"),
        ("mean_hip_moment_contribution", "mean_bar_share"),
        ("hip_moment_contribution_at_peak_hip", "bar_share_at_peak_hip"),
        ("hip_moment_arm_at_peak_hip", "bar_arm_at_peak_hip"),
        ("upper_body_weight_hip_moment_at_peak_hip", "upper_body_weight_at_peak_hip"),
        ("leg_weight_hip_moment_at_peak_hip", "leg_weight_at_peak_hip"),
        ("max_ground_friction_required", "max_ground_friction_required"),
        ("max_bench_friction_required", "max_bench_friction_required"),
    )
}


def _columns(block: Any, n_forces: int) -> dict[str, Any]:
    """The summary variables of a summary block (a numpy or dask array of shape (set-ups,
    :data:`biomech._engines.WIDTH`)): views of its columns, the first ``n_forces`` of each
    force variable's."""
    out = {}
    for name in SUMMARY_VARIABLES:
        if name in BENCH_SUMMARY_VARIABLES and n_forces < 3:
            continue
        start = _FIRST_COLUMN[name]
        if name in FORCE_SUMMARY_VARIABLES:
            out[name] = block[:, start : start + n_forces]
        else:
            out[name] = block[:, start]
    out["cop_leaves_foot"] = out["cop_leaves_foot"] > 0.5
    return out


def _as_values(name: str, value: Any) -> tuple[np.ndarray, bool]:
    """(values, swept) for one parameter: 1-D non-empty arrays are swept, scalars (and
    anything numpy makes a 0-d array of: a set, a mapping, a generator) are fixed."""
    if isinstance(value, str) or value is None:
        return np.asarray([value], dtype=object), False
    if isinstance(value, list | tuple) and value and all(isinstance(v, str) for v in value):
        arr = np.asarray(value, dtype=object)
    else:
        try:
            arr = np.asarray(value)
        except ValueError:  # a ragged list
            msg = f"`{name}` must be a scalar or a 1-D array of values; got {value!r}."
            raise ValueError(msg) from None
    if arr.ndim == 0:
        return arr.reshape(1), False
    if arr.ndim != 1:
        msg = (
            f"`{name}` must be a scalar or a 1-D array (one dimension per swept parameter); "
            f"got an array of shape {arr.shape}."
        )
        raise ValueError(msg)
    if arr.size == 0:
        msg = f"`{name}` must hold at least one value to sweep; got an empty array."
        raise ValueError(msg)
    return arr, True


def _fixed(value: np.ndarray) -> Any:
    """The value of a fixed parameter (a 1-element array from :func:`_as_values`)."""
    v = value[0]
    return v.item() if isinstance(v, np.generic) else v


@dataclasses.dataclass(frozen=True, eq=False)
class _Plan:
    """Everything a sweep evaluates, as a picklable value (a lazy sweep's dask graph holds
    its :meth:`block`): the base set-up and body with every fixed parameter applied, the
    swept values, the grid and how to evaluate a chunk of its set-ups (flat indices into
    the grid, C order over ``lead_dims``)."""

    base: Exercise
    body: Body
    values: dict[str, np.ndarray]  # swept parameter -> its 1-D values, in the order given
    lead_dims: tuple[str, ...]  # "body" (a population) first, then the swept parameters
    lead_sizes: tuple[int, ...]
    phase: np.ndarray
    g: float
    summary: bool
    use_kernel: bool

    @property
    def n_setups(self) -> int:
        return math.prod(self.lead_sizes)

    @property
    def forces(self) -> tuple[str, ...]:
        return type(self.base).forces

    @property
    def categorical(self) -> list[str]:
        """Swept parameters that are not numbers (one value per evaluation)."""
        return [d for d, arr in self.values.items() if arr.dtype == object]

    def position(self, dim: str, idx: np.ndarray) -> np.ndarray:
        """Index along ``dim`` of each set-up ``idx``."""
        return np.unravel_index(idx, self.lead_sizes)[self.lead_dims.index(dim)]

    def chunk_value(self, name: str, idx: np.ndarray) -> Any:
        """A swept parameter's value(s) for the set-ups ``idx`` (categorical: one per chunk)."""
        arr = self.values[name]
        if arr.dtype == object:
            return arr[self.position(name, idx[:1])[0]]
        return arr[self.position(name, idx)]

    def body_value(self, name: str, idx: np.ndarray) -> np.ndarray:
        if name in self.values:
            return np.asarray(self.chunk_value(name, idx), dtype=float)
        own = np.broadcast_to(np.asarray(getattr(self.body, name), dtype=float), self.body.shape)
        return own[self.position("body", idx)] if self.body.shape else np.full(idx.shape, own)

    def instance(self, idx: np.ndarray, per_setup_body: bool = True) -> tuple[Exercise, Body]:
        """The exercise and body of the set-ups ``idx`` (fields of shape (set-ups, 1)); the
        body has shape (set-ups,), or is the sweep's one body if it is not swept and
        ``per_setup_body`` is false (the compiled kernel broadcasts it)."""
        swept_body = set(BODY_PARAMETERS) & set(self.values)
        if not self.body.shape and not swept_body and not per_setup_body:
            chunk_body = self.body
        else:
            sex = self.chunk_value("sex", idx) if "sex" in self.values else self.body.sex
            table = self.chunk_value("table", idx) if "table" in self.values else self.body.table
            chunk_body = Body(
                height_m=self.body_value("height_m", idx),
                mass_kg=self.body_value("mass_kg", idx),
                sex=sex,
                table=_table_for(table, sex),
            )
        changes = {}
        for k in self.values:
            if k not in BODY_PARAMETERS:
                v = self.chunk_value(k, idx)
                changes[k] = v[:, None] if isinstance(v, np.ndarray) and v.ndim else v
        ex = dataclasses.replace(self.base, **changes) if changes else self.base  # type: ignore[type-var]
        return ex, chunk_body

    def evaluate(self, idx: np.ndarray) -> Any:
        """A chunk of set-ups: its summary block (set-ups, columns), or its full dataset
        (over ``setup``)."""
        with quiet():  # the sweep warns once, from the caller's thread
            ex, chunk_body = self.instance(idx)
            if self.summary and self.use_kernel:
                return _engines.compiled(ex, chunk_body, self.phase, self.g)
            if self.summary:
                return _engines.evaluate(ex, chunk_body, self.phase, self.g, idx.size)
            pose = ex._pose(chunk_body, self.phase)
            return _dataset(
                ex, chunk_body, pose, self.phase, self.g, lead_dim="setup", warn_odd=False
            )

    def groups(self, idx: np.ndarray) -> list[np.ndarray]:
        """Positions in ``idx`` of its set-ups grouped by their categorical values (a chunk
        never mixes them), each group in increasing order."""
        categorical = self.categorical
        if not categorical:
            return [np.arange(idx.size)]
        sizes = [self.values[d].size for d in categorical]
        codes = np.ravel_multi_index([self.position(d, idx) for d in categorical], sizes)
        order = np.argsort(codes, kind="stable")
        return np.split(order, np.flatnonzero(np.diff(codes[order])) + 1)

    def block(self, idx: np.ndarray) -> np.ndarray:
        """Summary block of the set-ups ``idx`` (see :func:`_columns`): the function of a lazy
        sweep's dask blocks."""
        out = np.empty((idx.size, _engines.WIDTH))
        for rows in self.groups(idx):
            out[rows] = self.evaluate(idx[rows])
        return out


def _table_for(table: Any, sex: str) -> SegmentTable:
    """The table of a chunk's body: a name looked up for the sex, a table as it is (or, if
    it is of the other sex, the table of the same name for this one)."""
    if isinstance(table, SegmentTable):
        if table.sex in ("any", sex):
            return table
        table = table.name
    return get_table(table, sex)


def _check_options(threads, chunks, chunk_postures, summary, progress):
    """The sweep's own options, each checked by name."""
    if threads is not None:
        threads = check_int(
            "threads", threads, low=1, expected="a number of threads >= 1 (or None)"
        )
    if chunks is not None:
        chunks = check_int("chunks", chunks, low=1, expected="a number of set-ups >= 1 (or None)")
    if chunk_postures is not None:
        chunk_postures = check_int(
            "chunk_postures", chunk_postures, low=1, expected="a number of postures >= 1 (or None)"
        )
    summary = check_bool("summary", summary)
    if progress is not None:
        progress = check_bool("progress", progress)
    return threads, chunks, chunk_postures, summary, progress


def _base_exercise(exercise: Any) -> Exercise:
    if isinstance(exercise, type) and issubclass(exercise, Exercise):
        return exercise()
    if isinstance(exercise, Exercise):
        return exercise
    msg = f"`exercise` must be an exercise class or instance; got {exercise!r}."
    raise TypeError(msg)


def _plan(base, body, n, g, summary, use_kernel, parameters) -> _Plan:
    """Check every parameter (the exercise's and the body's own checks, on every value, so
    that a bad one is named before anything runs) and apply the fixed ones."""
    fields = [f.name for f in dataclasses.fields(base)]  # type: ignore[arg-type]
    for name in parameters:
        if name not in fields and name not in BODY_PARAMETERS:
            msg = (
                f"`{name}` is not a parameter of {type(base).__name__} or of the body; "
                f"expected one of {', '.join(fields + list(BODY_PARAMETERS))}."
            )
            raise ValueError(msg)
    if body.shape and ({"height_m", "mass_kg"} & set(parameters)):
        msg = "`height_m`/`mass_kg` cannot be swept for a population `body`; pass one body."
        raise ValueError(msg)
    parsed = {name: _as_values(name, v) for name, v in parameters.items()}
    fixed = {k: _fixed(v) for k, (v, swept) in parsed.items() if not swept}
    swept = {k: v for k, (v, is_swept) in parsed.items() if is_swept}
    base = dataclasses.replace(base, **{k: v for k, v in fixed.items() if k not in BODY_PARAMETERS})
    body = _fixed_body(body, fixed)
    for name, arr in swept.items():  # the exercise checks a numeric array whole
        if name in BODY_PARAMETERS:
            continue
        for value in arr if arr.dtype == object else [arr]:
            dataclasses.replace(base, **{name: value})
    _check_swept_body(body, swept)
    lead_dims = (("body",) if body.shape else ()) + tuple(swept)
    lead_sizes = ((body.shape[0],) if body.shape else ()) + tuple(a.size for a in swept.values())
    phase = np.linspace(0.0, 1.0, n)
    return _Plan(base, body, swept, lead_dims, lead_sizes, phase, g, summary, use_kernel)


def _fixed_body(body: Body, fixed: dict[str, Any]) -> Body:
    """``body`` with the body parameters given as single values."""
    if not set(BODY_PARAMETERS) & set(fixed):
        return body
    sex = fixed.get("sex", body.sex)
    return Body(
        height_m=fixed.get("height_m", body.height_m),
        mass_kg=fixed.get("mass_kg", body.mass_kg),
        sex=sex,
        table=_table_for(fixed.get("table", body.table), sex),
    )


def _check_swept_body(body: Body, swept: dict[str, np.ndarray]) -> None:
    """The bodies of the sweep, built once on the calling thread: a bad stature, mass, sex or
    table is named, and an odd stature or mass warned about once (the chunks' bodies are
    built quietly)."""
    if not set(BODY_PARAMETERS) & set(swept):
        return
    if body.shape:  # a population: its own pairs (warned about when it was built)
        heights, masses = body.height_m, body.mass_kg
    else:  # every stature with every mass
        heights = np.reshape(swept.get("height_m", body.height_m), (-1, 1))
        masses = np.reshape(swept.get("mass_kg", body.mass_kg), (1, -1))
    sexes = swept.get("sex", [body.sex])
    tables = swept.get("table", [body.table])
    for k, (sex, table) in enumerate(itertools.product(sexes, tables)):  # a few categories
        with quiet() if k or body.shape else contextlib.nullcontext():
            Body(height_m=heights, mass_kg=masses, sex=sex, table=_table_for(table, sex))


def sweep(
    exercise: type[Exercise] | Exercise,
    /,
    *,
    body: Body | None = None,
    n: int = 101,
    summary: bool = False,
    g: float = STANDARD_GRAVITY,
    chunk_postures: int | None = None,
    threads: int | None = None,
    progress: bool | None = None,
    chunks: int | None = None,
    engine: str = "auto",
    memory_limit_gb: float | None = None,
    legs: str = "both",
    **parameters: Any,
) -> xr.Dataset:
    """Evaluate an exercise over every combination of the given parameter values.

    Parameters
    ----------
    exercise : exercise class or instance
        ``biomech.HipThrust`` (its defaults) or ``biomech.HipThrust(bench_reaction="normal")``
        (a base set-up whose other fields the sweep keeps).
    body : Body, optional
        The lifter (default :meth:`Body.default`). A 1-D population adds a ``body`` dimension.
    n : int, default 101
        Samples of the phase per rep.
    summary : bool, default False
        ``False``: the full :func:`simulate` dataset for every set-up (memory grows with the
        sweep). ``True``: each rep reduced as it is computed to :data:`SUMMARY_VARIABLES`
        (peak, phase and hip flexion at the peak, lockout, lockout/peak, mean, for hip and
        knee; whether the centre of pressure leaves the foot; the hip-moment decomposition:
        each external force's contribution, its mean over the phase and its moment arm at
        the hip's peak, along a ``force`` dimension, and the weights above and below the
        hip), so that memory is bounded by a chunk.
    g : float, default 9.80665
        m/s^2, between 0.1 and 100.
    chunk_postures : int, optional
        Postures (set-ups x phase samples) evaluated at once (default 65536 with numpy,
        262144 on the compiled kernel).
    threads : int, optional
        Worker threads, >= 1 (default: every core).
    progress : bool, optional
        Show a ``tqdm`` progress bar (default: only for sweeps of more than 10^7 postures).
    chunks : int, optional
        Return a lazily evaluated, dask-backed dataset with this many set-ups per dask chunk,
        to be computed on any dask scheduler, a ``dask.distributed`` cluster included (needs
        the ``dask`` extra; summary mode only). Nothing is computed until ``.compute()``; a
        set-up the body cannot perform then raises, and the centre-of-pressure warning is
        left to the ``cop_leaves_foot`` variable. The lazy dataset pickles with the standard
        :mod:`pickle`.
    engine : {"auto", "numba", "numpy"}, default "auto"
        How summary sweeps are computed. ``"numpy"``: the vectorized numpy core, chunk by
        chunk. ``"numba"``: a compiled kernel that fuses posture, statics, hip decomposition
        and summary per posture (needs the ``fast`` extra, i.e. numba; summary mode only; the
        first call in a fresh environment compiles it, several seconds, then it is cached on
        disk). ``"auto"``: the kernel where there is one and numba is installed, else
        numpy. Both engines give the same numbers (to rounding, about 1e-12 relative).
    memory_limit_gb : float, optional
        Refuse, before allocating, a sweep estimated to need more memory than this, GB
        (default 4): a full sweep holds about 3 kB per posture, a summary sweep 0.4 kB per
        set-up (plus, on the numpy engine, 3 kB per posture of its chunks in flight), a lazy
        sweep one dask chunk at a time.
    legs : {"both", "one"}, default "both"
        The loads of both legs together (the model's chain), or of one leg: half of both in a
        symmetric lift (:func:`biomech.per_leg`, which says what is halved; a lazy sweep stays
        lazy).
    **parameters
        Any field of the exercise (``load_kg``, ``bench_height_m``, ...) or of the body
        (``height_m``, ``mass_kg``, ``sex``, ``table``): a scalar fixes it, a 1-D array sweeps
        it and becomes a dimension of that name (in the order given). Every value is checked
        as the exercise or the body checks it, before anything is computed.

    Returns
    -------
    xarray.Dataset
        Dimensions: ``body`` (for a population), one per swept parameter, then (full mode) the
        dimensions of :func:`simulate`. With nothing swept, the one set-up's result.

    Raises
    ------
    ValueError, TypeError
        For a parameter name that does not exist, a bad value (named with the parameter), an
        empty or multi-dimensional array, a sweep larger than ``memory_limit_gb``; for
        ``engine="numba"`` where there is no kernel.
    InfeasibleSetupError
        A :class:`ValueError` for a set-up the body cannot perform (the message names the
        parameter).
    ImportError
        For ``engine="numba"`` without numba installed.

    Warns
    -----
    BiomechWarning
        Once, with a count, when the centre of pressure leaves the foot in some set-ups; once
        for swept statures or masses outside the adult range of the tables. Warnings come
        from the calling thread, whatever threads compute: a sweep never touches the
        process's warning filters, so sweeps run safely from several threads at once.

    Examples
    --------
    >>> import numpy as np
    >>> import biomech
    >>> s = biomech.sweep(biomech.HipThrust, load_kg=np.linspace(0, 200, 5),
    ...                   bench_height_m=[0.38, 0.42], n=51, summary=True)
    >>> s["peak_hip_moment"].dims
    ('load_kg', 'bench_height_m')
    >>> s["lockout_to_peak_hip"].sel(load_kg=200).round(2).values.tolist()  # lower: more kept
    [0.86, 0.79]
    """
    base = _base_exercise(exercise)
    legs = check_legs(legs)
    body, n, g = _check_run(body, n, g)
    threads, chunks, chunk_postures, summary, progress = _check_options(
        threads, chunks, chunk_postures, summary, progress
    )
    limit = memory_limit(memory_limit_gb)
    use_kernel = _use_kernel(check_choice("engine", engine, _engines.ENGINES), base, summary)
    if chunk_postures is None:
        chunk_postures = KERNEL_CHUNK_POSTURES if use_kernel else DEFAULT_CHUNK_POSTURES
    if chunks is not None and not summary:
        msg = "`chunks` needs `summary=True`: full curves of a large sweep do not fit memory."
        raise ValueError(msg)
    plan = _plan(base, body, n, g, summary, use_kernel, parameters)
    workers = max(1, threads or os.cpu_count() or 1)
    _check_sweep_budget(plan, limit, chunks, chunk_postures, workers)
    if chunks is not None:
        ds = _lazy_summary(plan, chunks)
        ds = ds.assign_coords(_sweep_coords(plan))
        return _finish(ds, plan, 0, legs)
    batches, pieces = _pieces(plan, chunk_postures, workers)
    show = progress if progress is not None else plan.n_setups * n > 10**7
    bar = _bar(show, len(pieces))
    try:
        if summary:
            ds, n_outside = _eager_summary(plan, batches, pieces, threads, bar)
        else:
            ds, n_outside = _full(plan, pieces, threads, bar)
    finally:
        if bar is not None:
            bar.close()
    return _finish(ds, plan, n_outside, legs)


def _check_sweep_budget(plan: _Plan, limit: float, chunks, chunk_postures: int, workers: int):
    """Refuse, before anything is allocated, a sweep that would not fit the budget."""
    swept = ", ".join(f"`{d}`: {s}" for d, s in zip(plan.lead_dims, plan.lead_sizes, strict=True))
    n = plan.phase.size
    if chunks is not None:
        check_budget(
            simulate_bytes(plan.base, chunks * n, bodies=1, lifted=False),
            limit,
            f"a lazy sweep's dask chunk of `chunks` = {chunks} set-ups x `n` = {n} postures",
            "Use smaller chunks.",
        )
    elif plan.summary:
        check_budget(
            summary_sweep_bytes(plan.n_setups, chunk_postures, workers, kernel=plan.use_kernel),
            limit,
            f"a summary sweep of {plan.n_setups} set-ups ({swept})",
            "Sweep fewer values, or pass chunks= for a lazy, dask-backed sweep.",
        )
    else:
        check_budget(
            simulate_bytes(plan.base, plan.n_setups * n, bodies=1, lifted=False),
            limit,
            f"a full sweep of {plan.n_setups} set-ups ({swept}) x `n` = {n} postures",
            "Use summary=True (a few numbers per set-up, memory bounded by a chunk), or "
            "chunks= with it for a lazy sweep, or sweep fewer values.",
        )


def _pieces(plan: _Plan, chunk_postures: int, workers: int):
    """The sweep's set-ups in batches of at most :data:`PREPARE_SETUPS` (the kernel's
    per-set-up tables are built a batch at a time: bounded memory), never mixing
    categorical values, each cut into equal pieces of at most ``chunk_postures`` postures
    and at least one per thread: ``(batches, [(set-ups, batch, rows of the batch)])``."""
    batches: list[np.ndarray] = []
    pieces: list[tuple[np.ndarray, int, slice]] = []
    everything = np.arange(plan.n_setups)
    for grp in (everything[rows] for rows in plan.groups(everything)):
        split = grp.size > PREPARE_SETUPS
        for batch in np.array_split(grp, math.ceil(grp.size / PREPARE_SETUPS)) if split else [grp]:
            for rows in _chunk_rows(batch.size, plan.phase.size, chunk_postures, workers):
                pieces.append((batch[rows], len(batches), rows))
            batches.append(batch)
    return batches, pieces


def _eager_summary(plan: _Plan, batches, pieces, threads, bar) -> tuple[xr.Dataset, int]:
    """A summary sweep computed now, into one (set-ups, columns) block that the variables
    view: the compiled engine batch by batch, or numpy chunk by chunk."""
    forces = plan.forces
    stacked = np.empty((plan.n_setups, _engines.WIDTH))
    if plan.use_kernel:
        # per batch: the engine's inputs once (no Python work per chunk), then its chunks on
        # the pool, straight into the block

        def prepare(batch: np.ndarray) -> Any:
            with quiet():
                return _engines.prepare(*plan.instance(batch, per_setup_body=False), plan.g)

        rows = [[p[2] for p in pieces if p[1] == k] for k in range(len(batches))]
        _run_kernel(prepare, batches, rows, plan.phase, stacked, threads, bar)
    else:

        def store(piece: tuple[np.ndarray, int, slice]) -> None:
            """Evaluate a chunk straight into the block (chunks are disjoint)."""
            stacked[piece[0]] = plan.evaluate(piece[0])

        _run(store, pieces, threads, bar)
    out = _columns(stacked, len(forces))
    coords = {**_sweep_coords(plan), **_force_coords(forces)}
    data_vars = {
        name: _summary_variable(name, out[name], plan.lead_dims, plan.lead_sizes, forces)
        for name in out
    }
    return xr.Dataset(data_vars, coords=coords), int(out["cop_leaves_foot"].sum())


def _full(plan: _Plan, pieces, threads, bar) -> tuple[xr.Dataset, int]:
    """A full sweep: every set-up's dataset, back in the grid's order and shape."""
    results = _run(plan.evaluate, [p[0] for p in pieces], threads, bar)
    full = xr.concat(
        results, dim="setup", data_vars="all", coords="minimal", compat="override", join="override"
    )
    order_all = np.concatenate([p[0] for p in pieces])
    full = full.isel(setup=np.argsort(order_all))
    if not plan.lead_dims:
        ds = full.isel(setup=0, drop=True)
    else:
        full = full.assign_coords(setup=np.arange(plan.n_setups))
        index = xr.Coordinates.from_pandas_multiindex(
            _multiindex(list(plan.lead_dims), list(plan.lead_sizes)), "setup"
        )
        ds = full.assign_coords(index).unstack("setup").transpose(*plan.lead_dims, ...)
    ds = ds.assign_coords(_sweep_coords(plan))
    outside = ~ds["cop_within_foot"].all("phase")
    return ds, int(outside.sum())


def _chunk_rows(setups: int, n: int, chunk_postures: int, workers: int) -> list[slice]:
    """Rows of ``setups`` set-ups of ``n`` postures each, cut into equal chunks of at most
    ``chunk_postures`` postures, and at least one per worker (no empty chunk)."""
    count = max(math.ceil(setups * n / chunk_postures), min(workers, setups))
    bounds = np.linspace(0, setups, count + 1).round().astype(int).tolist()
    return [slice(a, b) for a, b in itertools.pairwise(bounds) if b > a]


def _sweep_coords(plan: _Plan) -> dict[str, Any]:
    """The coordinates of the swept dimensions (units from the parameters' declarations,
    :mod:`biomech.parameters`) and of a population's bodies."""
    declared = parameters(plan.base)
    coords: dict[str, Any] = {}
    for d, arr in plan.values.items():
        values = arr.astype(str) if arr.dtype == object else arr
        if d in COORDINATES:  # the body's stature and mass
            coords[d] = coordinate(d, d, values)
        elif d not in declared:  # the body's sex and table
            coords[d] = (d, values)
        else:
            unit = declared[d].unit
            coords[d] = (d, values, {"units": unit, "long_name": declared[d].what} if unit else {})
    body = plan.body
    if body.shape:
        coords["height_m"] = coordinate(
            "height_m", "body", np.broadcast_to(body.height_m, body.shape).copy()
        )
        coords["mass_kg"] = coordinate(
            "mass_kg", "body", np.broadcast_to(body.mass_kg, body.shape).copy()
        )
    return coords


def _finish(ds: xr.Dataset, plan: _Plan, n_outside: int, legs: str = "both") -> xr.Dataset:
    """Attributes, the one centre-of-pressure warning and, for ``legs = "one"``, the loads of
    one leg (coordinates are assigned where each kind of sweep is built: each assign_coords
    costs about a millisecond)."""
    ds.attrs.update(
        {
            "exercise": plan.base.name,
            **{
                k: v
                for k, v in plan.base.as_attrs().items()
                if k not in plan.values and np.ndim(v) == 0
            },
            "swept": ", ".join(plan.lead_dims),
            "g_m_per_s2": plan.g,
            "sign_convention": SIGN_CONVENTION,
            "legs": "both",
            "biomech_version": _version(),
        }
    )
    _warn_outside(plan.base, n_outside, plan.n_setups, plan.summary)
    return per_leg(ds) if legs == "one" else ds


def _warn_outside(base, n_outside: int, n_setups: int, summary: bool) -> None:
    """The one centre-of-pressure warning of a sweep, if any set-up needs it."""
    if n_outside:
        warn(
            f"{base.name}: the centre of pressure leaves the foot somewhere in the rep in "
            f"{n_outside} of {n_setups} set-ups (see the variable "
            f"{'cop_leaves_foot' if summary else 'cop_within_foot'})."
        )


def _summary_variable(name, data, lead_dims, lead_sizes, forces):
    """One summary variable as a (dims, data, attrs) tuple (:data:`biomech.schema.VARIABLES`),
    with the ``force`` dimension last for :data:`FORCE_SUMMARY_VARIABLES`."""
    spec = VARIABLES[name]
    sizes = [len(forces)] if spec.dims == ("force",) else []
    return ([*lead_dims, *spec.dims], data.reshape([*lead_sizes, *sizes]), spec.attrs())


def _force_coords(forces: tuple[str, ...]) -> dict[str, Any]:
    """The ``force`` coordinate and its ``side_of_hip`` (as in :func:`biomech.simulate`)."""
    side = ["above" if FORCE_LEVEL[f] > JOINT_LEVEL["hip"] else "below" for f in forces]
    return {"force": ("force", list(forces)), "side_of_hip": ("force", side)}


def _lazy_summary(plan: _Plan, chunk: int) -> xr.Dataset:
    """A dask-backed summary dataset whose blocks call ``plan.block`` on ranges of set-ups
    (a bound method of a picklable value: the graph pickles with the standard pickle)."""
    import dask.array as da

    forces = plan.forces
    index = da.arange(plan.n_setups, chunks=chunk)
    stacked = index.map_blocks(
        plan.block, new_axis=1, chunks=(index.chunks[0], _engines.WIDTH), dtype=float
    )
    out = _columns(stacked, len(forces))
    data_vars = {
        name: _summary_variable(name, out[name], plan.lead_dims, plan.lead_sizes, forces)
        for name in out
    }
    return xr.Dataset(data_vars, coords=_force_coords(forces))


def _use_kernel(engine: str, base: Exercise, summary: bool) -> bool:
    """Whether this sweep runs on a compiled kernel (see ``sweep(engine=...)``)."""
    if engine == "numpy":
        return False
    has_kernel = summary and base.name in _engines.EXERCISES
    if engine == "auto":
        return has_kernel and _engines.available()
    if not has_kernel:
        msg = (
            f"`engine` = 'numba' has a kernel only for summary sweeps (summary=True) of "
            f"{', '.join(_engines.EXERCISES)}; got a {'summary' if summary else 'full'} sweep "
            f"of {base.name}. Use engine='auto' or 'numpy'."
        )
        raise ValueError(msg)
    if not _engines.available():
        msg = (
            "`engine` = 'numba' needs numba, which is not installed: "
            "pip install 'biomech[fast]' (or use engine='auto' or 'numpy')."
        )
        raise ImportError(msg)
    return True


def _multiindex(names: list[str], sizes: list[int]):
    import pandas as pd

    return pd.MultiIndex.from_product([range(s) for s in sizes], names=names)


@functools.cache
def _pool(workers: int, pid: int) -> ThreadPoolExecutor:
    """A thread pool per number of workers, kept for the life of the process (``pid`` keys
    it: a forked child gets its own): starting and joining a fresh pool's threads would cost a
    small sweep a noticeable share of its time (``docs/performance.md``)."""
    return ThreadPoolExecutor(max_workers=workers, thread_name_prefix="biomech-sweep")


def _bar(show: bool, total: int) -> Any:
    """A ``tqdm.auto`` progress bar over ``total`` chunks, or ``None``."""
    if not show:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="chunk", desc="sweep")


def _run_kernel(
    prepare: Callable[[np.ndarray], Any],
    batches: list[np.ndarray],
    rows: list[list[slice]],
    phase: np.ndarray,
    stacked: np.ndarray,
    threads: int | None,
    bar: Any,
) -> None:
    """Run the compiled engine over the set-ups into ``stacked`` (set-ups, columns): batch
    by batch (``prepare(batch)``: the engine's inputs, validated), each batch's chunks
    ``rows[k]`` (slices of the batch) shared out between the calling thread and ``workers -
    1`` pool threads, each taking the next chunk when done with one; then the batch's checks
    of the rep's extremes (``_engines.finish``).

    The calling thread computes rather than waits: it is on a core already, so its chunks
    start without a thread's wake-up, and it returns as soon as the last chunk is done. It
    does no other Python work meanwhile: with a thread per core there is no core left for it,
    and a chunk needs the GIL to enter the compiled loop (``docs/performance.md``)."""
    workers = max(1, min(threads or os.cpu_count() or 1, max(map(len, rows))))
    pool = _pool(workers - 1, os.getpid()) if workers > 1 else None
    lock = threading.Lock()
    for k, batch in enumerate(batches):
        prepared = prepare(batch)
        # the sweep's batches are increasing; a range of set-ups is written in place
        contiguous = int(batch[-1]) - int(batch[0]) + 1 == batch.size
        block = (
            stacked[int(batch[0]) : int(batch[-1]) + 1]
            if contiguous
            else np.empty((batch.size, stacked.shape[1]))
        )
        todo = iter(rows[k])  # shared: next() on a list iterator is atomic under the GIL

        def drain(prepared: Any = prepared, block: Any = block, todo: Any = todo) -> None:
            """Run chunks until none is left."""
            for r in todo:
                _engines.run(prepared, r, phase, block[r])
                if bar is not None:
                    with lock:
                        bar.update()

        helpers = [pool.submit(drain) for _ in range(workers - 1)] if pool else []
        try:
            drain()
        except BaseException:
            for _ in todo:  # the helpers stop after their current chunk
                pass
            for helper in helpers:
                helper.exception()
            raise
        for helper in helpers:
            helper.result()
        _engines.finish(prepared, block)
        if not contiguous:
            stacked[batch] = block


def _run(evaluate: Callable[[Any], Any], chunks: list[Any], threads: int | None, bar: Any) -> list:
    """Evaluate the chunks on a thread pool, in order, updating the progress bar ``bar``.
    Each chunk is evaluated quietly on its thread (:func:`quiet`): the sweep warns once,
    from the caller's thread, and the process's warning filters are never touched."""
    workers = max(1, min(threads or os.cpu_count() or 1, len(chunks)))
    results = []
    if workers == 1:
        for chunk in chunks:
            results.append(_quietly(evaluate, chunk))
            if bar is not None:
                bar.update()
    else:
        pool = _pool(workers, os.getpid())
        for res in pool.map(functools.partial(_quietly, evaluate), chunks):
            results.append(res)
            if bar is not None:
                bar.update()
    return results


def _quietly(evaluate: Callable[[Any], Any], chunk: Any) -> Any:
    with quiet():
        return evaluate(chunk)
