"""asv benchmarks of :func:`biomech.sweep` (chunked, threaded; summary and full modes; the
numba kernel and the numpy engine).

Sizes are postures = set-ups x ``n``: a grid of loads x 99 bench heights, ``n = 101``. The
throughput against other engines is measured by ``benchmarks/peers.py``, not here.
"""

import warnings

import numpy as np

import biomech

N_PHASE = 101
BENCH = np.linspace(0.32, 0.42, 99)  # m: every height valid for the default body


def _loads(postures):
    return np.linspace(0.0, 200.0, max(1, round(postures / (BENCH.size * N_PHASE))))


def _sweep(loads, summary, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", biomech.BiomechWarning)
        return biomech.sweep(
            biomech.HipThrust,
            load_kg=loads,
            bench_height_m=BENCH,
            n=N_PHASE,
            summary=summary,
            progress=False,
            **kw,
        )


class SweepSummary:
    """Hip-thrust summary sweep over loads x bench heights (10^4 to 10^6 postures), on the
    compiled kernel and on the numpy engine. ``setup`` runs a small sweep first, so the
    kernel's compilation (or cache load) is not timed."""

    params = ([10_000, 100_000, 1_000_000], ["numba", "numpy"])
    param_names = ["postures", "engine"]
    timeout = 120

    def setup(self, postures, engine):
        self.loads = _loads(postures)
        _sweep(self.loads[:1], True, engine=engine)

    def time_sweep_summary(self, postures, engine):
        _sweep(self.loads, True, engine=engine)

    def peakmem_sweep_summary(self, postures, engine):
        _sweep(self.loads, True, engine=engine)


class SweepSummaryThreads:
    """The same 10^6-posture summary sweep on 1 thread and on every core, per engine."""

    params = ([1, None], ["numba", "numpy"])
    param_names = ["threads", "engine"]
    timeout = 120

    def setup(self, threads, engine):
        self.loads = _loads(1_000_000)
        _sweep(self.loads[:1], True, engine=engine)

    def time_sweep_summary_threads(self, threads, engine):
        _sweep(self.loads, True, threads=threads, engine=engine)


class KernelFirstCall:
    """A first kernel sweep in a fresh interpreter with an empty numba cache (compilation)
    and with a filled one (cache load)."""

    params = (["empty", "filled"],)
    param_names = ["cache"]
    timeout = 180
    number = 1
    repeat = 1

    def setup(self, cache):
        import tempfile

        self.dir = tempfile.TemporaryDirectory()
        if cache == "filled":
            self._first_sweep()

    def teardown(self, cache):
        self.dir.cleanup()

    def _first_sweep(self):
        import os
        import subprocess
        import sys

        code = (
            "import numpy as np, biomech; biomech.sweep(biomech.HipThrust, load_kg=[0.0, 1.0],"
            " n=11, summary=True, engine='numba')"
        )
        env = {**os.environ, "NUMBA_CACHE_DIR": self.dir.name}
        subprocess.run([sys.executable, "-c", code], check=True, env=env)

    def time_first_kernel_sweep(self, cache):
        self._first_sweep()


class SweepFull:
    """Full (non-summary) sweep: every curve kept as a labelled dataset (memory grows)."""

    params = ([10_000, 100_000],)
    param_names = ["postures"]
    timeout = 120

    def setup(self, postures):
        self.loads = _loads(postures)

    def time_sweep_full(self, postures):
        _sweep(self.loads, False)

    def peakmem_sweep_full(self, postures):
        _sweep(self.loads, False)
