"""biomech: planar rigid-body biomechanics of resistance exercises.

Build a body from height and mass, pick an exercise set-up, and get the posture, every force
and the net joint moments over the range of motion as a labelled :class:`xarray.Dataset`:

>>> import biomech
>>> ds = biomech.simulate(biomech.Squat(load_kg=100.0), biomech.Body.default(), n=11)
>>> sorted(ds["joint"].values.tolist())
['ankle', 'hip', 'knee']
"""

from ._validation import BiomechWarning, InfeasibleSetupError
from .anthropometry import Body, SegmentTable, de_leva_1996, winter_2009
from .conventions import JOINTS, SEGMENTS, STANDARD_GRAVITY
from .exercises import Deadlift, HipThrust, Squat
from .legs import per_leg
from .metrics import rep_metrics
from .simulate import simulate
from .summary import DEFAULT_LOAD_KG, compare_lifts, summarize
from .sweep import sweep
from .tempo import Tempo
from .trunk import TrunkParts, trunk_parts

__all__ = [
    # the lifter
    "Body",
    "SegmentTable",
    "de_leva_1996",
    "winter_2009",
    "TrunkParts",
    "trunk_parts",
    # exercises
    "Deadlift",
    "HipThrust",
    "Squat",
    # running the model
    "simulate",
    "summarize",
    "sweep",
    "Tempo",
    "rep_metrics",
    "compare_lifts",
    "per_leg",
    "DEFAULT_LOAD_KG",
    # conventions, warnings and errors
    "JOINTS",
    "SEGMENTS",
    "STANDARD_GRAVITY",
    "BiomechWarning",
    "InfeasibleSetupError",
]


def __getattr__(name: str):
    """Import heavy modules only when asked: ``biomech.plotting`` (matplotlib) and
    ``biomech.symbolic`` (sympy)."""
    if name in ("plotting", "symbolic"):
        import importlib

        return importlib.import_module(f".{name}", __name__)
    msg = f"module 'biomech' has no attribute {name!r}"
    raise AttributeError(msg)
