"""How much memory a call will take, estimated before it allocates, against a budget.

A result holds every sample of every variable, so its size is known from the arguments alone:
the number of postures times the bytes each takes. The figures below are the largest peaks
measured with :mod:`tracemalloc` (``tests/test_robustness.py`` holds the estimate between the
result's size and six times it), rounded up: results are about 0.8 kB per posture held still
and 1.3 kB lifted to a tempo, and building them peaks at up to 2.8 kB and 5.3 kB (the hip
thrust's bisection for its bottom posture, the dynamics' five-point stencil).
"""

from __future__ import annotations

from typing import Any

from ._validation import check_real

__all__ = [
    "DEFAULT_MEMORY_LIMIT_GB",
    "check_budget",
    "memory_limit",
    "simulate_bytes",
    "summary_sweep_bytes",
]

#: Memory a call may take unless the caller says otherwise (``memory_limit_gb=``), GB (1e9
#: bytes): a quarter of a 16 GB machine.
DEFAULT_MEMORY_LIMIT_GB = 4.0

#: Peak bytes per posture of a quasi-static result, and of one lifted to a tempo.
BYTES_PER_POSTURE = 3000.0
BYTES_PER_LIFTED_POSTURE = 6000.0
#: Bytes per set-up of a summary sweep's output: about 180 measured, and up to 200 more for the
#: compiled kernel's stacked block and the grid's indices.
BYTES_PER_SUMMARY_SETUP = 400.0


def memory_limit(value: Any) -> float:
    """The budget in bytes for ``memory_limit_gb`` (``None``: the default)."""
    if value is None:
        return DEFAULT_MEMORY_LIMIT_GB * 1e9
    gb = check_real(
        "memory_limit_gb",
        value,
        low=0.0,
        low_inclusive=False,
        expected="a memory budget in GB > 0 (or None for the default, 4 GB)",
        scalar=True,
    )
    return float(gb) * 1e9


def simulate_bytes(exercise: Any, samples: int, *, bodies: int, lifted: bool) -> float:
    """Estimated peak bytes of a result of ``samples`` postures for each of ``bodies``."""
    per = BYTES_PER_LIFTED_POSTURE if lifted else BYTES_PER_POSTURE
    return float(samples) * float(bodies) * per


def summary_sweep_bytes(setups: int, chunk_postures: int, workers: int, *, kernel: bool) -> float:
    """Estimated peak bytes of a summary sweep: its output and, on the numpy engine, the
    chunks in flight (the compiled kernel holds no per-posture arrays)."""
    in_flight = 0.0 if kernel else workers * chunk_postures * BYTES_PER_POSTURE
    return setups * BYTES_PER_SUMMARY_SETUP + in_flight


def check_budget(estimate: float, limit: float, cause: str, advice: str) -> None:
    """Refuse a call estimated to need more than ``limit`` bytes.

    ``cause`` names the arguments that make it large (``"`n` = 100000000"``), ``advice`` says
    how to make it smaller.
    """
    if estimate > limit:
        msg = (
            f"{cause} would need about {estimate / 1e9:.3g} GB of memory; a call must fit the "
            f"memory budget, {limit / 1e9:.3g} GB. {advice} Or raise the budget with "
            "`memory_limit_gb=`."
        )
        raise ValueError(msg)
