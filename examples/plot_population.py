"""
Run one set-up over a population of lifters
===========================================

A ``Body`` built from arrays of heights and masses is a population; ``simulate`` adds a
``body`` dimension and computes every lifter in one vectorized call.
"""

# %%
import matplotlib.pyplot as plt
import numpy as np

import biomech

rng = np.random.default_rng(2024)
n_lifters = 500
height = rng.normal(1.76, 0.07, n_lifters).clip(1.55, 2.0)
mass = (rng.normal(25.0, 3.0, n_lifters).clip(18.0, 35.0)) * height**2  # from body-mass index
population = biomech.Body.from_height_mass(height_m=height, mass_kg=mass, sex="male")

ds = biomech.simulate(biomech.HipThrust(load_kg=100.0), population, n=101)
print(ds["net_moment"].sizes)

# %%
# Summaries keep the ``body`` dimension.
s = biomech.summarize(ds)
fig, axes = plt.subplots(1, 2, figsize=(11, 4.2), layout="constrained")
points = axes[0].scatter(height, s["peak_hip_moment"], c=mass, s=10, cmap="viridis")
fig.colorbar(points, ax=axes[0], label="body mass [kg]")
axes[0].set_xlabel("stature [m]")
axes[0].set_ylabel("peak hip extension moment [N m]")
axes[0].set_title("peak hip moment, 100 kg bar")

hip = ds["net_moment"].sel(joint="hip")
lo, mid, hi = (hip.quantile(q, dim="body") for q in (0.05, 0.5, 0.95))
axes[1].fill_between(ds["phase"], lo, hi, alpha=0.3, label="5th-95th percentile")
axes[1].plot(ds["phase"], mid, lw=2, label="median")
axes[1].set_xlabel("phase of the rep (0 bottom, 1 lockout)")
axes[1].set_ylabel("hip net internal moment [N m] (extension +)")
axes[1].set_title(f"{n_lifters} lifters")
axes[1].legend()
plt.show()
