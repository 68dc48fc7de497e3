"""Conventional deadlift: the bar rises on a vertical line from the floor, hanging from the
shoulders (arms straight and vertical), against the front of the legs.

The rep is parameterized by the bar's height, linear in phase from the floor (the plates'
radius, ``p = 0``) to the lockout (``p = 1``). The shank's inclination follows from the
legs' outline (:mod:`.surfaces`): while the bar is below the knee the shin touches it (or
leans less, if the caller caps it), so the knees come back as the bar rises and let it pass
the patella; above the knee the shank comes back to vertical linearly with the bar's
height, the bar in front of the thigh. Thigh and trunk then reach from the knee to the
shoulders above the bar by two-link inverse kinematics, the hip behind.

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
    #: the shank's inclination and the bar's height when the bar passes the knee
    alpha_pass: Any
    pass_y: Any
    load_kg: Any


@inline
def shin_contact_angle(b, bar_x, bar_y):
    """Forward shank inclination (rad) at which the front of the shank (or of the knee, for
    a bar above the shank's side) touches the bar at ``(bar_x, bar_y)``.

    The shank's front lies ``r(s) = r_a + (r_k - r_a) s / L`` in front of its axis at ``s``
    along it from the ankle; the bar, at ``(x, y)`` from the ankle, touches it where
    ``x cos a - y sin a = r(x sin a + y cos a) + r_bar``, i.e.
    ``(x - c y) cos a - (y + c x) sin a = r_a + r_bar`` with ``c = (r_k - r_a) / L``, one
    cosine in ``a``. A bar beyond the shank's end touches the knee's circle:
    ``|bar - knee| = r_k + r_bar``.
    """
    ankle, knee, _ = depths(b)
    dy = bar_y - b.ankle_height
    c = (knee - ankle) / b.shank
    ax, ay = bar_x - c * dy, dy + c * bar_x
    q = (ankle + BAR_RADIUS_M) / np.sqrt(ax * ax + ay * ay)
    side = np.arccos(np.minimum(np.maximum(q, -1.0), 1.0)) - np.arctan2(ay, ax)
    along = bar_x * np.sin(side) + dy * np.cos(side)
    rho = knee + BAR_RADIUS_M
    r = np.sqrt(bar_x * bar_x + dy * dy)
    k = (r * r + b.shank * b.shank - rho * rho) / (2.0 * b.shank * r)
    cap = np.arctan2(bar_x, dy) - np.arccos(np.minimum(np.maximum(k, -1.0), 1.0))
    return select(along <= b.shank, side, cap)


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
    The bar passes the knee when it is level with the knee's centre, ``r_k + r_bar`` in
    front of it."""
    _, knee, thigh = depths(b)
    mid = midfoot_x(b)
    along = (lockout_height(b, mid) - b.ankle_height - b.shank) / b.thigh
    along = np.minimum(np.maximum(along, 0.0), 1.0)
    bar_x = np.maximum(mid, knee + along * (thigh - knee) + BAR_RADIUS_M)
    cap = select(np.isnan(shank_angle_deg), np.inf, np.deg2rad(shank_angle_deg))
    q = (bar_x - knee - BAR_RADIUS_M) / b.shank
    alpha_pass = np.minimum(np.arcsin(np.minimum(np.maximum(q, -1.0), 1.0)), cap)
    return Pull(
        bar_x,
        0.5 * plate_diameter + 0.0 * bar_x,
        lockout_height(b, bar_x),
        cap + 0.0 * bar_x,
        alpha_pass,
        b.ankle_height + b.shank * np.cos(alpha_pass),
        load_kg + 0.0 * bar_x,
    )


@inline
def shank_angle(b, s, bar_y):
    """The shank's forward inclination (rad) with the bar at ``bar_y``: on the shin below
    the knee (at most the cap), then back to vertical with height along a smoothstep
    ``alpha_pass (1 - 3u^2 + 2u^3)``, ``u`` the fraction of the rise from the knee to the
    lockout: level at both ends, as the contact angle is where the bar passes the front of
    the knee, so that the shank's motion has no corner."""
    below = np.minimum(shin_contact_angle(b, s.bar_x, bar_y), s.alpha_cap)
    rise = np.maximum(s.lockout_y - s.pass_y, 1e-9)
    u = np.minimum(np.maximum((bar_y - s.pass_y) / rise, 0.0), 1.0)
    above = s.alpha_pass * (1.0 - u * u * (3.0 - 2.0 * u))
    return select(bar_y < s.pass_y, below, above)


@inline
def pull_posture(b, s, phase):
    """The deadlift's :class:`~.geometry.Chain` at ``phase`` and its reach ratio (the
    knee-to-shoulder distance over thigh plus trunk: beyond 1 the bar is out of reach)."""
    bar_y = s.start_y + (s.lockout_y - s.start_y) * phase
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
    return Pull(r[0], r[1], r[2], r[3], r[4], r[5], r[6])
