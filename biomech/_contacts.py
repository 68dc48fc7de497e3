"""What the contacts can give: a reaction that needs more friction than a contact has, or that
would pull, is refused (or, for an idealised bench reaction, warned about).

The same check reads a rep held still (:func:`biomech.simulate`, per posture) and a summary
sweep (the rep's extremes, :class:`biomech.model.reduce.RepSummary`), whichever engine
computed them.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._validation import InfeasibleSetupError, warn

__all__ = ["check_bench"]

#: Relative slack on a friction coefficient: the least squeeze puts a force exactly on its
#: cone, to rounding.
SLACK = 1e-9


def check_bench(exercise: Any, ground, bench, bench_normal, where) -> None:
    """Refuse (``bench_reaction="least_squeeze"``) or warn about (the idealisations) reactions
    of a hip thrust outside the friction cones of ``exercise``: ``ground`` and ``bench`` are the
    friction coefficients the floor and the bench need, ``bench_normal`` the bench's push along
    the back's normal (N), per posture or their extremes over each rep; ``where(index)`` says
    where a value is (an index into the flattened arrays).

    Examples
    --------
    >>> import biomech
    >>> check_bench(biomech.HipThrust(), np.array([0.2]), np.array([0.7]), np.array([500.0]),
    ...             lambda i: "at phase 0.00")
    Traceback (most recent call last):
    ...
    biomech._validation.InfeasibleSetupError: hip_thrust: the back would slip on the bench at ...
    """
    checks = (
        (np.asarray(bench), exercise.bench_friction, "the back would slip on the bench", "bench"),
        (np.asarray(ground), exercise.floor_friction, "the feet would slip on the floor", "floor"),
    )
    least = exercise.bench_reaction == "least_squeeze"
    for needed, available, what, name in checks:
        excess = needed - np.asarray(available) * (1.0 + SLACK) - SLACK
        if np.any(excess > 0.0):
            i = int(np.argmax(excess.reshape(-1)))
            value = float(needed.reshape(-1)[i])
            mu = float(np.broadcast_to(available, needed.shape).reshape(-1)[i])
            head = (
                f"{exercise.name}: {what} {where(i)}: it needs a friction coefficient of "
                f"{value:.3f}, above `{name}_friction` = {mu:g}."
            )
            if least:
                msg = (
                    f"{head} No squeeze between back and feet keeps both the bench's and the "
                    "floor's push inside their friction cones there. Raise `bench_friction` or "
                    "`floor_friction`, or make the back less upright at the bottom (a lower "
                    "`bench_height_m`, or the feet further from the bench: `feet_distance_m`)."
                )
                raise InfeasibleSetupError(msg)
            warn(
                f"{head} `bench_reaction` = {exercise.bench_reaction!r} is an idealisation "
                "that this contact cannot give; the default 'least_squeeze' keeps every "
                "reaction inside its friction cone."
            )
    pulls = np.asarray(bench_normal) < 0.0
    if np.any(pulls):
        i = int(np.argmax(pulls.reshape(-1)))
        msg = f"{exercise.name}: the bench would have to pull the back down {where(i)}"
        if least:  # pragma: no cover - the cones exclude it
            msg = f"{msg}."
            raise InfeasibleSetupError(msg)
        warn(f"{msg}; move the feet or the centre of pressure.")
