"""The front of the legs: how far the skin lies in front of the segment axes, and how far a
bar is from it.

The legs' sagittal outline is two tapered capsules around the joint-centre lines: the shank
from the ankle (radius ``ankle``) to the knee (``knee``), the thigh from the knee to the hip
(``thigh``). Each radius is a girth over 2 pi (a round cross-section centred on the axis),
as a fraction of stature, from the mean girths of 247 physically active men (Heinz et al.
2003, J Stat Educ 11(2), the "body dimensions" data): ankle girth about 23 cm, knee girth
(over the patella) about 37 cm, upper thigh girth (below the gluteal fold) about 56 cm, at
a mean stature of 1.78 m (rounded means, recalled; the published rows read agree, e.g. a
1.74 m man: ankle 23.5, knee 34.5, thigh 51.5 cm). For a 1.80 m body: 3.7 cm at the
ankle, 6.0 cm at the knee (the patella's front is 5-6 cm in front of the knee joint centre),
9.0 cm at the top of the thigh. A round section overstates the depth of the shin over the
tibial crest a little, which keeps a bar that clears it clear of the real shin.
"""

import numpy as np

from ._engine import inline

#: Radius of a barbell's shaft, m: a 28 mm bar (IWF Technical and Competition Rules,
#: men's bar; the IPF allows 28-29 mm).
BAR_RADIUS_M = 0.014

#: Depth of the front of the ankle, knee and upper thigh in front of the segment axes,
#: fractions of stature (girth / 2 pi / stature, Heinz et al. 2003; see above).
ANKLE_DEPTH_FRACTION = 0.23 / (2.0 * np.pi) / 1.78
KNEE_DEPTH_FRACTION = 0.37 / (2.0 * np.pi) / 1.78
THIGH_DEPTH_FRACTION = 0.56 / (2.0 * np.pi) / 1.78


@inline
def depths(b):
    """Radii of the legs' outline at the ankle, the knee and the top of the thigh (m)."""
    h = b.height
    return ANKLE_DEPTH_FRACTION * h, KNEE_DEPTH_FRACTION * h, THIGH_DEPTH_FRACTION * h


@inline
def capsule_gap(px, py, ax, ay, bx, by, ra, rb):
    """How far the point ``p`` lies outside a capsule tapering from radius ``ra`` at ``a``
    to ``rb`` at ``b`` (m, negative inside): its distance from the nearest point of the axis
    less the radius there (exact for a constant radius; a taper of a few degrees changes it
    by its cosine, under 0.5 %)."""
    vx, vy = bx - ax, by - ay
    t = ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)
    t = np.minimum(np.maximum(t, 0.0), 1.0)
    dx, dy = px - ax - t * vx, py - ay - t * vy
    return np.sqrt(dx * dx + dy * dy) - (ra + t * (rb - ra))


@inline
def bar_gaps(b, knee_x, knee_y, hip_x, hip_y, bar_x, bar_y):
    """Gaps between the bar's surface and the shank's, the knee's and the thigh's (m,
    negative where the bar would be inside the leg)."""
    ankle, knee, thigh = depths(b)
    zero = 0.0 * knee_x
    shin = capsule_gap(bar_x, bar_y, zero, b.ankle_height, knee_x, knee_y, ankle, knee)
    dx, dy = bar_x - knee_x, bar_y - knee_y
    at_knee = np.sqrt(dx * dx + dy * dy) - knee
    upper = capsule_gap(bar_x, bar_y, knee_x, knee_y, hip_x, hip_y, knee, thigh)
    return shin - BAR_RADIUS_M, at_knee - BAR_RADIUS_M, upper - BAR_RADIUS_M
