"""asv benchmarks of :func:`biomech.sweep` (chunked, threaded; summary and full modes).

Sizes are postures = set-ups x ``n``: a grid of loads x 99 bench heights, ``n = 101``. The
throughput against other engines is measured by ``benchmarks/peers.py``, not here.
"""

import warnings

import numpy as np

import biomech

N_PHASE = 101
BENCH = np.linspace(0.38, 0.48, 99)  # m: every height valid for the default body


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
    """Hip-thrust summary sweep over loads x bench heights (10^4 to 10^6 postures)."""

    params = ([10_000, 100_000, 1_000_000],)
    param_names = ["postures"]
    timeout = 120

    def setup(self, postures):
        self.loads = _loads(postures)

    def time_sweep_summary(self, postures):
        _sweep(self.loads, True)

    def peakmem_sweep_summary(self, postures):
        _sweep(self.loads, True)


class SweepSummaryThreads:
    """The same 10^6-posture summary sweep on 1 thread and on every core."""

    params = ([1, None],)
    param_names = ["threads"]
    timeout = 120

    def setup(self, threads):
        self.loads = _loads(1_000_000)

    def time_sweep_summary_threads(self, threads):
        _sweep(self.loads, True, threads=threads)


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
