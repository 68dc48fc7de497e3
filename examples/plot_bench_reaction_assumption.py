"""
See how the bench assumption reshapes the hip thrust curve
==========================================================

Bench and feet are two supports: statics alone cannot say how much horizontal force passes
between back and bench. ``bench_reaction="vertical"`` (default) gives a plateau from mid-range
to lockout; ``"normal"`` (a frictionless back, pushed perpendicular to the trunk) gives a peak
at the bottom. Both side by side.
"""

# %%
import warnings

import matplotlib.pyplot as plt
import numpy as np

import biomech
from biomech import plotting

vertical = biomech.simulate(biomech.HipThrust(load_kg=100.0, bench_reaction="vertical"))
with warnings.catch_warnings():
    # a frictionless back needs more friction at the feet than most floors give near the
    # bottom; simulate warns about it (see the explanation page)
    warnings.simplefilter("ignore", biomech.BiomechWarning)
    normal = biomech.simulate(biomech.HipThrust(load_kg=100.0, bench_reaction="normal"))

# %%
fig = plt.figure(figsize=(12, 8.5), layout="constrained")
top, bottom = fig.subfigures(2, 1, height_ratios=[1, 1.1])
ax_curve = top.subplots()
plotting.plot_moment_curves(
    {"bench pushes vertically": vertical, "frictionless back (normal)": normal},
    x="hip_flexion",
    ax=ax_curve,
)
ax_curve.set_title("Hip thrust, 100 kg: two assumptions about the bench")
ax_left, ax_right = bottom.subplots(1, 2)
# one arrow scale for both diagrams: the largest force is drawn 0.8 m long
forces = np.concatenate([d["force_vector"].values.reshape(-1, 2) for d in (vertical, normal)])
scale = 0.8 / np.hypot(forces[:, 0], forces[:, 1]).max()
plotting.plot_free_body(vertical, phase=0.0, ax=ax_left, force_scale=scale)
plotting.plot_free_body(normal, phase=0.0, ax=ax_right, force_scale=scale)
ax_left.set_title("bottom, vertical bench reaction")
ax_right.set_title("bottom, bench force normal to the trunk")

# %%
for name, ds in {"vertical": vertical, "normal": normal}.items():
    s = biomech.summarize(ds)
    peak, where = float(s.peak_hip_moment), float(s.phase_at_peak_hip)
    print(f"{name:8s}: peak {peak:4.0f} N m at phase {where:.2f}, "
          f"lockout/peak {float(s.lockout_to_peak_hip):.2f}")
plt.show()
