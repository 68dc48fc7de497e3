"""
See how the bench assumption reshapes the hip thrust curve
==========================================================

Bench and feet are two supports: statics alone cannot say how much horizontal force passes
between back and bench (the squeeze). The default, ``bench_reaction="least_squeeze"``, takes the
smallest squeeze that keeps the bench's push inside its friction cone about the back's normal
and the floor's inside its cone about vertical: the hip moment peaks at the bottom and falls
toward lockout. Two idealisations frame it: ``"vertical"`` (the beam: a plateau to lockout, with
a back that would need a friction coefficient above 1 near the bottom) and ``"normal"`` (a
frictionless back: a higher peak at the bottom, with feet that would slip). All three side by
side.
"""

# %%
import warnings

import matplotlib.pyplot as plt
import numpy as np

import biomech
from biomech import plotting

runs = {"least squeeze (default)": biomech.simulate(biomech.HipThrust(load_kg=100.0))}
with warnings.catch_warnings():
    # both idealisations need more friction than a bench or a floor gives near the bottom;
    # simulate warns about it (see the explanation page)
    warnings.simplefilter("ignore", biomech.BiomechWarning)
    for rule, label in (("vertical", "bench pushes vertically"), ("normal", "frictionless back")):
        runs[label] = biomech.simulate(biomech.HipThrust(load_kg=100.0, bench_reaction=rule))

# %%
fig = plt.figure(figsize=(13, 8.5), layout="constrained")
top, bottom = fig.subfigures(2, 1, height_ratios=[1, 1.1])
ax_curve = top.subplots()
plotting.plot_moment_curves(runs, x="hip_flexion", ax=ax_curve)
ax_curve.set_title("Hip thrust, 100 kg: three assumptions about the bench")
axes = bottom.subplots(1, 3)
# one arrow scale for every diagram: the largest force is drawn 0.8 m long
forces = np.concatenate([d["force_vector"].values.reshape(-1, 2) for d in runs.values()])
scale = 0.8 / np.hypot(forces[:, 0], forces[:, 1]).max()
for ax, (label, ds) in zip(axes, runs.items(), strict=True):
    plotting.plot_free_body(ds, phase=0.0, ax=ax, force_scale=scale)
    ax.set_title(f"bottom, {label}")

# %%
for label, ds in runs.items():
    s = biomech.summarize(ds)
    peak, where = float(s.peak_hip_moment), float(s.phase_at_peak_hip)
    back = float(ds["bench_friction_required"].max())
    feet = float(ds["ground_friction_required"].max())
    print(f"{label:24s}: peak {peak:4.0f} N m at phase {where:.2f}, "
          f"lockout/peak {float(s.lockout_to_peak_hip):.2f}; friction needed: back {back:.2f}, "
          f"feet {feet:.2f}")
plt.show()
