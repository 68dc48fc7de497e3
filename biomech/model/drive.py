"""The compiled engine's loops: every posture of every set-up of a chunk, reduced as it goes.

Used through ``biomech.model.compiled.drive`` only (numpy evaluates the same functions on
whole arrays instead). Each loop reads a set-up's row, evaluates its postures one at a time
into a small buffer (:func:`.evaluate.store`), reduces the buffer (:func:`.reduce.summary`) and
writes the summary into the set-up's row of ``out``.
"""

import numpy as np

from . import hip_thrust
from ._engine import kernel
from .evaluate import hip_thrust_values, standing_values, store
from .reduce import PostureValues, summary, write
from .rows import body_from_table

#: Values per posture (:class:`.reduce.PostureValues`).
N_VALUES = 17


@kernel
def _reduce(buffer, phase, b):
    v = PostureValues(buffer[0], buffer[1], buffer[2], buffer[3], buffer[4], buffer[5],
                      buffer[6], buffer[7], buffer[8], buffer[9], buffer[10], buffer[11],
                      buffer[12], buffer[13], buffer[14], buffer[15],
                      buffer[16])  # fmt: skip
    return summary(phase, v, b.heel_x, b.toe_x)


@kernel
def hip_thrust_block(bodies, setups, phase, g, out):  # pragma: no cover - compiled
    """Summaries of hip-thrust set-ups (rows of ``setups``, :class:`.hip_thrust.Setup`) for
    the bodies ``bodies`` (one row each, or one for all) into the rows of ``out``: each
    set-up's rep (its ends found by :func:`.hip_thrust.setup`)."""
    buffer = np.empty((N_VALUES, phase.size))
    for i in range(setups.shape[0]):
        b = body_from_table(bodies[0 if bodies.shape[0] == 1 else i])
        s = hip_thrust.setup_from_table(setups[i])
        for j in range(phase.size):
            store(buffer, j, hip_thrust_values(b, s, phase[j], g))
        write(out[i], _reduce(buffer, phase, b))


@kernel
def standing_block(bodies, setups, phase, g, lift, out):  # pragma: no cover - compiled
    """Summaries of squat or deadlift set-ups (rows of ``setups``: :class:`.standing.Setup`
    or :class:`.pull.Pull`, ``lift`` :data:`.evaluate.SQUAT` or :data:`.evaluate.DEADLIFT`)
    into the rows of ``out`` (see :func:`hip_thrust_block`)."""
    buffer = np.empty((N_VALUES, phase.size))
    for i in range(setups.shape[0]):
        b = body_from_table(bodies[0 if bodies.shape[0] == 1 else i])
        for j in range(phase.size):
            store(buffer, j, standing_values(b, setups[i], phase[j], g, lift))
        write(out[i], _reduce(buffer, phase, b))
