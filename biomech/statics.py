"""Quasi-static equilibrium: reactions, net joint moments, moment arms (the cranky core).

Every load is a force ``F`` (complex, N) applied at a point ``r`` (complex, m) on the part of
the body at chain level ``level`` (0 foot, 1 shank, 2 thigh, 3 everything above the hip; see
:mod:`biomech.conventions`). Loads are stacked along the last axis; every other axis broadcasts.

Equations (planar, counter-clockwise positive, ``r x F = r_x F_y - r_y F_x``):

* whole body: ``sum F = 0`` and ``sum r x F = 0`` over all loads, reactions included;
* the moment of the loads above joint ``j`` about the joint centre ``r_j`` is
  ``S_j = sum_{level > level_j} (r - r_j) x F``, and the net internal moment, signed
  anatomically, is ``M_j = SIGN_j * S_j`` (``SIGN`` = -1 ankle, +1 knee, -1 hip);
* the moment arm of a force about the hip is the perpendicular distance from the hip centre to
  its line of action, ``|(r - r_hip) x u|`` with ``u`` the unit direction of the force.

Examples
--------
A 10 kg horizontal rod of length 1 m held at one end needs m g L / 2 at that end:

>>> import numpy as np
>>> r = np.array([0.5 + 0j])           # centre of mass of the rod, 0.5 m from the joint
>>> F = np.array([-10 * 9.80665j])     # its weight
>>> float(moment_about(r, F, 0j))      # CCW moment of the weight about the joint, N m
-49.03325
"""

from __future__ import annotations

import numpy as np

from .kinematics import cross

__all__ = [
    "floor_and_bench_reactions",
    "floor_reaction",
    "moment_about",
    "moment_arm",
    "net_joint_moments",
]


def moment_about(r, F, point):
    """Counter-clockwise moment of forces ``F`` at ``r`` about ``point``, summed over the last
    axis (N m).

    Examples
    --------
    >>> float(moment_about(np.array([1 + 0j, -1 + 0j]), np.array([-10j, -10j]), 0j))
    0.0
    """
    return np.sum(cross(r - np.asarray(point)[..., None], F), axis=-1)


def floor_reaction(r, F):
    """Ground reaction balancing loads ``F`` at ``r`` when the floor is the only support.

    Returns ``(G, cop_x)``: the force on the feet (complex, N) and the x of the centre of
    pressure on the floor (m), from ``sum F + G = 0`` and ``sum r x F + cop x G = 0`` with the
    centre of pressure at height 0.

    Examples
    --------
    Two weights, 600 N at x = 0 and 200 N at x = 0.4 m: the floor pushes up 800 N at x = 0.1 m.

    >>> G, cop = floor_reaction(np.array([0j + 1.0j, 0.4 + 1.0j]), np.array([-600j, -200j]))
    >>> float(G.real) + 0.0, float(G.imag), round(float(cop), 12)
    (0.0, 800.0, 0.1)
    """
    G = -np.sum(F, axis=-1)
    cop_x = -np.sum(cross(r, F), axis=-1) / G.imag
    return G, cop_x


def floor_and_bench_reactions(r, F, bench_point, bench_direction, cop_x):
    """Ground and bench reactions when the centre of pressure and the bench force's direction
    are given (the two assumptions that make the hip thrust statically determinate).

    With ``B = b u`` at ``bench_point`` and ``G`` at ``(cop_x, 0)``, moments about the centre of
    pressure give ``b = -sum (r - cop) x F / ((bench_point - cop) x u)``, then
    ``G = -sum F - B``.

    Returns ``(G, B)``, complex, N.

    Examples
    --------
    A 1000 N load 0.25 m in front of a bench edge at x = -0.5, feet pressing at x = 0.5: the
    bench takes three quarters, the floor one quarter (lever rule).

    >>> G, B = floor_and_bench_reactions(np.array([-0.25 + 0.5j]), np.array([-1000j]),
    ...                                  -0.5 + 0.4j, 1j, 0.5)
    >>> round(complex(B).imag, 9), round(complex(G).imag, 9)
    (750.0, 250.0)
    """
    cop = cop_x + 0j
    b = -moment_about(r, F, cop) / cross(bench_point - cop, bench_direction)
    B = b * bench_direction
    G = -np.sum(F, axis=-1) - B
    return G, B


def net_joint_moments(r, F, level, joint_point, joint_level, sign):
    """Net internal joint moments from the loads above each joint.

    Parameters
    ----------
    r, F : complex ndarray, shape (..., I)
        Load points and forces (reactions included).
    level : int ndarray, shape (I,)
        Chain level of the body part each load acts on.
    joint_point : complex ndarray, shape (..., J)
        Joint centres.
    joint_level : int ndarray, shape (J,)
        A load is above joint ``j`` when ``level > joint_level[j]``.
    sign : ndarray, shape (J,)
        Anatomical sign of each joint (see :data:`biomech.conventions.MOMENT_SIGN`).

    Returns
    -------
    ndarray, shape (..., J)
        Net internal moments, N m, anatomical sign.

    Examples
    --------
    A 100 N weight 0.3 m in front of a joint at the origin, on the body part above it (level 1
    above a joint at level 0); with the hip's sign (-1) the internal moment is extension +30:

    >>> float(net_joint_moments(np.array([0.3 + 1j]), np.array([-100j]), np.array([1]),
    ...                         np.array([0j]), np.array([0]), np.array([-1.0]))[0])
    30.0
    """
    above = (np.asarray(level)[None, :] > np.asarray(joint_level)[:, None]).astype(float)
    s_origin = np.einsum("...i,ji->...j", cross(r, F), above)
    f_above = np.einsum("...i,ji->...j", F, above)
    s_joint = s_origin - cross(joint_point, f_above)
    return np.asarray(sign) * s_joint


def moment_arm(r, direction, point):
    """Perpendicular distance (m) from ``point`` to the line through ``r`` along ``direction``.

    Examples
    --------
    >>> float(moment_arm(0.3 + 1j, -1j, 0j))  # a vertical line 0.3 m in front of the point
    0.3
    """
    u = direction / np.abs(direction)
    return np.abs(cross(r - point, u))
