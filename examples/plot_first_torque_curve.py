"""
Plot the hip moment of a hip thrust
===================================

Simulate one barbell hip thrust for the default lifter (1.80 m, 80 kg) with a 100 kg bar and
plot the net hip extension moment over the rep, against hip flexion and against phase.
"""

# %%
# Simulate the rep. ``n`` is the number of samples from the bottom (phase 0) to lockout
# (phase 1).
import matplotlib.pyplot as plt

import biomech
from biomech import plotting

ds = biomech.simulate(biomech.HipThrust(load_kg=100.0), n=201)

# %%
# Plot it. ``plot_moment_curves`` labels the axes from the dataset (units and sign
# convention included) and marks the peak and the lockout.
fig, axes = plt.subplots(1, 2, figsize=(11, 4), layout="constrained")
plotting.plot_moment_curves(ds, x="hip_flexion", ax=axes[0])
plotting.plot_moment_curves(ds, x="phase", ax=axes[1])
axes[0].set_title("against hip flexion (lockout at 0 deg)")
axes[1].set_title("against phase (0 bottom, 1 lockout)")
fig.suptitle("Hip thrust, 1.80 m 80 kg lifter, 100 kg bar")

# %%
# The numbers behind the curve.
summary = biomech.summarize(ds)
print(
    f"peak {float(summary.peak_hip_moment):.0f} N m at "
    f"{float(summary.hip_flexion_at_peak_hip):.0f} deg "
    f"of hip flexion; lockout {float(summary.lockout_hip_moment):.0f} N m "
    f"({100 * float(summary.lockout_to_peak_hip):.0f} % of the peak)"
)
plt.show()
