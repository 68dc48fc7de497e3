"""
Draw the free-body diagram of a lift
====================================

The stick figure with the floor, the bench and the bar; every external force as an arrow to
scale; each force's moment arm about the hip as a dimension line; and the body's centre of
mass. Here the deadlift at the floor and at lockout, on a shared force scale.
"""

# %%
import matplotlib.pyplot as plt
import numpy as np

import biomech
from biomech import plotting

ds = biomech.simulate(biomech.Deadlift(load_kg=100.0), n=101)

# %%
# One force scale for both panels: the largest force over the rep is drawn 0.8 m long.
forces = ds["force_vector"]
largest = float(np.max(np.hypot(forces.sel(axis="x"), forces.sel(axis="y"))))
scale = 0.8 / largest  # m of arrow per N

fig, axes = plt.subplots(1, 2, figsize=(11, 5.5), layout="constrained")
plotting.plot_free_body(ds, phase=0.0, ax=axes[0], force_scale=scale)
plotting.plot_free_body(ds, phase=1.0, ax=axes[1], force_scale=scale)

# %%
# The moment arms the figure draws are in the dataset too.
arm = ds["hip_moment_arm"].sel(force="bar")
print(f"bar's moment arm about the hip: {float(arm.sel(phase=0)):.3f} m at the floor, "
      f"{float(arm.sel(phase=1)):.3f} m at lockout")
plt.show()
