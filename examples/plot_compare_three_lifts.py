"""
Compare the hip thrust, back squat and deadlift
===============================================

Same lifter, same 100 kg bar, three lifts: where in the range of motion does each load the hip
extensors most, and how much is left at lockout?
"""

# %%
import matplotlib.pyplot as plt

import biomech
from biomech import plotting

body = biomech.Body.from_height_mass(height_m=1.80, mass_kg=80.0, sex="male")
lifts = {
    "hip thrust": biomech.HipThrust(load_kg=100.0),
    "back squat (high bar)": biomech.Squat(load_kg=100.0),
    "deadlift": biomech.Deadlift(load_kg=100.0),
}
results = {name: biomech.simulate(lift, body, n=201) for name, lift in lifts.items()}

# %%
# Hip and knee on a shared phase axis.
fig, axes = plt.subplots(1, 2, figsize=(12, 4.5), layout="constrained")
plotting.plot_moment_curves(results, joint="hip", x="phase", ax=axes[0])
plotting.plot_moment_curves(results, joint="knee", x="phase", ax=axes[1], mark_lockout=False)
axes[0].set_title("hip")
axes[1].set_title("knee")
fig.suptitle("1.80 m 80 kg lifter, 100 kg bar")

# %%
# The table ``biomech compare`` prints.
print(biomech.compare_lifts(body, load_kg=100.0).round(3).to_string())
plt.show()
