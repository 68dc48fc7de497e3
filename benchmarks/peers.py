"""Throughput of ``biomech.sweep`` against the obvious alternatives, in one run, as ratios.

Run from the repository root (about a minute on 2 cores)::

    .venv/bin/python benchmarks/peers.py              # everything
    .venv/bin/python benchmarks/peers.py --peak 1e7   # a cheaper memory run
    .venv/bin/python benchmarks/peers.py --profile    # where the sweep's time goes (cProfile)

All contenders see the same hip-thrust postures: a grid of loads x bench heights (one
default body), each set-up a rep of ``n = 101`` phase samples, so postures = set-ups x 101.

(a) ``biomech.sweep(..., summary=True, engine="numba")``: the full pipeline, per posture:
    posture solving (the per-set-up bisection for the bottom of the rep included), statics
    (ground and bench reactions, net moments at ankle, knee and hip), the hip-moment
    decomposition (each external force's contribution and moment arm, and the weights on
    either side of the hip) and the per-rep summary of all of it, on the compiled kernel,
    threaded. Timed after a warm-up sweep (which compiles the kernel or loads it from
    numba's cache); the compile time itself is measured apart, in fresh processes.
    (a') the same sweep with ``engine="numpy"`` (the vectorized numpy core).
(b) a plain Python loop over scalar calls of the same core, one posture per call
    (``HipThrust(...)._pose`` + ``solve_pose``), on a random sample of the postures;
    (b') a loop of ``biomech.simulate`` calls, one set-up (101 postures) per call.
(c) Pinocchio ``rneaInParallel`` on every core: gravity torques (RNEA with v = a = 0) of the
    equivalent planar chain foot -> shank -> thigh -> trunk -> upper arm -> forearm (revolute z
    joints, point masses; head on the trunk, hand on the forearm, bar on the trunk), at the
    sweep's joint angles. No ground or bench reaction: the peer does strictly less work.
(d) MuJoCo ``mj_inverse`` in a Python loop over the same chain as MJCF (hinge joints,
    qvel = qacc = 0), on a sample of the postures.

Rates are postures per second, best of a few repeats for the vectorized contenders. The
ratios are what to compare across machines; the absolute rates are this machine's.
Then: the time of a summary sweep (engine "numba") at 10^5, 10^6, 10^7 postures (the time
should grow linearly), the peak resident memory (``ru_maxrss``) of a summary sweep of
``--peak`` postures in a fresh subprocess, and the kernel's first-call time in a fresh
process with an empty numba cache (compilation) and with a filled one (cache load).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import warnings

import numpy as np

import biomech
from biomech.conventions import SEGMENTS, STANDARD_GRAVITY
from biomech.simulate import _version
from biomech.statics import solve_pose

N_PHASE = 101
N_BENCH = 99  # bench heights per grid; loads fill the rest
BENCH_RANGE = (0.32, 0.42)  # m, every height valid for the default body (friction included)
LOAD_RANGE = (0.0, 200.0)  # kg

#: The planar chain from the floor up: (joint, parent segment, child segment).
CHAIN = (
    ("ankle", "foot", "shank"),
    ("knee", "shank", "thigh"),
    ("hip", "thigh", "trunk"),
    ("shoulder", "trunk", "upper_arm"),
    ("elbow", "upper_arm", "forearm"),
)
#: The chain body (named by the segment that carries it) each mass rides on.
CARRIER = {"shank": "shank", "thigh": "thigh", "trunk": "trunk", "head": "trunk"}
CARRIER.update({"upper_arm": "upper_arm", "forearm": "forearm", "hand": "forearm"})
#: The proximal joint of each chain body.
PROXIMAL = {child: joint for joint, _, child in CHAIN}


def grid(postures: float) -> tuple[np.ndarray, np.ndarray]:
    """Loads and bench heights whose outer product, times 101 phases, is about ``postures``."""
    n_load = max(1, round(float(postures) / (N_BENCH * N_PHASE)))
    return np.linspace(*LOAD_RANGE, n_load), np.linspace(*BENCH_RANGE, N_BENCH)


def our_sweep(loads, benches, engine="numba", **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", biomech.BiomechWarning)
        return biomech.sweep(
            biomech.HipThrust,
            load_kg=loads,
            bench_height_m=benches,
            n=N_PHASE,
            summary=True,
            progress=False,
            engine=engine,
            **kw,
        )


#: The parts of a summary sweep timed apart in the scaling rounds (see :func:`scaling_parts`).
SCALING_PARTS = {
    "kernel": "kernel calls alone (inputs made beforehand)",
    "tables+kernel": "kernel inputs (with validation) + kernel calls",
    "sweep": "biomech.sweep (all of it: the labelled dataset)",
}


def scaling_parts(postures: float, threads: int) -> dict:
    """Callables timing the inner parts of the sweep of ``grid(postures)``, run as the sweep
    runs them (``biomech.sweep._run_kernel``, chunked by ``_chunk_rows``): the compiled
    engine's calls with their inputs made beforehand, and the inputs (``_engines.prepare``,
    with the set-ups' validation) plus those calls. What the sweep adds beyond these is its
    own per-call work: argument checks, the grid, the exercise and body of the set-ups, the
    ``xarray.Dataset``."""
    from biomech import _engines
    from biomech.sweep import KERNEL_CHUNK_POSTURES, _chunk_rows, _run_kernel

    loads, benches = grid(postures)
    load, bench = np.meshgrid(loads, benches, indexing="ij")
    ex = biomech.HipThrust(load_kg=load.reshape(-1, 1), bench_height_m=bench.reshape(-1, 1))
    body, phase = biomech.Body.default(), np.linspace(0.0, 1.0, N_PHASE)
    batches = [np.arange(load.size)]
    rows = [_chunk_rows(load.size, N_PHASE, KERNEL_CHUNK_POSTURES, threads)]
    prepared = _engines.prepare(ex, body, STANDARD_GRAVITY)
    out = np.empty((prepared.size, _engines.WIDTH))

    def kernel():
        _run_kernel(lambda _: prepared, batches, rows, phase, out, threads, None)

    def tables_and_kernel():
        def prepare(_):
            return _engines.prepare(ex, body, STANDARD_GRAVITY)

        _run_kernel(prepare, batches, rows, phase, out, threads, None)

    kernel()
    return {"kernel": kernel, "tables+kernel": tables_and_kernel}


def best_of(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


# --------------------------------------------------------------------------- the postures


def poses(loads, benches, body, chunk_setups: int = 2000):
    """Segment angles (rad), shape (segments, setups * 101), of every posture of the grid, in
    the sweep's order (load-major, then bench height, then phase). Not timed."""
    L, H = (a.ravel() for a in np.meshgrid(loads, benches, indexing="ij"))
    phase = np.linspace(0.0, 1.0, N_PHASE)
    out = {s: np.empty((L.size, N_PHASE)) for s in SEGMENTS}
    for i in range(0, L.size, chunk_setups):
        sl = slice(i, i + chunk_setups)
        ex = biomech.HipThrust(load_kg=L[sl, None], bench_height_m=H[sl, None])
        pose = ex._pose(body, phase)
        for s in SEGMENTS:
            out[s][sl] = pose.segment_angle[s]
    return {s: v.ravel() for s, v in out.items()}


def configurations(angle) -> np.ndarray:
    """Joint coordinates q (rad), shape (5, postures): child minus parent segment angle."""
    return np.stack([angle[child] - angle[parent] for _, parent, child in CHAIN])


def chain_geometry(body):
    """From one reference posture: each chain body's proximal-joint placement in its parent's
    frame and its point masses in its own frame (x along the segment, origin at the proximal
    joint). The foot is the fixed root (the world frame)."""
    ex = biomech.HipThrust(load_kg=100.0)
    pose = ex._pose(body, np.array([0.5]))
    pt = {k: complex(np.ravel(v)[0]) for k, v in pose.points.items()}
    ang = {k: float(np.ravel(v)[0]) for k, v in pose.segment_angle.items()}
    com = {k: complex(np.ravel(v)[0]) for k, v in pose.segment_com.items()}

    def origin(segment):
        return 0j if segment == "foot" else pt[PROXIMAL[segment]]

    def local(segment, p):
        return (p - origin(segment)) * np.exp(-1j * ang[segment])

    placement = {child: local(parent, pt[joint]) for joint, parent, child in CHAIN}
    masses = {child: [] for _, _, child in CHAIN}
    for segment, carrier in CARRIER.items():
        masses[carrier].append((float(body.segment_mass(segment)), local(carrier, com[segment])))
    masses["trunk"].append((float(ex.load_kg), local("trunk", pt["bar"])))
    lumped = {}
    for child, items in masses.items():
        m = sum(mi for mi, _ in items)
        lumped[child] = (m, sum(mi * ri for mi, ri in items) / m)
    return placement, lumped, pt, ang


# --------------------------------------------------------------------------- the peers


def pinocchio_model(placement, lumped, g):
    import pinocchio as pin

    model = pin.Model()
    model.gravity = pin.Motion(np.array([0.0, -g, 0.0]), np.zeros(3))
    parent_id = 0
    for joint, _, child in CHAIN:
        p = placement[child]
        where = pin.SE3(np.eye(3), np.array([p.real, p.imag, 0.0]))
        parent_id = model.addJoint(parent_id, pin.JointModelRZ(), where, joint)
        m, c = lumped[child]
        model.appendBodyToJoint(
            parent_id,
            pin.Inertia(m, np.array([c.real, c.imag, 0.0]), np.zeros((3, 3))),
            pin.SE3.Identity(),
        )
    return model


def mujoco_model(placement, lumped, g):
    import mujoco

    xml = []
    for joint, _, child in CHAIN:
        p, (m, c) = complex(placement[child]), lumped[child]
        m, c = float(m), complex(c)
        xml.append(
            f'<body name="{child}" pos="{p.real!r} {p.imag!r} 0">'
            f'<joint name="{joint}" type="hinge" axis="0 0 1"/>'
            f'<inertial pos="{c.real!r} {c.imag!r} 0" mass="{m!r}" '
            'diaginertia="1e-9 1e-9 1e-9"/>'
        )
    xml.append("</body>" * len(CHAIN))
    mjcf = (
        '<mujoco model="planar chain"><option gravity="0 {g!r} 0"><flag contact="disable"/>'
        "</option><worldbody>{body}</worldbody></mujoco>"
    ).format(g=-float(g), body="".join(xml))
    return mujoco.MjModel.from_xml_string(mjcf)


def run_pinocchio(model, q, threads, repeats):
    import pinocchio as pin

    pool = pin.ModelPool(model, threads)
    q = np.asfortranarray(q)
    zero = np.zeros_like(q)
    tau = np.zeros_like(q)
    t = best_of(lambda: pin.rneaInParallel(threads, pool, q, zero, zero, tau), repeats)
    return t, tau


def run_mujoco(model, q):
    import mujoco

    data = mujoco.MjData(model)
    out = np.empty((q.shape[1], model.nv))
    data.qvel[:] = 0.0
    data.qacc[:] = 0.0
    qt = np.ascontiguousarray(q.T)
    t0 = time.perf_counter()
    for k in range(qt.shape[0]):
        data.qpos[:] = qt[k]
        mujoco.mj_inverse(model, data)
        out[k] = data.qfrc_inverse
    return time.perf_counter() - t0, out.T


def run_scalar_loop(body, L, H, ph, g):
    """One posture per call of our core: set-up, posture, statics."""
    masses = np.array([float(body.segment_mass(s)) for s in SEGMENTS])
    t0 = time.perf_counter()
    for load, bench, phase in zip(L, H, ph, strict=True):
        ex = biomech.HipThrust(load_kg=float(load), bench_height_m=float(bench))
        pose = ex._pose(body, np.array([phase]))
        solve_pose(pose, masses, np.array([load]), g)
    return time.perf_counter() - t0


def run_simulate_loop(body, L, H):
    """One ``biomech.simulate`` call (one set-up, 101 postures) per iteration."""
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", biomech.BiomechWarning)
        for load, bench in zip(L, H, strict=True):
            biomech.simulate(
                biomech.HipThrust(load_kg=float(load), bench_height_m=float(bench)),
                body,
                n=N_PHASE,
            )
    return time.perf_counter() - t0


# --------------------------------------------------------------------------- memory, profile


def child_peak(postures: float) -> None:
    """In a fresh process: one summary sweep; print its time and peak memory as JSON.

    ``ru_maxrss`` is the process's high-water resident set size, but Linux carries the
    launching process's high-water mark over ``exec``, so it is at least the parent's size
    when it launched us (:func:`main` launches this first, while it is small). ``VmHWM`` in
    ``/proc/self/status`` is this process's own high-water mark.
    """
    loads, benches = grid(postures)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    hwm_before = _vmhwm_kib()
    t0 = time.perf_counter()
    ds = our_sweep(loads, benches)
    dt = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    n = int(ds["peak_hip_moment"].size) * N_PHASE
    print(
        json.dumps(
            {
                "postures": n,
                "seconds": dt,
                "maxrss_kib_before": before,
                "maxrss_kib": peak,
                "vmhwm_kib_before": hwm_before,
                "vmhwm_kib": _vmhwm_kib(),
            }
        )
    )


def _vmhwm_kib() -> int:
    try:
        with open("/proc/self/status") as f:
            return int(next(line.split()[1] for line in f if line.startswith("VmHWM:")))
    except (OSError, StopIteration):
        return -1


def child_compile() -> None:
    """In a fresh process: the time of a first small kernel sweep (compiling the kernel, or
    loading it from the cache in ``NUMBA_CACHE_DIR``) and of a second one, as JSON."""
    loads, benches = grid(1e4)
    t0 = time.perf_counter()
    import numba  # noqa: F401  (its import time is part of the first call)

    our_sweep(loads, benches)
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    our_sweep(loads, benches)
    print(json.dumps({"first": first, "second": time.perf_counter() - t0}))


def run_compile() -> tuple[dict, dict]:
    """First-call times with an empty numba cache (compile), then with the filled cache."""
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "NUMBA_CACHE_DIR": cache}
        runs = []
        for _ in range(2):
            out = subprocess.run(
                [sys.executable, __file__, "--child-compile"],
                capture_output=True,
                text=True,
                check=True,
                env=env,
            )
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return runs[0], runs[1]


def run_peak(postures: float) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--child-peak", repr(postures)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def profile(postures: float, threads: int) -> None:
    import cProfile
    import pstats

    loads, benches = grid(postures)
    our_sweep(loads[:2], benches)  # warm up imports
    prof = cProfile.Profile()
    prof.enable()
    our_sweep(loads, benches, threads=threads)
    prof.disable()
    stats = pstats.Stats(prof)
    stats.sort_stats("tottime").print_stats(15)
    stats.sort_stats("cumulative").print_stats(25)


# --------------------------------------------------------------------------- main


def machine() -> str:
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if "model name" in line)
    except (OSError, StopIteration):
        pass
    import mujoco
    import numba
    import pinocchio

    try:
        commit = subprocess.run(
            ["git", "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            cwd=os.path.dirname(os.path.abspath(__file__)),
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return (
        f"commit {commit}, {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
        f"numpy {np.__version__}, biomech {_version()}, "
        f"numba {numba.__version__}, pinocchio {pinocchio.__version__}, "
        f"mujoco {mujoco.__version__}, "
        f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}"
    )


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--postures", type=float, default=1e6, help="for (a) and (c)")
    ap.add_argument("--loop", type=int, default=2_000, help="postures for (b)")
    ap.add_argument("--simulate-loop", type=int, default=200, help="set-ups for (b')")
    ap.add_argument("--mujoco", type=int, default=200_000, help="postures for (d)")
    ap.add_argument("--peak", type=float, default=1e8, help="postures of the memory run")
    ap.add_argument("--no-scaling", action="store_true")
    ap.add_argument("--profile", action="store_true", help="only cProfile a --postures sweep")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--no-compile", action="store_true", help="skip the compile-time runs")
    ap.add_argument("--child-peak", type=float, help=argparse.SUPPRESS)
    ap.add_argument("--child-compile", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child_peak:
        child_peak(args.child_peak)
        return
    if args.child_compile:
        child_compile()
        return
    if args.profile:
        profile(args.postures, 1)
        return

    start = time.perf_counter()
    # the memory run goes first, while this process is small (see child_peak)
    peak = run_peak(args.peak) if args.peak else None
    compiled = None if args.no_compile else run_compile()
    g = STANDARD_GRAVITY
    body = biomech.Body.default()
    threads = args.threads
    print(time.strftime("%Y-%m-%d %H:%M:%S %Z"), "|", machine())
    print(f"command: {' '.join([os.path.basename(sys.executable), *sys.argv])}")

    loads, benches = grid(args.postures)
    n_setups = loads.size * benches.size
    P = n_setups * N_PHASE
    print(
        f"\npostures: {loads.size} loads x {benches.size} bench heights x {N_PHASE} phases", end=""
    )
    print(f" = {P:,}")

    # (a) ours, compiled kernel; (a') ours, numpy engine
    our_sweep(loads[:2], benches)  # warm-up: compiles the kernel or loads it from the cache
    our_sweep(loads[:2], benches, engine="numpy")
    t_ours = best_of(lambda: our_sweep(loads, benches, threads=threads), 3)
    t_numpy = best_of(lambda: our_sweep(loads, benches, engine="numpy", threads=threads), 3)
    rate = {"ours": P / t_ours, "numpy": P / t_numpy}

    # the same postures as joint coordinates, and the peers' models (not timed)
    angle = poses(loads, benches, body)
    q = configurations(angle)
    placement, lumped, pt, ang = chain_geometry(body)
    pin_model = pinocchio_model(placement, lumped, g)
    mj_model = mujoco_model(placement, lumped, g)
    _check_kinematics(pin_model, placement, pt, ang)

    # (c) Pinocchio, all cores
    t_pin, tau_pin = run_pinocchio(pin_model, q, threads, 3)
    rate["pinocchio"] = P / t_pin

    # (d) MuJoCo loop, and (b) our scalar loop, on random samples of the same postures
    rng = np.random.default_rng(0)
    pick = rng.choice(P, size=min(args.mujoco, P), replace=False)
    t_mj, tau_mj = run_mujoco(mj_model, q[:, pick])
    rate["mujoco"] = pick.size / t_mj
    agree = float(np.max(np.abs(tau_mj - tau_pin[:, pick])))

    L, H = (a.ravel() for a in np.meshgrid(loads, benches, indexing="ij"))
    phase = np.linspace(0.0, 1.0, N_PHASE)
    pick_b = rng.choice(P, size=min(args.loop, P), replace=False)
    run_scalar_loop(body, L[:20], H[:20], phase[:20], g)  # warm-up
    t_loop = run_scalar_loop(
        body, L[pick_b // N_PHASE], H[pick_b // N_PHASE], phase[pick_b % N_PHASE], g
    )
    rate["loop"] = pick_b.size / t_loop
    pick_s = rng.choice(n_setups, size=min(args.simulate_loop, n_setups), replace=False)
    t_sim = run_simulate_loop(body, L[pick_s], H[pick_s])
    rate["simulate_loop"] = pick_s.size * N_PHASE / t_sim

    rows = [
        ("(a) biomech.sweep, full pipeline, numba", "ours", P, t_ours, f"{threads} threads"),
        ("(a') biomech.sweep, full pipeline, numpy", "numpy", P, t_numpy, f"{threads} threads"),
        ("(b) Python loop, our core, 1 posture/call", "loop", pick_b.size, t_loop, "1 thread"),
        (
            "(b') Python loop, biomech.simulate/set-up",
            "simulate_loop",
            pick_s.size * N_PHASE,
            t_sim,
            "1 thread",
        ),
        ("(c) pinocchio.rneaInParallel, gravity only", "pinocchio", P, t_pin, f"{threads} threads"),
        ("(d) mujoco.mj_inverse, Python loop", "mujoco", pick.size, t_mj, "1 thread"),
    ]
    print(
        f"\n{'contender':44s} {'postures':>11s} {'seconds':>9s} {'postures/s':>12s} "
        f"{'ours/peer':>10s}  notes"
    )
    for label, key, n, t, note in rows:
        ratio = "" if key == "ours" else f"{rate['ours'] / rate[key]:10.1f}"
        print(f"{label:44s} {n:11,d} {t:9.3f} {rate[key]:12,.0f} {ratio:>10s}  {note}")
    print(f"max |tau_mujoco - tau_pinocchio| over the MuJoCo sample: {agree:.2e} N m")

    if not args.no_scaling:
        # the sizes are timed in interleaved rounds, so that a disturbance of the shared
        # machine (the other core busy for a second, say) falls on every size alike rather
        # than on one; the best of a size's runs estimates its undisturbed time, the median
        # its typical one. In a round each call of 10^5 and 10^6 postures runs `repeats` times
        # in a row, as timeit repeats a statement; the first of them, after another size, is
        # also reported apart (it measured no slower: the Python work after a kernel call
        # runs on cold caches anyway). A 10^5 sweep takes about 15 ms, a 10^7 sweep about
        # 1.3 s: 10^7 runs once, in the first rounds.
        rounds, rounds_1e7, repeats = 9, 3, 3
        sizes = (1e5, 1e6, 1e7)
        parts = {size: scaling_parts(size, threads) for size in sizes[:2]}
        times: dict[tuple[float, str], list[float]] = {}
        cold: dict[float, list[float]] = {}  # the first sweep of a size in a round
        for r in range(rounds):
            for size in sizes:
                if size == 1e7 and r >= rounds_1e7:
                    continue
                lo, be = grid(size)
                runs = {"sweep": lambda lo=lo, be=be: our_sweep(lo, be, threads=threads)}
                runs.update(parts.get(size, {}))
                for name, fn in runs.items():
                    for k in range(1 if size == 1e7 else repeats):
                        t0 = time.perf_counter()
                        fn()
                        dt = time.perf_counter() - t0
                        times.setdefault((size, name), []).append(dt)
                        if name == "sweep" and k == 0:
                            cold.setdefault(size, []).append(dt)
        print(
            f"\nsummary sweep time vs postures ({rounds * repeats}, {rounds * repeats} and "
            f"{rounds_1e7} runs in interleaved rounds; the best run, and the median):"
        )
        prev = None
        for size in sizes:
            lo, be = grid(size)
            p = lo.size * be.size * N_PHASE
            t, m = min(times[size, "sweep"]), float(np.median(times[size, "sweep"]))
            step = f"  x{t / prev[0]:5.2f}" if prev else " " * 7
            step_m = f"  x{m / prev[1]:5.2f} the time of the previous size" if prev else ""
            print(
                f"  {p:12,d} postures {t:8.3f} s {p / t:12,.0f} postures/s{step}"
                f"   median {m:8.3f} s{step_m}"
            )
            prev = (t, m)
        a, b = min(cold[1e5]), min(cold[1e6])
        print(
            f"  the first call of a round only (best): {a * 1e3:.2f} ms at 10^5, "
            f"{b * 1e3:.2f} ms at 10^6, x{b / a:5.2f}"
        )
        print("  where the time goes (10^5 -> 10^6, same rounds):")
        for name in ("kernel", "tables+kernel", "sweep"):
            a, b = min(times[1e5, name]), min(times[1e6, name])
            ma, mb = np.median(times[1e5, name]), np.median(times[1e6, name])
            label = SCALING_PARTS[name]
            print(
                f"    {label:48s} {a * 1e3:7.2f} ms {b * 1e3:8.2f} ms  x{b / a:5.2f}"
                f"   median x{mb / ma:5.2f}"
            )

    if peak is not None:
        print(
            f"\npeak memory of one summary sweep of {args.peak:.0e} postures "
            "(fresh process, launched first):"
        )
        print(
            f"  {peak['postures']:,} postures in {peak['seconds']:.1f} s "
            f"({peak['postures'] / peak['seconds']:,.0f} postures/s)"
        )
        print(
            f"  ru_maxrss {peak['maxrss_kib'] / 1024:.0f} MiB "
            f"(before the sweep: {peak['maxrss_kib_before'] / 1024:.0f} MiB); "
            f"VmHWM {peak['vmhwm_kib'] / 1024:.0f} MiB "
            f"(before the sweep: {peak['vmhwm_kib_before'] / 1024:.0f} MiB)"
        )
    if compiled is not None:
        cold, warm = compiled
        print("\nfirst kernel sweep (10^4 postures) in a fresh process, numba import included:")
        print(
            f"  empty numba cache (compiles): {cold['first']:.2f} s (second call "
            f"{cold['second']:.3f} s); filled cache (loads): {warm['first']:.2f} s"
        )
    print(f"\ntotal wall time {time.perf_counter() - start:.0f} s")


def _check_kinematics(model, placement, pt, ang) -> None:
    """The peers' chain puts the hip and the elbow where the reference posture has them."""
    import pinocchio as pin

    data = model.createData()
    q = np.array([ang[c] - ang[p] for _, p, c in CHAIN])
    pin.forwardKinematics(model, data, q)
    for joint in ("hip", "elbow"):
        got = data.oMi[model.getJointId(joint)].translation
        want = pt[joint]
        if abs(complex(got[0], got[1]) - want) > 1e-9:
            msg = f"peer chain: {joint} at {got[:2]}, expected {want}"
            raise AssertionError(msg)


if __name__ == "__main__":
    main()
