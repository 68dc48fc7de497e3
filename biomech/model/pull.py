"""Conventional deadlift: the bar rises on a vertical line from the floor, hanging from the
shoulders (arms straight and vertical), against the front of the legs.

The rep is parameterized by the bar's height, from the floor (the plates' radius, ``p = 0``)
to the lockout (``p = 1``), easing into the lockout (:func:`pull_posture`). The shank's
inclination follows from the legs' outline (:mod:`.surfaces`): while the bar is below the
knee the shin touches it (or leans less, if the caller caps it), so the knees come back as
the bar rises and let it pass the patella; above the knee the shank comes back to vertical
smoothly (:func:`shank_angle`), the bar in front of the thigh. Thigh and trunk then reach
from the knee to the shoulders above the bar by two-link inverse kinematics, the hip
behind.

Lockout stands stacked: knee and hip straight and over the ankle (shank and thigh
vertical), the trunk leaning forward just enough to hold the shoulders over the bar, which
sits over midfoot or, if the thigh is deeper than that, against the thigh.
"""

from typing import Any, NamedTuple

import numpy as np

from ._engine import inline, kernel, select
from .geometry import chain, cosine_rule
from .rows import midfoot_x, reach
from .surfaces import BAR_RADIUS_M, depths


class Pull(NamedTuple):
    """A deadlift set-up, as the postures read it (m, rad, kg)."""

    #: the bar's vertical line, its height at the start and at lockout
    bar_x: Any
    start_y: Any
    lockout_y: Any
    #: the caller's cap on the shank's inclination (+inf: none)
    alpha_cap: Any
    #: the shank's inclination, the bar's height and the inclination's rate with height
    #: (rad/m) when the bar passes the knee
    alpha_pass: Any
    pass_y: Any
    pass_rate: Any
    pass_curvature: Any
    pass_third: Any
    load_kg: Any


@inline
def _shin_terms(b, bar_x, bar_y):
    """The bar's contact with the shin as ``A cos a - B sin a = C`` (see
    :func:`shin_contact_angle`): ``(A, B, C, c)``."""
    ankle, knee, _ = depths(b)
    dy = bar_y - b.ankle_height
    c = (knee - ankle) / b.shank
    return bar_x - c * dy, dy + c * bar_x, ankle + BAR_RADIUS_M + 0.0 * dy, c


@inline
def shin_contact_angle(b, bar_x, bar_y):
    """Forward shank inclination (rad) at which the front of the shank touches the bar at
    ``(bar_x, bar_y)``, and its rate with the bar's height (rad/m).

    The shank's front lies ``r(s) = r_a + (r_k - r_a) s / L`` in front of its axis at ``s``
    along it from the ankle (continued past the knee, whose circle of radius ``r_k`` it
    contains to 0.1 mm); the bar, at ``(x, y)`` from the ankle, touches it where
    ``x cos a - y sin a = r(x sin a + y cos a) + r_bar``, i.e.
    ``(x - c y) cos a - (y + c x) sin a = r_a + r_bar`` with ``c = (r_k - r_a) / L``, one
    cosine in ``a``. Differentiating ``F(a, y) = A cos a - B sin a - C`` (``A' = -c``,
    ``B' = 1``) gives the rate ``a' = -F_y / F_a`` and the curvature
    ``a'' = -N / F_a`` with ``N = 2 F_ya a' + F_aa a'^2`` (``F_yy = 0``, ``F_aa = -C`` on
    the contact), and the third derivative ``a3 = -(N' + a'' F_a') / F_a`` with
    ``N' = 2 (c cos a + sin a) a'^2 + 2 (F_ya - C a') a''`` and ``F_a' = F_ya - C a'``:
    ``(a, a', a'', a3)``.
    """
    big_a, big_b, rhs, c = _shin_terms(b, bar_x, bar_y)
    q = rhs / np.sqrt(big_a * big_a + big_b * big_b)
    alpha = np.arccos(np.minimum(np.maximum(q, -1.0), 1.0)) - np.arctan2(big_b, big_a)
    sn, cs = np.sin(alpha), np.cos(alpha)
    f_a = -(big_a * sn + big_b * cs)
    f_ya = c * sn - cs
    rate = (c * cs + sn) / f_a
    curvature = -(2.0 * f_ya * rate - rhs * rate * rate) / f_a
    f_a_y = f_ya - rhs * rate
    n_y = 2.0 * (c * cs + sn) * rate * rate + 2.0 * f_a_y * curvature
    third = -(n_y + curvature * f_a_y) / f_a
    return alpha, rate, curvature, third


@inline
def lockout_height(b, bar_x):
    """The bar's height at a stacked lockout (shank and thigh vertical, the shoulders over
    the bar ``bar_x`` in front of the hip, arms hanging)."""
    x = np.minimum(bar_x, b.trunk)
    return b.ankle_height + b.shank + b.thigh + np.sqrt(b.trunk * b.trunk - x * x) - reach(b)


@kernel
def pull_setup(b, load_kg, shank_angle_deg, plate_diameter):
    """The :class:`Pull` of a deadlift: the start at half the plate diameter (m), the
    shank's inclination capped at ``shank_angle_deg`` (NaN: no cap, the shin on the bar).

    The bar's line is midfoot, or the front of the thigh at a stacked lockout if that lies
    further forward (the thigh's outline is evaluated where the bar over midfoot would be).
    The bar passes the knee where it touches the shin's outline at the knee, ``r_k + r_bar``
    in front of the knee's centre along the shank's normal:
    ``L sin a + (r_k + r_bar) cos a = x``."""
    _, knee, thigh = depths(b)
    mid = midfoot_x(b)
    along = (lockout_height(b, mid) - b.ankle_height - b.shank) / b.thigh
    along = np.minimum(np.maximum(along, 0.0), 1.0)
    bar_x = np.maximum(mid, knee + along * (thigh - knee) + BAR_RADIUS_M)
    cap = select(np.isnan(shank_angle_deg), np.inf, np.deg2rad(shank_angle_deg))
    rho = knee + BAR_RADIUS_M
    q = bar_x / np.sqrt(b.shank * b.shank + rho * rho)
    contact = np.arcsin(np.minimum(np.maximum(q, -1.0), 1.0)) - np.arctan2(rho, b.shank)
    alpha_pass = np.minimum(contact, cap)
    pass_y = b.ankle_height + b.shank * np.cos(alpha_pass) - rho * np.sin(alpha_pass)
    _, rate, curvature, third = shin_contact_angle(b, bar_x, pass_y)
    bent = contact > cap  # the capped shank leaves the shin before the knee: level there
    return Pull(
        bar_x,
        0.5 * plate_diameter + 0.0 * bar_x,
        lockout_height(b, bar_x),
        cap + 0.0 * bar_x,
        alpha_pass,
        pass_y,
        select(bent, 0.0, rate),
        select(bent, 0.0, curvature),
        select(bent, 0.0, third),
        load_kg + 0.0 * bar_x,
    )


@inline
def shank_angle(b, s, bar_y):
    """The shank's forward inclination (rad) with the bar at ``bar_y``: on the shin below
    the knee (at most the cap), then back to vertical at lockout along the degree-7
    Hermite polynomial that leaves the knee with the contact's angle and its first three
    derivatives in height and arrives with all four zero, so that the shank's velocity,
    acceleration and jerk are continuous: ``a h0 + a' R h1 + a'' R^2 h2 + a3 R^3 h3``,
    ``R`` the rise from the knee to the lockout, ``u`` the fraction of it,
    ``w = (1 - u)^4``, ``h0 = w (1 + 4u + 10u^2 + 20u^3)``, ``h1 = w u (1 + 4u + 10u^2)``,
    ``h2 = w u^2 (1 + 4u) / 2``, ``h3 = w u^3 / 6``."""
    below, _, _, _ = shin_contact_angle(b, s.bar_x, bar_y)
    rise = np.maximum(s.lockout_y - s.pass_y, 1e-9)
    u = np.minimum(np.maximum((bar_y - s.pass_y) / rise, 0.0), 1.0)
    v = (1.0 - u) * (1.0 - u)
    w = v * v
    h0 = w * (1.0 + u * (4.0 + u * (10.0 + 20.0 * u)))
    h1 = w * u * (1.0 + u * (4.0 + 10.0 * u))
    h2 = 0.5 * w * u * u * (1.0 + 4.0 * u)
    h3 = w * u * u * u / 6.0
    above = s.alpha_pass * h0 + rise * (
        s.pass_rate * h1 + rise * (s.pass_curvature * h2 + rise * s.pass_third * h3)
    )
    return select(bar_y < s.pass_y, np.minimum(below, s.alpha_cap), above)


@inline
def pull_posture(b, s, phase):
    """The deadlift's :class:`~.geometry.Chain` at ``phase`` and its reach ratio (the
    knee-to-shoulder distance over thigh plus trunk: beyond 1 the bar is out of reach).

    The bar's height eases into the lockout, ``y = y_lock - (y_lock - y_start)(1 - p)^2``:
    near a stacked lockout the bar rises as the square of the hip's remaining extension, so
    this keeps the hip's angle about linear in phase there (a bar height linear in phase
    would leave a third of the hip's extension to the last tenth of the rep)."""
    rest = 1.0 - phase
    bar_y = s.lockout_y - (s.lockout_y - s.start_y) * rest * rest
    alpha = shank_angle(b, s, bar_y)
    knee_x = b.shank * np.sin(alpha)
    knee_y = b.ankle_height + b.shank * np.cos(alpha)
    bar_x = s.bar_x + 0.0 * bar_y
    shoulder_x, shoulder_y = bar_x, bar_y + reach(b)
    dx, dy = shoulder_x - knee_x, shoulder_y - knee_y
    d = np.sqrt(dx * dx + dy * dy)
    c, _ = cosine_rule(b.thigh, d, b.trunk)
    theta_thigh = np.arctan2(dy, dx) + np.arccos(c)
    hip_x = knee_x + b.thigh * np.cos(theta_thigh)
    hip_y = knee_y + b.thigh * np.sin(theta_thigh)
    trunk_x, trunk_y = (shoulder_x - hip_x) / b.trunk, (shoulder_y - hip_y) / b.trunk
    # straight and vertical (the two-link solution at full reach, without its rounding)
    zero = 0.0 * bar_y
    arm = (shoulder_x, shoulder_y - b.upper_arm, zero, zero - 1.0, zero + 1.0)
    c = chain(b, knee_x, knee_y, hip_x, hip_y, trunk_x, trunk_y, bar_x, bar_y, arm)
    return c, d / (b.thigh + b.trunk)


@inline
def pull_from_table(r):
    """The :class:`Pull` of one row ``r`` of a table whose columns are its fields."""
    return Pull(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9])
