"""A lazily evaluated sweep on a local dask.distributed cluster equals the in-memory one."""

import numpy as np
import pytest

import biomech

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")

KW = {
    "load_kg": np.linspace(0, 200, 9),
    "bench_height_m": [0.36, 0.39, 0.42],
    "n": 41,
    "summary": True,
}


def test_chunks_give_a_lazy_dask_dataset():
    lazy = biomech.sweep(biomech.HipThrust, chunks=5, **KW)
    assert lazy["peak_hip_moment"].chunks is not None  # nothing computed yet
    eager = biomech.sweep(biomech.HipThrust, **KW)
    computed = lazy.compute(scheduler="threads")
    for name in eager.data_vars:
        np.testing.assert_array_equal(computed[name], eager[name])


def test_distributed_cluster_equals_in_memory():
    """Two worker processes (the closure is pickled and shipped), categorical parameters
    mixed inside a chunk, a population body."""
    pop = biomech.Body.from_height_mass(
        height_m=np.array([1.6, 1.9]), mass_kg=np.array([60.0, 95.0])
    )
    kw = {
        "body": pop,
        "bar_position": ["high", "low"],
        "depth_deg": [-10.0, 0.0, 10.0],
        "n": 31,
        "summary": True,
    }
    eager = biomech.sweep(biomech.Squat, **kw)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        lazy = biomech.sweep(biomech.Squat, chunks=4, **kw)
        computed = client.compute(lazy).result()
    for name in eager.data_vars:
        np.testing.assert_array_equal(computed[name], eager[name])
    assert computed["peak_hip_moment"].dims == ("body", "bar_position", "depth_deg")


def test_chunks_need_summary_mode():
    with pytest.raises(ValueError, match="`chunks` needs `summary=True`"):
        biomech.sweep(biomech.Squat, load_kg=[60.0, 100.0], chunks=1)


def test_an_infeasible_set_up_raises_when_computed():
    lazy = biomech.sweep(biomech.HipThrust, bench_height_m=[0.45, 1.45], summary=True, chunks=1)
    with pytest.raises(ValueError, match="too high for these legs"):
        lazy.compute(scheduler="synchronous")
