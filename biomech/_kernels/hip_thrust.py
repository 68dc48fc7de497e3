"""Hip thrust on the compiled kernel: the four-bar posture and its statics, one posture at a time.

The arithmetic is that of :meth:`biomech.HipThrust._pose` and
:func:`biomech.statics.summary_statics`, rewritten for one posture in real arithmetic.
Rotations are unit vectors rather than angles: the law of cosines gives the cosine of a
triangle's angle directly and its sine is ``sqrt(1 - c^2)`` (the angle is in
[0, pi]); the only transcendental calls per posture are one ``cos`` and one ``sin`` of half
the hip flexion. The tests hold the result equal to the numpy core to 1e-12.

One row of :data:`SETUP_COLUMNS` per set-up: the body's columns, then the set-up quantities
of ``HipThrust._setup``; the reductions over the rep are in ``_summary``.
"""

from __future__ import annotations

import math

import numpy as np

from ..exercises._base import BodyGeometry
from ._common import (
    ANKLE_Y,
    BODY_COLUMNS,
    COM,
    EXTRA,
    HEAD,
    L_HAND,
    L_S,
    L_T,
    L_TH,
    arm_two_link,
    body_columns,
    centres_of_mass,
    constants,
    cosine_rule,
    inline,
    jit,
    statics,
    table,
)

__all__ = ["SETUP_COLUMNS", "bottom", "flexion", "posture", "setup_table"]

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


def setup_table(ex, body, g: float) -> tuple[np.ndarray, np.ndarray]:
    """The kernel's set-up table and constants for a hip-thrust set-up ``ex`` whose fields are
    scalars or arrays of shape (set-ups, 1), for a body of shape (set-ups,) or ().

    Validation is the exercise's: ``_setup`` and ``_check`` run in numpy first and raise the
    same ValueError as the numpy engine.
    """
    geo = BodyGeometry.of(body)
    s = ex._setup(geo)
    ex._check(geo, s)
    heel = -geo.heel_to_ankle
    cop = 0.0 * geo.foot if ex.cop_fraction is None else heel + ex.cop_fraction * geo.foot
    columns = {
        **body_columns(geo, body, ex.load_kg),
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
    }
    normal = 1.0 if ex.bench_reaction == "normal" else 0.0
    return table(columns, SETUP_COLUMNS), constants(geo, g, normal)
