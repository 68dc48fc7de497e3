"""Hip thrust on the compiled kernel: the four-bar posture and its statics, one posture at a time.

The arithmetic is that of :meth:`biomech.HipThrust._pose` and
:func:`biomech.statics.summary_statics`, rewritten for one posture in real arithmetic.
Rotations are unit vectors rather than angles: the law of cosines gives the cosine of a
triangle's angle directly and its sine is ``sqrt(1 - c^2)`` (the angle is in
[0, pi]); the only transcendental calls per posture are one ``cos`` and one ``sin`` of half
the hip flexion. The tests hold the result equal to the numpy core to 1e-12.

One row of :data:`SETUP_COLUMNS` per set-up: the body's columns, then the set-up quantities
of ``HipThrust._setup``, which :func:`fill_row` computes in the kernel from a row of the
body's (``_common.BODY_INPUT``) and of the exercise's fields (:data:`PARAMS`); the
reductions over the rep are in ``_summary``.
"""

from __future__ import annotations

import math

import numpy as np

from ..exercises._base import MAX_HIP_FLEXION_DEG
from ..exercises.hip_thrust import OFFSET_FRACTION
from ._common import (
    ANKLE_Y,
    BODY_COLUMNS,
    COM,
    EXTRA,
    FOOT,
    HEAD,
    HEEL_X,
    HEIGHT_IN,
    L_HAND,
    L_S,
    L_T,
    L_TH,
    LOAD,
    arm_two_link,
    body_input,
    centres_of_mass,
    constants,
    cosine_rule,
    inline,
    jit,
    statics,
)

__all__ = [
    "PARAMS",
    "SETUP_COLUMNS",
    "bottom",
    "fill",
    "fill_row",
    "flexion",
    "inputs",
    "params",
    "posture",
]

#: External forces, in the order of :func:`biomech.statics.solve_pose`.
FORCES = ("bar", "ground", "bench")

SETUP_COLUMNS = (
    *BODY_COLUMNS,
    "contact_x",
    "contact_y",
    "r_c",
    "cos_gamma_c",
    "sin_gamma_c",
    "ankle_to_contact",
    "bar_offset",
    "phi_lock",
    "phi_hi",
    "plate_radius",
    "cop_x",
)

N_COLUMNS = len(SETUP_COLUMNS)
_C = {name: i for i, name in enumerate(SETUP_COLUMNS)}
CX, CY, R_C = _C["contact_x"], _C["contact_y"], _C["r_c"]
COS_GAMMA, SIN_GAMMA = _C["cos_gamma_c"], _C["sin_gamma_c"]
AC, BAR_OFF = _C["ankle_to_contact"], _C["bar_offset"]
PHI_LOCK, PHI_HI, PLATE_R = _C["phi_lock"], _C["phi_hi"], _C["plate_radius"]
COP_X = _C["cop_x"]
NORMAL = EXTRA  # constants: 1.0 for a bench reaction normal to the trunk, else vertical
BISECTION_STEPS = 50  # as HipThrust._bottom


@jit
def _chain(phi, row):
    """Knee, hip, unit trunk axis and bar of the four-bar chain at hip flexion ``phi``
    (``HipThrust._chain``), as real coordinates."""
    return _chain_half(math.cos(0.5 * phi), math.sin(0.5 * phi), row)


@jit
def _chain_half(ch, sh, row):
    """:func:`_chain` given the cosine and sine of half the hip flexion."""
    ls, lth = row[L_S], row[L_TH]
    ankle_y = row[ANKLE_Y]
    cx, cy = row[CX], row[CY]
    rc = row[R_C]
    # exp(-i phi/2) = ch - i sh
    ex, ey = ch * ch - sh * sh, -2.0 * ch * sh  # exp(-i phi)
    egx, egy = row[COS_GAMMA], row[SIN_GAMMA]
    # q = L_th + r_c exp(-i (phi - gamma_c))
    qx = lth + rc * (ex * egx - ey * egy)
    qy = rc * (ex * egy + ey * egx)
    qn = math.sqrt(qx * qx + qy * qy)
    acx, acy = cx, cy - ankle_y  # ankle -> contact (the ankle is at x = 0)
    acn = row[AC]
    c, s = cosine_rule(ls, acn, qn)
    # shank direction: the ankle->contact direction turned clockwise by beta
    ux, uy = acx / acn, acy / acn
    kx = ls * (ux * c + uy * s)
    ky = ankle_y + ls * (uy * c - ux * s)
    # thigh direction: (contact - knee) / |.| times conj(q / |q|)
    dx, dy = cx - kx, cy - ky
    dq = math.sqrt(dx * dx + dy * dy) * qn
    tx, ty = (dx * qx + dy * qy) / dq, (dy * qx - dx * qy) / dq
    hx, hy = kx + lth * tx, ky + lth * ty
    # trunk = thigh turned by -phi; crease bisector = thigh turned by -phi/2
    trx, try_ = tx * ex - ty * ey, tx * ey + ty * ex
    mx, my = tx * ch + ty * sh, ty * ch - tx * sh
    off = row[BAR_OFF]
    return kx, ky, hx, hy, trx, try_, hx + off * my, hy - off * mx


@jit
def bottom(row):
    """Hip flexion at which the bar centre is at plate radius (``HipThrust._bottom``).

    The bracket halves in angle and, alongside, in direction: the half-angle unit vector of
    the midpoint is the normalized sum of those of the ends (the ends are less than 90 deg
    apart), so the steps need no trigonometry."""
    target = row[PLATE_R]
    lo, hi = row[PHI_LOCK], row[PHI_HI]
    clo, slo = math.cos(0.5 * lo), math.sin(0.5 * lo)
    chi, shi = math.cos(0.5 * hi), math.sin(0.5 * hi)
    for _ in range(BISECTION_STEPS):
        mid = 0.5 * (lo + hi)
        cm, sm = clo + chi, slo + shi
        norm = math.sqrt(cm * cm + sm * sm)
        cm, sm = cm / norm, sm / norm
        if _chain_half(cm, sm, row)[7] > target:
            lo, clo, slo = mid, cm, sm
        else:
            hi, chi, shi = mid, cm, sm
    return 0.5 * (lo + hi)


@inline
def posture(phi, row, const):
    """Net moments (knee, hip), hip decomposition and centre of pressure of the posture at
    hip flexion ``phi`` (see ``_common.statics``), then 0 (no reach limit) and NaN (the hip
    flexion at the peak comes from :func:`flexion`)."""
    kx, ky, hx, hy, trx, try_, bar_x, bar_y = _chain(phi, row)
    shx, shy = hx + row[L_T] * trx, hy + row[L_T] * try_
    elx, _, fx, wrx = arm_two_link(shx, shy, bar_x, bar_y, row)
    x_hand = wrx + const[COM + 7] * row[L_HAND] * fx
    x_com = centres_of_mass(row, const, kx, hx, shx, shx + row[HEAD] * trx, elx, wrx, x_hand)
    if const[NORMAL] > 0.5:  # anterior normal of the trunk: -i exp(i theta_trunk)
        dirx, diry = try_, -trx
    else:
        dirx, diry = 0.0, 1.0
    r = statics(
        row, const, x_com, kx, ky, hx, hy, bar_x, True, row[CX], row[CY], row[COP_X], dirx, diry
    )
    return (*r, 0.0, np.nan)


@jit
def flexion(phi, row):
    """Hip flexion (rad, unwrapped) from the segment angles as the pose reports them."""
    kx, ky, hx, hy, trx, try_, _, _ = _chain(phi, row)
    return math.atan2(hy - ky, hx - kx) - math.atan2(row[L_T] * try_, row[L_T] * trx)


#: Fields of the exercise a set-up row is built from (:func:`params`; NaN stands for None).
PARAMS = (
    "load_kg",
    "bench_height_m",
    "feet_distance_m",
    "cop_fraction",
    "plate_diameter_m",
    "hyperextension_deg",
    "bench_contact_fraction",
    "back_offset_m",
    "bar_offset_m",
)
(P_LOAD, P_BENCH, P_FEET, P_COP, P_PLATE, P_HYPER, P_CONTACT, P_BACK, P_BAR) = range(len(PARAMS))
#: Set-ups within this distance (m, or in the lockout rise ratio) of a limit of
#: ``HipThrust._check`` are flagged too, so that the numpy check decides them: the compiled
#: arithmetic differs from numpy's by rounding.
CHECK_MARGIN = 1e-9


def params(ex) -> np.ndarray:
    """The :data:`PARAMS` of set-ups ``ex`` (fields scalars or arrays of shape (set-ups, 1))
    as a (set-ups, params) table, one row if no field is an array."""
    values = [getattr(ex, name) for name in PARAMS]
    arrays = {k: v.reshape(-1) for k, v in enumerate(values) if isinstance(v, np.ndarray)}
    scalars = [np.nan if v is None or k in arrays else v for k, v in enumerate(values)]
    rows = max((v.size for v in arrays.values()), default=1)
    out = np.repeat(np.array([scalars], dtype=float), rows, axis=0)
    for k, v in arrays.items():
        out[:, k] = v
    return out


@inline
def fill_row(b, p, row, margin):
    """The set-up row ``row`` (:data:`SETUP_COLUMNS`) of a body ``b`` (a row of
    ``_common.BODY_INPUT``) and exercise fields ``p`` (:data:`PARAMS`): the arithmetic of
    ``HipThrust._setup``, in real numbers. Returns whether the set-up fails a test of
    ``HipThrust._check``, or comes within ``margin`` (m, or of the lockout rise ratio) of
    failing one (``-inf``: no test fails)."""
    for k in range(LOAD):
        row[k] = b[k]
    row[LOAD] = p[P_LOAD]
    ls, lth, ankle_y = b[L_S], b[L_TH], b[ANKLE_Y]
    knee_height = ankle_y + ls
    bench = knee_height if math.isnan(p[P_BENCH]) else p[P_BENCH]
    back = OFFSET_FRACTION * b[HEIGHT_IN] if math.isnan(p[P_BACK]) else p[P_BACK]
    along = p[P_CONTACT] * b[L_T]
    r_c = math.hypot(along, back)
    gamma_c = math.atan2(back, along)
    phi_lock = -math.radians(p[P_HYPER])
    # |Q| at lockout, Q = L_th + r_c exp(-i (phi - gamma_c))
    q_lock = math.hypot(
        lth + r_c * math.cos(gamma_c - phi_lock), r_c * math.sin(gamma_c - phi_lock)
    )
    if math.isnan(p[P_FEET]):
        rise = bench - knee_height
        ratio = rise / q_lock
        x_c = -math.sqrt(max(q_lock * q_lock - rise * rise, 0.0))
    else:
        ratio = 0.0
        x_c = -p[P_FEET]
    ac = math.hypot(x_c, bench - ankle_y)
    d_min = abs(ac - ls)
    c_min = (d_min * d_min - lth * lth - r_c * r_c) / (2.0 * lth * r_c)
    phi_geo = math.acos(min(max(c_min, -1.0), 1.0)) + gamma_c
    row[CX], row[CY], row[R_C] = x_c, bench, r_c
    row[COS_GAMMA], row[SIN_GAMMA] = math.cos(gamma_c), math.sin(gamma_c)
    row[AC] = ac
    row[BAR_OFF] = OFFSET_FRACTION * b[HEIGHT_IN] if math.isnan(p[P_BAR]) else p[P_BAR]
    row[PHI_LOCK] = phi_lock
    row[PHI_HI] = min(phi_geo, math.radians(MAX_HIP_FLEXION_DEG)) - 1e-9
    row[PLATE_R] = 0.5 * p[P_PLATE]
    row[COP_X] = 0.0 if math.isnan(p[P_COP]) else b[HEEL_X] + p[P_COP] * b[FOOT]
    # the tests of HipThrust._check, in its order
    r_plate = row[PLATE_R]
    return (
        abs(ratio) > 1.0 - margin
        or b[HEEL_X] - x_c <= margin
        or q_lock < ac - ls + margin
        or lth + r_c > ac + ls - margin
        or _chain(phi_lock, row)[7] <= r_plate + margin
        or _chain(row[PHI_HI], row)[7] > r_plate - margin
    )


@jit
def fill(bodies, par, out, margin):
    """:func:`fill_row` for every row of ``out``; ``bodies`` and ``par`` have a row per row
    of ``out``, or one for all. Returns the flags."""
    flags = np.zeros(out.shape[0], dtype=np.bool_)
    for i in range(out.shape[0]):
        b = bodies[0 if bodies.shape[0] == 1 else i]
        p = par[0 if par.shape[0] == 1 else i]
        flags[i] = fill_row(b, p, out[i], margin)
    return flags


def inputs(ex, body, g: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """What the kernel builds the set-up rows of hip-thrust set-ups ``ex`` (fields scalars or
    arrays of shape (set-ups, 1)) from: the body's rows (``_common.BODY_INPUT``; one for a
    body of shape ()), the exercise's (:func:`params`) and the constants."""
    normal = 1.0 if ex.bench_reaction == "normal" else 0.0
    return body_input(body), params(ex), constants(body, g, normal)
