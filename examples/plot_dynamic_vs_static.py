"""
Lift a rep to a tempo: the hip moment with inertia
===================================================

``simulate(..., tempo="2-0-1-2")`` lifts the rep (two seconds down, no pause, one second up,
two at the top) instead of holding each posture still, and adds the inertia of the body and
the bar to the net moments. Here the hip thrust at that tempo and at an explosive one
(``"2-0-X-1"``, half a second up), over time and over hip flexion, against the same postures
held still. Moments are net internal moments, hip extension positive.
"""

# %%
import warnings

import matplotlib.pyplot as plt

import biomech
from biomech import plotting

thrust = biomech.HipThrust(load_kg=100.0)
with warnings.catch_warnings():
    # With the default bench assumption (the bench pushes straight up) every horizontal
    # inertial force must come from friction under the feet, and a brisk hip thrust asks for a
    # friction coefficient above 1, so simulate() warns that the feet would slip. That is a
    # limit of the assumption, explained on the "Lifted, not held" page; here we only plot.
    warnings.simplefilter("ignore", biomech.BiomechWarning)
    sets = {
        tempo: biomech.simulate(thrust, tempo=tempo, rate_hz=200)
        for tempo in ("2-0-1-2", "2-0-X-1")
    }

# %%
fig, axes = plt.subplots(2, 2, figsize=(12, 8), layout="constrained")
for row, (tempo, ds) in zip(axes, sets.items(), strict=True):
    plotting.plot_dynamic_vs_static(ds, joint="hip", x="time", ax=row[0])
    plotting.plot_dynamic_vs_static(ds, joint="hip", x="hip_flexion", ax=row[1])
    row[0].set_title(f"tempo {tempo}: over time")
    row[1].set_title(f"tempo {tempo}: over hip flexion (lowering and lifting)")
fig.suptitle("Hip thrust, 100 kg: net hip moment lifted vs held still")

# %%
# Over hip flexion the lifted curve has two branches: near the bottom the higher one is the
# lift, which is faster than the lowering. With the explosive concentric the hip moment even
# turns negative (a flexion moment) before lockout: the hips are being braked.
#
# The peaks, and how much of each is inertia:
for tempo, ds in sets.items():
    hip = ds.sel(joint="hip", rep=1)
    lifted, still = float(hip["peak_moment"]), float(hip["quasi_static_peak_moment"])
    bottom = ds.attrs["eccentric_s"] + ds.attrs["bottom_pause_s"]  # the lift starts here, s
    print(
        f"{tempo}: peak {lifted:4.0f} N m lifted, {still:4.0f} N m held still "
        f"({lifted / still:.2f} x), "
        f"{float(hip['time_at_peak_moment']) - bottom:.2f} s after leaving the bottom"
    )
plt.show()
