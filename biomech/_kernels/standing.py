"""Squat and deadlift on the compiled kernel: the standing chain and its statics, one posture
at a time.

The arithmetic is that of ``standing_chain``, :meth:`biomech.Squat._pose`,
:meth:`biomech.Deadlift._pose` and :func:`biomech.statics.summary_statics`: shank inclination
and knee flexion linear in phase, the trunk angle from the point-over-midfoot constraint (its
cosine directly, its sine ``sqrt(1 - c^2)``), the arms projected (squat) or hanging (deadlift),
the floor the only support.
"""

from __future__ import annotations

import math

import numpy as np

from ..exercises._base import BodyGeometry
from ..exercises.squat import ELBOW_PLACEMENT
from ._common import (
    ANKLE_Y,
    BODY_COLUMNS,
    COM,
    EXTRA,
    HEAD,
    L_FA,
    L_GRIP,
    L_HAND,
    L_S,
    L_T,
    L_TH,
    arm_two_link,
    body_columns,
    centres_of_mass,
    constants,
    jit,
    statics,
    table,
)

__all__ = ["DEADLIFT", "SETUP_COLUMNS", "SQUAT", "posture", "setup_table"]

SQUAT, DEADLIFT = 1, 2  # the ``lift`` argument of the kernels

SETUP_COLUMNS = (
    *BODY_COLUMNS,
    "midfoot_x",
    "height",
    "reach",
    "radius",
    "cos_offset",
    "sin_offset",
    "alpha_b",
    "alpha_l",
    "kappa_b",
)
_C = {name: i for i, name in enumerate(SETUP_COLUMNS)}
MIDFOOT, HEIGHT, REACH = _C["midfoot_x"], _C["height"], _C["reach"]
RADIUS, COS_OFF, SIN_OFF = _C["radius"], _C["cos_offset"], _C["sin_offset"]
ALPHA_B, ALPHA_L, KAPPA_B = _C["alpha_b"], _C["alpha_l"], _C["kappa_b"]
ELBOW_BELOW, ELBOW_BEHIND = EXTRA, EXTRA + 1  # constants: squat elbow placement


@jit
def posture(lift, p, row, const):
    """Net moments (knee, hip), hip decomposition and centre of pressure at phase ``p`` (see
    ``_common.statics``), then the hip-to-midfoot reach ratio and the hip flexion (rad,
    wrapped), which ``check_path`` limits."""
    alpha = row[ALPHA_B] + (row[ALPHA_L] - row[ALPHA_B]) * p
    kappa = row[KAPPA_B] * (1.0 - p)
    theta_shank = 0.5 * np.pi - alpha
    kx = row[L_S] * math.cos(theta_shank)
    ky = row[ANKLE_Y] + row[L_S] * math.sin(theta_shank)
    tx, ty = math.cos(theta_shank + kappa), math.sin(theta_shank + kappa)
    hx, hy = kx + row[L_TH] * tx, ky + row[L_TH] * ty
    radius = row[RADIUS]
    reach = (row[MIDFOOT] - hx) / radius
    c = min(max(reach, -1.0), 1.0)  # cos(theta_trunk + offset), point_over_x
    s = math.sqrt(1.0 - c * c)
    ux = c * row[COS_OFF] + s * row[SIN_OFF]  # exp(i theta_trunk)
    uy = s * row[COS_OFF] - c * row[SIN_OFF]
    flexion = math.atan2(ty * ux - tx * uy, tx * ux + ty * uy)
    shx, shy = hx + row[L_T] * ux, hy + row[L_T] * uy
    x_head = shx + row[HEAD] * ux
    if lift == SQUAT:
        bar_x = hx + radius * c
        bar_y = hy + radius * s
        # projected arm: elbow fixed to the trunk, wrist on the elbow->bar line
        height = row[HEIGHT]
        elx = shx + (ux * -const[ELBOW_BELOW] - uy * const[ELBOW_BEHIND]) * height
        distal = row[L_FA] + row[L_GRIP]
        fore_x = bar_x - elx
        wrx = elx + (row[L_FA] / distal) * fore_x
        x_hand = wrx + const[COM + 7] * row[L_HAND] * fore_x / distal
    else:  # the arms hang from the shoulders to the bar
        bar_x, bar_y = shx, shy - row[REACH]
        elx, _, fx, wrx = arm_two_link(shx, shy, bar_x, bar_y, row)
        x_hand = wrx + const[COM + 7] * row[L_HAND] * fx
    x_com = centres_of_mass(row, const, kx, hx, shx, x_head, elx, wrx, x_hand)
    r = statics(row, const, x_com, kx, ky, hx, hy, bar_x, False, 0.0, 0.0, 0.0, 0.0, 0.0)
    return (*r, reach, flexion)


def setup_table(ex, body, g: float) -> tuple[np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """The kernel's set-up table and constants for a squat or deadlift ``ex`` (fields scalars
    or arrays of shape (set-ups, 1)), and the exercise's set-up quantities (``_setup``, which
    validates what it can before the kernel runs)."""
    geo = BodyGeometry.of(body)
    s = ex._setup(geo)
    columns = {
        **body_columns(geo, body, ex.load_kg),
        "midfoot_x": geo.midfoot_x,
        "height": geo.height,
        "reach": geo.reach,
        "radius": s["radius"],
        "cos_offset": np.cos(s["offset"]),
        "sin_offset": np.sin(s["offset"]),
        "alpha_b": s["alpha_b"],
        "alpha_l": s["alpha_l"],
        "kappa_b": s["kappa_b"],
    }
    return table(columns, SETUP_COLUMNS), constants(body, g, *ELBOW_PLACEMENT), s
