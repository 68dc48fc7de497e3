"""Planar chain geometry in closed form (the cranky core: radians, SI, no validation).

Points in the sagittal plane are complex numbers ``x + 1j*y``: a rotation by ``theta`` is a
multiplication by ``exp(1j*theta)``, and every function broadcasts over leading dimensions.

Examples
--------
Reach a point with a two-link arm (lengths 1 and 1, target at distance sqrt(2)):

>>> import numpy as np
>>> theta1 = two_link_first_angle(0j, 1 + 1j, 1.0, 1.0, side=1.0)
>>> elbow = polar(1.0, theta1)
>>> bool(np.isclose(abs((1 + 1j) - elbow), 1.0))
True
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "angle",
    "cross",
    "law_of_cosines_angle",
    "point_over_x",
    "polar",
    "to_xy",
    "two_link_first_angle",
]


def polar(r: np.ndarray | float, theta: np.ndarray | float) -> np.ndarray:
    """The point ``r * (cos theta, sin theta)`` as a complex number.

    Examples
    --------
    >>> polar(2.0, np.pi / 2).round(12)
    np.complex128(2j)
    """
    return np.asarray(r) * np.exp(1j * np.asarray(theta))


def angle(z: np.ndarray | complex) -> np.ndarray:
    """Direction of the vector ``z`` in radians, counter-clockwise from ``+x``, in (-pi, pi].

    Examples
    --------
    >>> float(angle(-1 + 0j))
    3.141592653589793
    """
    return np.angle(z)


def cross(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """z-component of the cross product of planar vectors ``a`` and ``b`` (complex).

    ``cross(r, F)`` is the counter-clockwise moment of force ``F`` applied at ``r`` about the
    origin.

    Examples
    --------
    >>> float(cross(1 + 0j, 0 - 10j))  # 10 N down at 1 m: 10 N m clockwise
    -10.0
    """
    return (np.conj(a) * b).imag


def law_of_cosines_angle(adjacent1, adjacent2, opposite):
    """Angle between two sides of a triangle (radians) from the three side lengths.

    The cosine is clipped to [-1, 1] so that a triangle closed within rounding does not give
    NaN; callers check real feasibility before calling.

    Examples
    --------
    >>> round(float(law_of_cosines_angle(3.0, 4.0, 5.0)), 12) == round(np.pi / 2, 12)
    True
    """
    c = (np.square(adjacent1) + np.square(adjacent2) - np.square(opposite)) / (
        2.0 * adjacent1 * adjacent2
    )
    return np.arccos(np.clip(c, -1.0, 1.0))


def two_link_first_angle(base, target, l1, l2, side):
    """Direction of the first link of a two-link chain from ``base`` reaching ``target``.

    ``side = +1`` puts the middle joint counter-clockwise from the base->target line,
    ``side = -1`` clockwise. Out-of-reach targets give the straight chain pointing at the
    target (the caller checks reach).

    Examples
    --------
    Unit links reaching (1, 1): the middle joint is at (0, 1) (counter-clockwise side) or
    (1, 0) (clockwise side).

    >>> np.round(polar(1.0, two_link_first_angle(0j, 1 + 1j, 1.0, 1.0, 1.0)), 12)
    np.complex128(1j)
    >>> np.round(polar(1.0, two_link_first_angle(0j, 1 + 1j, 1.0, 1.0, -1.0)), 12)
    np.complex128(1+0j)
    """
    d = np.abs(target - base)
    beta = law_of_cosines_angle(l1, d, l2)
    return angle(target - base) + side * beta


def point_over_x(origin, x_target, radius, offset):
    """Rotation of a rigid link about ``origin`` that puts a point on it above ``x_target``.

    The point lies at ``radius`` from ``origin`` at angle ``offset`` from the link axis.
    Returns the link angle ``theta`` with ``Re(origin + radius*exp(1j*(theta + offset)))
    == x_target`` and the point above the origin (``theta + offset`` in [0, pi]).

    Examples
    --------
    A 1 m link from the origin whose end must be above x = 0.5: 60 deg.

    >>> round(float(np.degrees(point_over_x(0j, 0.5, 1.0, 0.0))), 9)
    60.0
    """
    c = (x_target - np.real(origin)) / radius
    return np.arccos(np.clip(c, -1.0, 1.0)) - offset


def to_xy(z: np.ndarray) -> np.ndarray:
    """Complex points -> float array with a trailing axis of length 2 (x, y).

    Examples
    --------
    >>> to_xy(np.array([1 + 2j, 3 - 4j]))
    array([[ 1.,  2.],
           [ 3., -4.]])
    """
    z = np.asarray(z)
    return np.stack([z.real, z.imag], axis=-1)
