"""Independent recomputation of statics from a result dataset.

Nothing here imports the library's statics or kinematics: it reads the dataset's positions,
masses and forces and applies Newton's laws with plain numpy, so that a test comparing its
numbers with the library's can fail when either is wrong.
"""

import numpy as np

# Which loads act below each joint (toward the floor): the foot and the floor for the ankle;
# add the shank for the knee; add the thigh for the hip.
BELOW = {
    "ankle": {"foot", "ground"},
    "knee": {"foot", "shank", "ground"},
    "hip": {"foot", "shank", "thigh", "ground"},
}
# Anatomical sign of the net internal moment that the loads *below* a joint exert on the
# segment above it, counter-clockwise positive, lifter facing +x:
# - ankle: loads below (foot + floor) turning the shank counter-clockwise push the knee
#   backward, i.e. they act like the plantarflexors -> plantarflexion = +CCW moment on shank.
# - knee: a CCW moment on the thigh from below rotates the hip end backward-down, i.e. flexes
#   the knee -> extension = -CCW moment on the thigh.
# - hip: a CCW moment on the trunk from below tilts the shoulders backward, i.e. extends the
#   hip -> extension = +CCW moment on the trunk.
ANATOMICAL = {"ankle": 1.0, "knee": -1.0, "hip": 1.0}


def loads(ds, g):
    """All loads as (name, point (..., 2), force (..., 2)) over phase."""
    out = []
    for seg in ds["segment"].values:
        point = ds["segment_com"].sel(segment=seg).values
        mass = ds["segment_mass"].sel(segment=seg).values
        force = np.zeros_like(point)
        force[..., 1] = -np.asarray(mass)[..., None] * g if np.ndim(mass) else -mass * g
        out.append((str(seg), point, force))
    for f in ds["force"].values:
        out.append(
            (str(f), ds["force_point"].sel(force=f).values, ds["force_vector"].sel(force=f).values)
        )
    return out


def moment(point, force, about):
    """CCW moment of ``force`` at ``point`` about ``about`` (plain 2-D cross product)."""
    dx = point[..., 0] - about[..., 0]
    dy = point[..., 1] - about[..., 1]
    return dx * force[..., 1] - dy * force[..., 0]


def residuals(ds, g):
    """Whole-body force and moment residuals and a scale to judge them relative to."""
    ls = loads(ds, g)
    force = sum(f for _, _, f in ls)
    origin = np.zeros(2)
    mom = sum(moment(p, f, origin) for _, p, f in ls)
    weight = sum(np.abs(f[..., 1]) for n, _, f in ls if n not in ("ground", "bench"))
    height = np.abs(ds["position"].sel(axis="y")).max("point").values
    return force, mom, weight, weight * height


def moment_from_below(ds, joint, g):
    """Net internal moment at ``joint`` from the loads below it, anatomical sign."""
    about = ds["position"].sel(point=joint).values
    s = sum(moment(p, f, about) for n, p, f in loads(ds, g) if n in BELOW[joint])
    # the loads below act on the lower part; the joint passes the opposite moment to the
    # upper part, whose anatomical sign is ANATOMICAL[joint]
    return ANATOMICAL[joint] * s


def moment_from_above(ds, joint, g):
    """Net internal moment at ``joint`` from the loads above it, anatomical sign."""
    about = ds["position"].sel(point=joint).values
    s = sum(moment(p, f, about) for n, p, f in loads(ds, g) if n not in BELOW[joint])
    # the upper part is in equilibrium: joint moment on it = -(moment of the loads on it)
    return -ANATOMICAL[joint] * s


def dynamic_loads(ds, g):
    """The loads of a rep lifted to a tempo, by d'Alembert: each segment's weight less m a at
    its centre of mass and a couple -I alpha; the external forces as reported (the bar's already
    carries its own inertia). Returns (name, point, force, couple)."""
    out = []
    for seg in ds["segment"].values:
        point = ds["segment_com"].sel(segment=seg).values
        mass = float(ds["segment_mass"].sel(segment=seg))
        accel = ds["segment_com_acceleration"].sel(segment=seg).values
        force = -mass * accel
        force[..., 1] -= mass * g
        alpha = np.deg2rad(ds["segment_angular_acceleration"].sel(segment=seg).values)
        couple = -float(ds["segment_moment_of_inertia"].sel(segment=seg)) * alpha
        out.append((str(seg), point, force, couple))
    for f in ds["force"].values:
        p, F = ds["force_point"].sel(force=f).values, ds["force_vector"].sel(force=f).values
        out.append((str(f), p, F, np.zeros(F.shape[:-1])))
    return out


def dynamic_moment(ds, joint, g, side):
    """Net internal moment at ``joint`` (anatomical sign) of a lifted rep, from the loads
    ``side`` ("below" or "above") of it, d'Alembert loads included."""
    about = ds["position"].sel(point=joint).values
    s = sum(
        moment(p, f, about) + c
        for n, p, f, c in dynamic_loads(ds, g)
        if (n in BELOW[joint]) == (side == "below")
    )
    return (1.0 if side == "below" else -1.0) * ANATOMICAL[joint] * s
