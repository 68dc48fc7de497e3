"""Exercise set-ups: one file per exercise, each a frozen dataclass mapping phase to posture."""

from .deadlift import Deadlift
from .hip_thrust import HipThrust
from .squat import Squat

__all__ = ["Deadlift", "HipThrust", "Squat"]
