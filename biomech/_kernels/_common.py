"""What the exercise kernels share: the input table, the two-link arm, the statics.

Every kernel's constants vector starts with ``g`` and the segments' centre-of-mass fractions
(:func:`constants`); its set-up table with :data:`BODY_COLUMNS`.
"""

from __future__ import annotations

import math

import numba
import numpy as np

from ..conventions import SEGMENTS
from ..exercises._base import BodyGeometry

__all__ = [
    "BODY_COLUMNS",
    "BODY_INPUT",
    "arm_two_link",
    "body_columns",
    "body_input",
    "centres_of_mass",
    "constants",
    "cosine_rule",
    "statics",
    "table",
]

#: Every kernel function: compiled once and cached on disk, releasing the GIL (the sweep runs
#: chunks on threads), IEEE arithmetic (no fastmath: the results must equal numpy's).
jit = numba.njit(cache=True, nogil=True, fastmath=False)
#: The per-posture helpers are also inlined into their callers at numba's level.
inline = numba.njit(cache=True, nogil=True, fastmath=False, inline="always")

#: Per-set-up columns every kernel reads first (lengths in m, masses in kg).
BODY_COLUMNS = (
    "shank",
    "thigh",
    "trunk",
    "upper_arm",
    "forearm",
    "grip",
    "hand",
    "ankle_height",
    "head_com_above_shoulder",
    "heel_x",
    "toe_x",
    *(f"mass_{s}" for s in SEGMENTS),
    "load_kg",
)
(L_S, L_TH, L_T, L_UA, L_FA, L_GRIP, L_HAND, ANKLE_Y, HEAD, HEEL_X, TOE_X, MASS) = range(12)
LOAD = MASS + len(SEGMENTS)
#: Per-body columns a compiled set-up builder reads: those of :data:`BODY_COLUMNS` but the
#: load, then foot length and stature (m).
BODY_INPUT = (*BODY_COLUMNS[:LOAD], "foot", "height")
FOOT, HEIGHT_IN = LOAD, LOAD + 1
G, COM, EXTRA = 0, 1, 1 + len(SEGMENTS)  # constants: g, fractions, the exercise's own


def constants(body, g: float, *extra: float) -> np.ndarray:
    """``g``, the centre-of-mass fractions of ``body``'s segments, then ``extra``."""
    fraction = body.table.com_fraction
    return np.array([g, *(fraction[seg] for seg in SEGMENTS), *extra], dtype=float)


def body_input(body) -> np.ndarray:
    """The :data:`BODY_INPUT` table of ``body``: one row per body (one for a single body),
    each column as :class:`biomech.exercises._base.BodyGeometry` scales it."""
    length = {seg: body.segment_length(seg) for seg in ("shank", "thigh", "trunk", "foot")}
    upper_arm, forearm = body.segment_length("upper_arm"), body.segment_length("forearm")
    hand, heel = body.segment_length("hand"), body.heel_to_ankle_m
    values = [
        length["shank"],
        length["thigh"],
        length["trunk"],
        upper_arm,
        forearm,
        body.table.grip_fraction * np.asarray(hand),
        hand,
        body.ankle_height_m,
        body.head_com_above_shoulder_m,
        -heel,
        length["foot"] - heel,
        *(body.segment_mass(seg) for seg in SEGMENTS),
        length["foot"],
        body.height_m,
    ]
    assert len(values) == len(BODY_INPUT)
    if not body.shape:
        return np.array([values], dtype=float)
    return np.stack(np.broadcast_arrays(*values), axis=-1).reshape(-1, len(BODY_INPUT))


def body_columns(geo: BodyGeometry, body, load_kg) -> dict[str, np.ndarray]:
    """The :data:`BODY_COLUMNS` of a chunk (unbroadcast), shaped as ``geo``'s lengths."""
    rows = body_input(body)
    columns = {name: rows[:, k].reshape(geo.shank.shape) for k, name in enumerate(BODY_INPUT)}
    del columns["foot"], columns["height"]
    columns["load_kg"] = np.asarray(load_kg, dtype=float)
    assert tuple(columns) == BODY_COLUMNS
    return columns


def table(columns: dict[str, np.ndarray], names: tuple[str, ...]) -> np.ndarray:
    """The (set-ups, columns) input of a kernel: every column broadcast to the set-ups."""
    assert tuple(columns) == names
    shape = np.broadcast_shapes(*(np.shape(v) for v in columns.values()))
    rows = int(np.prod(shape[:-1], dtype=int)) if len(shape) > 1 else 1
    out = np.empty((rows, len(names)))
    for k, v in enumerate(columns.values()):
        out[:, k] = np.broadcast_to(v, shape).reshape(rows)
    return out


@inline
def cosine_rule(adjacent1, adjacent2, opposite):
    """Cosine and sine of a triangle's angle between two sides, from the three side lengths
    (``law_of_cosines_angle``: the cosine clipped to [-1, 1]; the angle is in [0, pi])."""
    c = (adjacent1 * adjacent1 + adjacent2 * adjacent2 - opposite * opposite) / (
        2.0 * adjacent1 * adjacent2
    )
    c = min(max(c, -1.0), 1.0)
    return c, math.sqrt(1.0 - c * c)


@inline
def arm_two_link(shx, shy, bx, by, row):
    """Elbow (x, y), forearm direction (x) and wrist (x) of an arm reaching from the shoulder
    to the bar, elbow counter-clockwise of the shoulder->bar line (``arm_points``)."""
    vx, vy = bx - shx, by - shy
    vn = math.sqrt(vx * vx + vy * vy)
    l_ua, l_fa = row[L_UA], row[L_FA]
    c, s = cosine_rule(l_ua, vn, l_fa + row[L_GRIP])
    ex, ey = vx / vn, vy / vn
    elx = shx + l_ua * (ex * c - ey * s)
    ely = shy + l_ua * (ey * c + ex * s)
    wx, wy = bx - elx, by - ely
    fx = wx / math.sqrt(wx * wx + wy * wy)
    return elx, ely, fx, elx + l_fa * fx


@inline
def centres_of_mass(row, const, kx, hx, shx, x_head, elx, wrx, x_hand):
    """x of the segments' centres of mass in the order of SEGMENTS (``assemble``), the ankle
    at x = 0; the head's and the hand's are the exercise's."""
    heel, toe = row[HEEL_X], row[TOE_X]
    return (
        heel + const[COM] * (toe - heel),
        kx + const[COM + 1] * (0.0 - kx),
        hx + const[COM + 2] * (kx - hx),
        shx + const[COM + 3] * (hx - shx),
        x_head,
        shx + const[COM + 5] * (elx - shx),
        elx + const[COM + 6] * (wrx - elx),
        x_hand,
    )


@inline
def statics(row, const, x_com, kx, ky, hx, hy, bar_x, bench, cx, cy, cop, dirx, diry):
    """Net moments (knee, hip) and hip decomposition of one posture under the segment weights
    (centres of mass ``x_com`` in the order of SEGMENTS), the bar at ``bar_x`` and, with a
    ``bench``, the bench reaction along ``(dirx, diry)`` at ``(cx, cy)`` with the feet pressing
    at ``cop`` (without a bench, ``cop`` is solved from equilibrium). As
    :func:`biomech.statics.summary_statics`.

    Returns ``knee, hip`` and the decomposition: contributions of bar, ground, bench (0
    without), their moment arms, then the weights above and below the hip.
    """
    g = const[G]
    w0, w1, w2 = g * row[MASS], g * row[MASS + 1], g * row[MASS + 2]
    w3, w4, w5 = g * row[MASS + 3], g * row[MASS + 4], g * row[MASS + 5]
    w6, w7 = g * row[MASS + 6], g * row[MASS + 7]
    w_bar = g * row[LOAD]
    W3 = w3 + w4 + w5 + w6 + w7 + w_bar
    X1, X2 = w1 * x_com[1], w2 * x_com[2]
    X3 = (
        w3 * x_com[3] + w4 * x_com[4] + w5 * x_com[5] + w6 * x_com[6] + w7 * x_com[7]
    ) + w_bar * bar_x
    w_total = w0 + w1 + w2 + W3
    x_total = w0 * x_com[0] + X1 + X2 + X3
    if bench:  # B = b u, from moments about the centre of pressure
        b = (x_total - cop * w_total) / ((cx - cop) * diry - cy * dirx)
        bx, by = b * dirx, b * diry
    else:
        cop = x_total / w_total
        bx = by = 0.0
    s_knee = -((X2 + X3) - kx * (w2 + W3)) + (cx - kx) * by - (cy - ky) * bx
    s_hip = -(X3 - hx * W3) + (cx - hx) * by - (cy - hy) * bx
    # hip decomposition (solve_pose): loads above the hip with the hip's sign (-1), below +1
    gx, gy = -bx, w_total - by  # ground reaction
    c_ground = (cop - hx) * gy + hy * gx
    above = (
        (x_com[3] - hx) * w3
        + (x_com[4] - hx) * w4
        + (x_com[5] - hx) * w5
        + (x_com[6] - hx) * w6
        + (x_com[7] - hx) * w7
    )
    below = -((x_com[0] - hx) * w0 + (x_com[1] - hx) * w1 + (x_com[2] - hx) * w2)
    return (
        s_knee,
        -s_hip,
        (bar_x - hx) * w_bar,
        c_ground,
        -((cx - hx) * by - (cy - hy) * bx) if bench else 0.0,
        abs(bar_x - hx),
        abs(c_ground) / math.sqrt(gx * gx + gy * gy),
        abs((cx - hx) * diry - (cy - hy) * dirx) if bench else 0.0,
        above,
        below,
        cop,
    )
