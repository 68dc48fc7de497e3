"""Fused hip-thrust summary kernel: four-bar posture, statics, hip decomposition, reductions.

The arithmetic is that of :meth:`biomech.HipThrust._pose`, :func:`biomech.statics.solve_pose`
and the summary of :mod:`biomech.sweep`, rewritten for one posture at a time in real
arithmetic. Rotations are unit vectors rather than angles: the law of cosines gives the
cosine of a triangle's angle directly and its sine is ``sqrt(1 - c^2)`` (the angle is in
[0, pi]); the only transcendental calls per posture are one ``cos`` and one ``sin`` of half
the hip flexion. The tests hold the result equal to the numpy core to 1e-12.

Layout: one row of :data:`SETUP_COLUMNS` per set-up (lengths, the set-up quantities of
``HipThrust._setup``, the load and the segment masses), a vector of :data:`CONSTANTS` shared
by the chunk, and one row of ``out`` per set-up in the column order of
:data:`biomech.sweep.SUMMARY_VARIABLES` (force variables expanded over bar, ground, bench).
"""

from __future__ import annotations

import math

import numba
import numpy as np

from ..conventions import SEGMENTS
from ..exercises._base import BodyGeometry

__all__ = ["CONSTANTS", "FORCES", "SETUP_COLUMNS", "summarize"]

#: External forces, in the order of :func:`biomech.statics.solve_pose`.
FORCES = ("bar", "ground", "bench")

SETUP_COLUMNS = (
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
    "load_kg",
    *(f"mass_{s}" for s in SEGMENTS),
)
CONSTANTS = ("g", "bench_normal", *(f"com_{s}" for s in SEGMENTS))

_C = {name: i for i, name in enumerate(SETUP_COLUMNS)}
_K = {name: i for i, name in enumerate(CONSTANTS)}
L_S, L_TH, L_T = _C["shank"], _C["thigh"], _C["trunk"]
L_UA, L_FA, L_GRIP, L_HAND = _C["upper_arm"], _C["forearm"], _C["grip"], _C["hand"]
ANKLE_Y, HEAD = _C["ankle_height"], _C["head_com_above_shoulder"]
HEEL_X, TOE_X, CX, CY = _C["heel_x"], _C["toe_x"], _C["contact_x"], _C["contact_y"]
R_C, COS_GAMMA, SIN_GAMMA = _C["r_c"], _C["cos_gamma_c"], _C["sin_gamma_c"]
AC, BAR_OFF = _C["ankle_to_contact"], _C["bar_offset"]
PHI_LOCK, PHI_HI, PLATE_R = _C["phi_lock"], _C["phi_hi"], _C["plate_radius"]
COP_X, LOAD, MASS = _C["cop_x"], _C["load_kg"], _C["mass_foot"]
G, NORMAL, COM = _K["g"], _K["bench_normal"], _K["com_foot"]
N_OUT = 11 + 3 * len(FORCES) + 2
BISECTION_STEPS = 50  # as HipThrust._bottom


@numba.njit(cache=True, nogil=True, fastmath=False)
def _chain(phi, row):
    """Knee, hip, unit trunk axis and bar of the four-bar chain at hip flexion ``phi``
    (``HipThrust._chain``), as real coordinates."""
    return _chain_half(math.cos(0.5 * phi), math.sin(0.5 * phi), row)


@numba.njit(cache=True, nogil=True, fastmath=False)
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
    c = (ls * ls + acn * acn - qn * qn) / (2.0 * ls * acn)
    c = min(max(c, -1.0), 1.0)
    s = math.sqrt(1.0 - c * c)
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


@numba.njit(cache=True, nogil=True, fastmath=False)
def _bottom(row, target):
    """Hip flexion at which the bar centre is at plate radius (``HipThrust._bottom``).

    The bracket halves in angle and, alongside, in direction: the half-angle unit vector of
    the midpoint is the normalized sum of those of the ends (the ends are less than 90 deg
    apart), so the steps need no trigonometry."""
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


@numba.njit(cache=True, nogil=True, fastmath=False)
def _posture_statics(phi, row, const, dec):
    """Net moments (ankle, knee, hip) of one posture; writes the hip decomposition to ``dec``:
    contributions of bar, ground, bench, their moment arms, then the weights above and below
    the hip."""
    g = const[G]
    kx, ky, hx, hy, trx, try_, bx_, by_ = _chain(phi, row)
    shx, shy = hx + row[L_T] * trx, hy + row[L_T] * try_
    # arm: two-link from the shoulder to the bar, elbow counter-clockwise (arm_points)
    vx, vy = bx_ - shx, by_ - shy
    vn = math.sqrt(vx * vx + vy * vy)
    l_ua, l_fa, l_grip = row[L_UA], row[L_FA], row[L_GRIP]
    distal = l_fa + l_grip
    c = (l_ua * l_ua + vn * vn - distal * distal) / (2.0 * l_ua * vn)
    c = min(max(c, -1.0), 1.0)
    s = math.sqrt(1.0 - c * c)
    ex, ey = vx / vn, vy / vn
    elx = shx + l_ua * (ex * c - ey * s)
    ely = shy + l_ua * (ey * c + ex * s)
    wx, wy = bx_ - elx, by_ - ely
    fx = wx / math.sqrt(wx * wx + wy * wy)  # forearm direction, x
    wrx = elx + l_fa * fx
    # centres of mass (x), in the order of SEGMENTS, and the chain-level weights
    heel, toe = row[HEEL_X], row[TOE_X]
    x_foot = heel + const[COM] * (toe - heel)
    x_shank = kx + const[COM + 1] * (0.0 - kx)
    x_thigh = hx + const[COM + 2] * (kx - hx)
    x_trunk = shx + const[COM + 3] * (hx - shx)
    x_head = shx + row[HEAD] * trx
    x_ua = shx + const[COM + 5] * (elx - shx)
    x_fa = elx + const[COM + 6] * (wrx - elx)
    x_hand = wrx + const[COM + 7] * row[L_HAND] * fx
    w0, w1, w2 = g * row[MASS], g * row[MASS + 1], g * row[MASS + 2]
    w3, w4, w5 = g * row[MASS + 3], g * row[MASS + 4], g * row[MASS + 5]
    w6, w7 = g * row[MASS + 6], g * row[MASS + 7]
    w_bar = g * row[LOAD]
    W3 = w3 + w4 + w5 + w6 + w7 + w_bar
    X0, X1, X2 = w0 * x_foot, w1 * x_shank, w2 * x_thigh
    X3 = w3 * x_trunk + w4 * x_head + w5 * x_ua + w6 * x_fa + w7 * x_hand + w_bar * bx_
    w_total = w0 + w1 + w2 + W3
    x_total = X0 + X1 + X2 + X3
    # bench reaction B = b u at the contact, feet pressing at cop (floor_and_bench_reactions)
    cx, cy, cop = row[CX], row[CY], row[COP_X]
    if const[NORMAL] > 0.5:  # anterior normal of the trunk: -i exp(i theta_trunk)
        dirx, diry = try_, -trx
    else:
        dirx, diry = 0.0, 1.0
    b = (x_total - cop * w_total) / ((cx - cop) * diry - cy * dirx)
    bx, by = b * dirx, b * diry
    ankle_y = row[ANKLE_Y]
    s_ankle = -(X1 + X2 + X3) + cx * by - (cy - ankle_y) * bx
    s_knee = -((X2 + X3) - kx * (w2 + W3)) + (cx - kx) * by - (cy - ky) * bx
    s_hip = -(X3 - hx * W3) + (cx - hx) * by - (cy - hy) * bx
    # hip decomposition (solve_pose): loads above the hip with the hip's sign (-1), below +1
    gx, gy = -bx, w_total - by  # ground reaction
    dec[0] = (bx_ - hx) * w_bar
    dec[1] = (cop - hx) * gy + hy * gx
    dec[2] = -((cx - hx) * by - (cy - hy) * bx)
    dec[3] = abs(bx_ - hx)
    dec[4] = abs(dec[1]) / math.sqrt(gx * gx + gy * gy)
    dec[5] = abs((cx - hx) * diry - (cy - hy) * dirx)
    dec[6] = (
        (x_trunk - hx) * w3
        + (x_head - hx) * w4
        + (x_ua - hx) * w5
        + (x_fa - hx) * w6
        + (x_hand - hx) * w7
    )
    dec[7] = -((x_foot - hx) * w0 + (x_shank - hx) * w1 + (x_thigh - hx) * w2)
    return -s_ankle, s_knee, -s_hip


@numba.njit(cache=True, nogil=True, fastmath=False)
def _wrap(angle):
    """Radians -> degrees in (-180, 180] (as ``sweep._summarize``)."""
    return np.rad2deg(np.mod(angle + np.pi, 2.0 * np.pi) - np.pi)


@numba.njit(cache=True, nogil=True, fastmath=False)
def kernel(setup, const, phase, out):  # pragma: no cover - compiled; tested through sweep
    """Summaries of every set-up (rows of ``setup``) into the rows of ``out``."""
    n = phase.size
    nf = 3
    dec = np.empty(8)
    at_peak = np.empty(8)
    mean = np.empty(nf)
    prev = np.empty(nf + 2)
    for i in range(setup.shape[0]):
        row = setup[i]
        phi_lock = row[PHI_LOCK]
        phi_b = _bottom(row, row[PLATE_R])
        best_hip, best_knee = -np.inf, -np.inf
        i_hip, i_knee = 0, 0
        mean_hip = mean_knee = 0.0
        mean[:] = 0.0
        hip = knee = 0.0
        for j in range(n):
            phi = phi_b + (phi_lock - phi_b) * phase[j]
            _, knee, hip = _posture_statics(phi, row, const, dec)
            if j == 0 or hip > best_hip:
                best_hip, i_hip = hip, j
                at_peak[:] = dec
            if j == 0 or knee > best_knee:
                best_knee, i_knee = knee, j
            if j > 0:
                d = phase[j] - phase[j - 1]
                mean_hip += d * (hip + prev[0]) / 2.0
                mean_knee += d * (knee + prev[1]) / 2.0
                for k in range(nf):
                    mean[k] += d * (dec[k] + prev[2 + k]) / 2.0
            prev[0], prev[1] = hip, knee
            for k in range(nf):
                prev[2 + k] = dec[k]
        # hip flexion at the peak, from the segment angles as the pose reports them
        phi = phi_b + (phi_lock - phi_b) * phase[i_hip]
        kx, ky, hx, hy, trx, try_, _, _ = _chain(phi, row)
        flexion = math.atan2(hy - ky, hx - kx) - math.atan2(row[L_T] * try_, row[L_T] * trx)
        cop = row[COP_X]
        o = out[i]
        o[0] = best_hip
        o[1] = phase[i_hip]
        o[2] = _wrap(flexion)
        o[3] = hip
        o[4] = hip / best_hip
        o[5] = mean_hip
        o[6] = best_knee
        o[7] = phase[i_knee]
        o[8] = knee
        o[9] = mean_knee
        o[10] = 1.0 if (cop < row[HEEL_X] - 1e-12 or cop > row[TOE_X] + 1e-12) else 0.0
        for k in range(nf):
            o[11 + k] = mean[k]
            o[11 + nf + k] = at_peak[k]
            o[11 + 2 * nf + k] = at_peak[nf + k]
        o[11 + 3 * nf] = at_peak[6]
        o[12 + 3 * nf] = at_peak[7]


def summarize(ex, body, phase: np.ndarray, g: float) -> np.ndarray:
    """Summary rows (set-ups, :data:`N_OUT`) of a hip-thrust set-up ``ex`` whose fields are
    scalars or arrays of shape (set-ups, 1), for a body of shape (set-ups,) or ().

    Validation is the exercise's: ``_setup`` and ``_check`` run in numpy first and raise the
    same ValueError as the numpy engine.
    """
    geo = BodyGeometry.of(body)
    s = ex._setup(geo)
    ex._check(geo, s)
    shape = np.broadcast_shapes(
        geo.shank.shape, np.shape(s["phi_hi"]), np.shape(ex.load_kg), np.shape(s["contact"])
    )
    heel = -geo.heel_to_ankle
    cop = 0.0 * geo.foot if ex.cop_fraction is None else heel + ex.cop_fraction * geo.foot
    columns = {
        "shank": geo.shank,
        "thigh": geo.thigh,
        "trunk": geo.trunk,
        "upper_arm": geo.upper_arm,
        "forearm": geo.forearm,
        "grip": geo.grip,
        "hand": geo.hand,
        "ankle_height": geo.ankle_height,
        "head_com_above_shoulder": geo.head_com_above_shoulder,
        "heel_x": heel,
        "toe_x": geo.foot - geo.heel_to_ankle,
        "contact_x": np.real(s["contact"]),
        "contact_y": np.imag(s["contact"]),
        "r_c": s["r_c"],
        "cos_gamma_c": np.cos(s["gamma_c"]),
        "sin_gamma_c": np.sin(s["gamma_c"]),
        "ankle_to_contact": s["ankle_to_contact"],
        "bar_offset": s["bar_offset"],
        "phi_lock": s["phi_lock"],
        "phi_hi": s["phi_hi"],
        "plate_radius": 0.5 * np.asarray(ex.plate_diameter_m, dtype=float),
        "cop_x": cop,
        "load_kg": np.asarray(ex.load_kg, dtype=float),
    }
    for seg in SEGMENTS:
        mass = np.asarray(body.segment_mass(seg), dtype=float)
        columns[f"mass_{seg}"] = mass.reshape(mass.shape + (1,) * (len(shape) - mass.ndim))
    assert tuple(columns) == SETUP_COLUMNS
    rows = int(np.prod(shape[:-1], dtype=int)) if shape else 1
    setup = np.empty((rows, len(SETUP_COLUMNS)))
    for k, v in enumerate(columns.values()):
        setup[:, k] = np.broadcast_to(v, shape).reshape(rows)
    const = np.array(
        [
            g,
            1.0 if ex.bench_reaction == "normal" else 0.0,
            *(geo.com_fraction[seg] for seg in SEGMENTS),
        ]
    )
    out = np.empty((rows, N_OUT))
    kernel(setup, const, np.ascontiguousarray(phase, dtype=float), out)
    return out
