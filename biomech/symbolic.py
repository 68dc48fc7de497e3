"""The planar model derived symbolically with sympy: for teaching, and as a test oracle.

:func:`derive` builds, for one exercise, the positions of the joints and centres of mass from
the segment angles, the contact reactions from whole-body equilibrium, and the net joint moments
from the loads above each joint, as sympy expressions a student can display, simplify and
differentiate. Nothing here calls the numeric core: the tests compare the two.

The chain is foot (flat, ankle at height ``h_a`` above the origin) - shank - thigh - trunk,
with the head on the trunk axis and a two-segment arm (upper arm; forearm with the hand) from
the shoulder. Segment angles ``theta_*`` are counter-clockwise from +x along the chain, as in
:mod:`biomech.conventions`. Lengths are the lengths *seen in the sagittal plane* (the squat's
wide-grip arms are a projection).

Examples
--------
>>> from biomech import symbolic
>>> d = symbolic.derive("squat")
>>> d.net_moment["hip"].free_symbols >= {d.symbols["M"], d.symbols["g"]}
True
>>> symbolic.sp.simplify(d.closed_form["hip_bar_part"] - d.closed_form["hip_lever"])
0
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy as sp

from ._validation import check_choice

__all__ = ["Derivation", "derive", "inputs_from_dataset"]

_SEGMENTS = ("foot", "shank", "thigh", "trunk", "head", "upper_arm", "forearm", "hand")
_ABOVE = {  # loads acting on the part of the body above each joint (toward the head)
    "ankle": {"shank", "thigh", "trunk", "head", "upper_arm", "forearm", "hand", "bar", "bench"},
    "knee": {"thigh", "trunk", "head", "upper_arm", "forearm", "hand", "bar", "bench"},
    "hip": {"trunk", "head", "upper_arm", "forearm", "hand", "bar", "bench"},
}
# Anatomical sign of the net internal moment given S, the counter-clockwise moment about the
# joint of the loads above it. The part above is in equilibrium, so the joint applies -S to it.
# A counter-clockwise moment on the segment above the ankle (the shank) rotates the knee
# backward: plantarflexion. On the thigh, counter-clockwise drives the hip back over the heels:
# knee flexion. On the trunk, counter-clockwise tilts the shoulders back: hip extension.
_CCW_IS = {"ankle": 1, "knee": -1, "hip": 1}


def _cross(r: sp.Matrix, f: sp.Matrix) -> sp.Expr:
    return r[0] * f[1] - r[1] * f[0]


def _unit(theta: sp.Symbol) -> sp.Matrix:
    return sp.Matrix([sp.cos(theta), sp.sin(theta)])


@dataclass(frozen=True)
class Derivation:
    """The symbolic model of one exercise.

    Attributes
    ----------
    exercise : str
    symbols : dict of str -> sympy.Symbol
        Every input symbol by name (angles in radians, lengths in m, masses in kg, g in m/s^2).
    positions : dict of str -> sympy.Matrix
        Points (2 x 1: x, y) as functions of the symbols.
    com : dict of str -> sympy.Matrix
        Segment centres of mass.
    forces : dict of str -> (point, vector)
        External forces (bar, ground and, for the hip thrust, bench) after solving equilibrium.
    net_moment : dict of str -> sympy.Expr
        Net internal moments at ankle, knee, hip (plantarflexion, extension, extension +).
    closed_form : dict of str -> sympy.Expr
        The teaching forms (see :func:`derive`).
    """

    exercise: str
    symbols: dict[str, sp.Symbol]
    positions: dict[str, sp.Matrix]
    com: dict[str, sp.Matrix]
    forces: dict[str, tuple[sp.Matrix, sp.Matrix]]
    net_moment: dict[str, sp.Expr]
    closed_form: dict[str, sp.Expr]

    def lambdify(self, expressions: dict[str, Any] | None = None) -> Callable[..., dict]:
        """Numeric functions of the symbols (keyword arguments by symbol name, broadcasting).

        Examples
        --------
        >>> d = derive("deadlift")
        >>> f = d.lambdify()
        >>> sorted(f.__doc__.split()[:1])
        ['Evaluate']
        """
        exprs = self.net_moment if expressions is None else expressions
        names = sorted(self.symbols)
        args = [self.symbols[n] for n in names]
        funcs = {k: sp.lambdify(args, e, modules="numpy") for k, e in exprs.items()}

        def evaluate(**values: Any) -> dict[str, np.ndarray]:
            vals = [values[n] for n in names]
            shape = np.broadcast_shapes(*(np.shape(v) for v in vals))
            return {k: np.broadcast_to(f(*vals), shape) for k, f in funcs.items()}

        evaluate.__doc__ = f"Evaluate {sorted(exprs)} from keyword values of {names}."
        return evaluate


def derive(exercise: str) -> Derivation:
    """Derive the planar statics of ``exercise`` symbolically.

    Parameters
    ----------
    exercise : {"hip_thrust", "squat", "deadlift"}

    Returns
    -------
    Derivation
        ``closed_form`` holds, for every exercise, ``hip_bar_part``: the bar's share of the hip
        moment, ``M * d(M_hip)/dM`` (moments are linear in the bar mass ``M``). For the squat
        and deadlift, ``hip_lever`` is the teaching form ``M g (x_bar - x_hip)``: load times
        its horizontal distance in front of the hip, equal to ``hip_bar_part``. For the hip
        thrust, ``hip_beam`` is the beam result ``M g a/(a+b) (x_c - x_hip)``, with ``a`` and
        ``b`` the horizontal distances from the bench contact to the bar and from the bar to
        the centre of pressure: equal to ``hip_bar_part`` when the bench pushes vertically
        (``beta = pi/2``).

    Examples
    --------
    >>> d = derive("hip_thrust")
    >>> vertical = {d.symbols["beta"]: sp.pi / 2}
    >>> sp.simplify((d.closed_form["hip_bar_part"] - d.closed_form["hip_beam"]).subs(vertical))
    0
    """
    check_choice("exercise", exercise, ("hip_thrust", "squat", "deadlift"))
    s = _symbols(exercise)
    p = _positions(exercise, s)
    c = _centres_of_mass(s, p)
    p["head"] = c["head"]
    down = sp.Matrix([0, -1])
    loads = {seg: (c[seg], s["g"] * s[f"m_{seg}"] * down) for seg in _SEGMENTS}
    loads["bar"] = (p["bar"], s["M"] * s["g"] * down)
    _reactions(exercise, s, p, loads)
    net = {}
    for joint, above in _ABOVE.items():
        about = p[joint]
        s_above = sum(
            (_cross(r - about, f) for k, (r, f) in loads.items() if k in above), sp.Integer(0)
        )
        net[joint] = _CCW_IS[joint] * (-s_above)

    # the bar's share of the hip moment: moments are linear in the bar mass M
    closed: dict[str, sp.Expr] = {"hip_bar_part": s["M"] * sp.diff(net["hip"], s["M"])}
    if exercise == "hip_thrust":
        a = p["bar"][0] - p["bench_contact"][0]
        bb = s["x_c"] - p["bar"][0]
        closed["hip_beam"] = s["M"] * s["g"] * a / (a + bb) * (s["x_c"] - p["hip"][0])
    else:
        closed["hip_lever"] = s["M"] * s["g"] * (p["bar"][0] - p["hip"][0])
    return Derivation(
        exercise=exercise,
        symbols=s,
        positions=p,
        com=c,
        forces={k: loads[k] for k in ("bar", "ground", "bench") if k in loads},
        net_moment=net,
        closed_form=closed,
    )


#: The symbols every derivation uses: segment angles, lengths, the ankle's height, the heel,
#: the head's distance above the shoulders, centre-of-mass fractions, masses, bar, gravity.
_NAMES = (
    *(f"theta_{seg}" for seg in ("shank", "thigh", "trunk", "upper_arm", "forearm")),
    *(f"L_{seg}" for seg in ("shank", "thigh", "trunk", "upper_arm", "forearm", "hand")),
    "L_grip",
    "L_foot",
    "h_a",
    "x_heel",
    "d_head",
    *(f"c_{seg}" for seg in ("foot", "shank", "thigh", "trunk", "upper_arm", "forearm", "hand")),
    *(f"m_{seg}" for seg in _SEGMENTS),
    "M",
    "g",
)
#: The symbols each exercise adds.
_OWN_NAMES = {
    "squat": ("bar_along", "bar_behind"),
    "deadlift": (),
    "hip_thrust": ("bar_offset", "contact_along", "contact_behind", "x_c", "beta"),
}


def _symbols(exercise: str) -> dict[str, sp.Symbol]:
    return {n: sp.Symbol(n, real=True) for n in (*_NAMES, *_OWN_NAMES[exercise])}


def _positions(exercise: str, s: dict[str, sp.Symbol]) -> dict[str, sp.Matrix]:
    """The named points of the chain, from the ankle up, and the exercise's bar (and bench
    contact)."""
    u = {
        seg: _unit(s[f"theta_{seg}"]) for seg in ("shank", "thigh", "trunk", "upper_arm", "forearm")
    }
    posterior = sp.Matrix([-sp.sin(s["theta_trunk"]), sp.cos(s["theta_trunk"])])
    p: dict[str, sp.Matrix] = {}
    p["ankle"] = sp.Matrix([0, s["h_a"]])
    p["heel"] = sp.Matrix([s["x_heel"], 0])
    p["toe"] = sp.Matrix([s["x_heel"] + s["L_foot"], 0])
    p["knee"] = p["ankle"] + s["L_shank"] * u["shank"]
    p["hip"] = p["knee"] + s["L_thigh"] * u["thigh"]
    p["shoulder"] = p["hip"] + s["L_trunk"] * u["trunk"]
    p["elbow"] = p["shoulder"] + s["L_upper_arm"] * u["upper_arm"]
    p["wrist"] = p["elbow"] + s["L_forearm"] * u["forearm"]
    p["grip"] = p["wrist"] + s["L_grip"] * u["forearm"]
    if exercise == "squat":  # the bar on the back, fixed in the trunk frame
        p["bar"] = p["hip"] + s["bar_along"] * u["trunk"] + s["bar_behind"] * posterior
    elif exercise == "deadlift":  # in the hands
        p["bar"] = p["grip"]
    else:  # on the pelvis, along the bisector of the crease between thigh and trunk
        mean = (s["theta_thigh"] + s["theta_trunk"]) / 2
        p["bar"] = p["hip"] + s["bar_offset"] * sp.Matrix([sp.sin(mean), -sp.cos(mean)])
        p["bench_contact"] = (
            p["hip"] + s["contact_along"] * u["trunk"] + s["contact_behind"] * posterior
        )
    return p


def _centres_of_mass(s: dict[str, sp.Symbol], p: dict[str, sp.Matrix]) -> dict[str, sp.Matrix]:
    u_trunk, u_forearm = _unit(s["theta_trunk"]), _unit(s["theta_forearm"])
    return {
        "foot": sp.Matrix([s["x_heel"] + s["c_foot"] * s["L_foot"], s["h_a"] / 2]),
        "shank": p["knee"] + s["c_shank"] * (p["ankle"] - p["knee"]),
        "thigh": p["hip"] + s["c_thigh"] * (p["knee"] - p["hip"]),
        "trunk": p["shoulder"] + s["c_trunk"] * (p["hip"] - p["shoulder"]),
        "head": p["shoulder"] + s["d_head"] * u_trunk,
        "upper_arm": p["shoulder"] + s["c_upper_arm"] * (p["elbow"] - p["shoulder"]),
        "forearm": p["elbow"] + s["c_forearm"] * (p["wrist"] - p["elbow"]),
        "hand": p["wrist"] + s["c_hand"] * s["L_hand"] * u_forearm,
    }


def _reactions(exercise: str, s: dict[str, sp.Symbol], p: dict[str, sp.Matrix], loads) -> None:
    """Add the reactions to ``loads``, from whole-body equilibrium."""
    weight = sum((f for _, f in loads.values()), sp.zeros(2, 1))
    if exercise == "hip_thrust":
        # bench force b*u at the contact, ground force G at (x_c, 0). Moments about the centre
        # of pressure eliminate G: sum (r - cop) x F + (contact - cop) x (b u) = 0.
        cop = sp.Matrix([s["x_c"], 0])
        u_bench = _unit(s["beta"])
        about_cop = sum((_cross(r - cop, f) for r, f in loads.values()), sp.Integer(0))
        b = -about_cop / _cross(p["bench_contact"] - cop, u_bench)
        loads["bench"] = (p["bench_contact"], b * u_bench)
        loads["ground"] = (cop, -weight - b * u_bench)
    else:
        # the floor alone: G = -weight, and its centre of pressure x_c (on the floor, y = 0)
        # makes the moments about the origin vanish: x_c G_y + sum r x F = 0.
        ground_f = -weight
        about_origin = sum((_cross(r, f) for r, f in loads.values()), sp.Integer(0))
        loads["ground"] = (sp.Matrix([-about_origin / ground_f[1], 0]), ground_f)


def inputs_from_dataset(ds: Any, body: Any, derivation: Derivation) -> dict[str, np.ndarray]:
    """Values for every symbol of ``derivation`` from a :func:`biomech.simulate` result.

    Angles come from ``joint_angle`` (legs, trunk) and ``segment_angle`` (arms); the lengths
    of the legs, trunk and hand and the centre-of-mass fractions from the body's table; the
    arm lengths, head distance and the bar/contact offsets (which the posture solvers set)
    from the reported positions; the hip thrust's centre of pressure from the reported
    ground force and its bench direction from the assumption named in the dataset.

    Examples
    --------
    >>> import biomech
    >>> ds = biomech.simulate(biomech.Squat(), n=5)
    >>> values = inputs_from_dataset(ds, biomech.Body.default(), derive("squat"))
    >>> sorted(values)[:3]
    ['L_foot', 'L_forearm', 'L_grip']
    """
    pos = ds["position"]

    def xy(point: str) -> np.ndarray:
        return pos.sel(point=point).values

    def dist(a: str, b: str) -> np.ndarray:
        return np.hypot(*(xy(a) - xy(b)).T)

    table = body.table
    # leg and trunk angles from the anatomical joint angles, so that they are continuous
    # (segment_angle is wrapped to (-180, 180] and the hip thrust's thigh crosses 180 deg)
    joint = {j: np.deg2rad(ds["joint_angle"].sel(joint=j).values) for j in ("ankle", "knee", "hip")}
    angle = {"shank": np.pi / 2 - joint["ankle"]}
    angle["thigh"] = angle["shank"] + joint["knee"]
    angle["trunk"] = angle["thigh"] - joint["hip"]
    for k in ("upper_arm", "forearm"):
        angle[k] = np.deg2rad(ds["segment_angle"].sel(segment=k).values)
    v: dict[str, Any] = {f"theta_{k}": a for k, a in angle.items()}
    v.update(
        L_shank=body.segment_length("shank"),
        L_thigh=body.segment_length("thigh"),
        L_trunk=body.segment_length("trunk"),
        L_foot=body.segment_length("foot"),
        L_upper_arm=dist("shoulder", "elbow"),
        L_forearm=dist("elbow", "wrist"),
        L_grip=dist("wrist", "grip"),
        h_a=body.ankle_height_m,
        x_heel=xy("heel")[:, 0],
        d_head=dist("shoulder", "head"),
        g=ds.attrs["g_m_per_s2"],
        M=ds.attrs["load_kg"],
    )
    # the hand's length is scaled like the forearm+grip line it lies on (1 unless projected)
    full_reach = body.segment_length("forearm") + table.grip_fraction * body.segment_length("hand")
    v["L_hand"] = body.segment_length("hand") * (v["L_forearm"] + v["L_grip"]) / full_reach
    for seg in _SEGMENTS:
        v[f"m_{seg}"] = float(ds["segment_mass"].sel(segment=seg))
        if seg != "head":
            v[f"c_{seg}"] = table.com_fraction[seg]
    trunk_axis = np.stack([np.cos(angle["trunk"]), np.sin(angle["trunk"])], axis=-1)
    posterior = np.stack([-trunk_axis[:, 1], trunk_axis[:, 0]], axis=-1)

    def in_trunk_frame(point: str) -> tuple[np.ndarray, np.ndarray]:
        rel = xy(point) - xy("hip")
        return np.sum(rel * trunk_axis, axis=-1), np.sum(rel * posterior, axis=-1)

    if derivation.exercise == "squat":
        v["bar_along"], v["bar_behind"] = in_trunk_frame("bar")
    if derivation.exercise == "hip_thrust":
        v["bar_offset"] = dist("hip", "bar")
        v["contact_along"], v["contact_behind"] = in_trunk_frame("bench_contact")
        v["x_c"] = ds["force_point"].sel(force="ground", axis="x").values
        # the assumption, not the computed force, for the idealisations (vertical, or the
        # trunk's anterior normal); the least squeeze's direction is the model's choice (its
        # rule is checked on its own, tests/test_contacts.py)
        if ds.attrs["bench_reaction"] == "vertical":
            v["beta"] = np.full_like(angle["trunk"], np.pi / 2)
        elif ds.attrs["bench_reaction"] == "normal":
            v["beta"] = angle["trunk"] - np.pi / 2
        else:
            push = ds["force_vector"].sel(force="bench").values
            v["beta"] = np.arctan2(push[..., 1], push[..., 0])
    return {k: np.asarray(val, dtype=float) for k, val in v.items() if k in derivation.symbols}
