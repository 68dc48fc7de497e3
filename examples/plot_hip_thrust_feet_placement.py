"""
Move the feet in the hip thrust: the knee changes sign
======================================================

Feet closer to the bench than the default put the knee ahead of the ankle at lockout and call
for a knee *extension* moment; feet farther away put it behind the ankle and call for a knee
*flexion* moment. The hip barely changes.
"""

# %%
import matplotlib.pyplot as plt

import biomech
from biomech import plotting

results = {
    "feet 0.70 m from the bench": biomech.simulate(biomech.HipThrust(feet_distance_m=0.70)),
    "default (shank vertical at lockout)": biomech.simulate(biomech.HipThrust()),
    "feet 0.90 m from the bench": biomech.simulate(biomech.HipThrust(feet_distance_m=0.90)),
}

# %%
fig, axes = plt.subplots(1, 2, figsize=(12, 4.5), layout="constrained")
plotting.plot_moment_curves(results, joint="knee", x="phase", ax=axes[0], mark_peak=False)
plotting.plot_moment_curves(results, joint="hip", x="phase", ax=axes[1], mark_lockout=False)
axes[0].axhline(0.0, color="0.5", lw=0.8)
axes[0].set_title("knee: extension +, flexion -")
axes[1].set_title("hip")
fig.suptitle("Hip thrust, 100 kg: where the feet are")

# %%
for label, ds in results.items():
    knee = float(ds["net_moment"].sel(joint="knee", phase=1.0))
    knee_x = float(ds["position"].sel(point="knee", axis="x", phase=1.0))
    print(f"{label:38s} knee {100 * knee_x:+5.1f} cm from the ankle, knee moment {knee:+6.1f} N m")
plt.show()
