"""Command-line entry point: ``biomech compare``, ``biomech fbd`` and ``biomech tempo``.

Examples
--------
>>> import os, tempfile
>>> out = os.path.join(tempfile.mkdtemp(), "compare.png")
>>> main(["compare", "--load-kg", "60", "--out", out])  # doctest: +ELLIPSIS
Hip extension moment, 1.80 m 80 kg male (de_leva_1996), bar 60 kg
...
wrote .../compare.png
0
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any, Literal

from ._validation import quiet
from .anthropometry import Body
from .exercises import Deadlift, HipThrust, Squat
from .legs import per_leg
from .schema import LEGS
from .simulate import simulate
from .summary import DEFAULT_LOAD_KG, compare_lifts, summarize
from .tempo import Tempo

__all__ = ["main"]

EXERCISES = {"hip_thrust": HipThrust, "squat": Squat, "deadlift": Deadlift}


def _body_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--load-kg",
        type=float,
        default=DEFAULT_LOAD_KG,
        help="barbell mass, kg (default %(default)s)",
    )
    parser.add_argument(
        "--height-m", type=float, default=1.80, help="stature, m (default %(default)s)"
    )
    parser.add_argument(
        "--mass-kg", type=float, default=80.0, help="body mass, kg (default %(default)s)"
    )
    parser.add_argument(
        "--sex",
        choices=("male", "female"),
        default="male",
        help="selects the segment table (default %(default)s)",
    )
    parser.add_argument(
        "--table",
        choices=("de_leva_1996", "winter_2009"),
        default="de_leva_1996",
        help="segment table (default %(default)s)",
    )


def _legs_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--legs",
        choices=LEGS,
        default="both",
        help=(
            "moments of both legs together (the model's chain) or of one leg, half of both in "
            "a symmetric lift (default %(default)s)"
        ),
    )


def _basis(legs: str) -> str:
    """How a printed moment's basis reads."""
    return "both legs together" if legs == "both" else "one leg: half of both, a symmetric lift"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="biomech",
        description=(
            "Planar quasi-static biomechanics of the barbell hip thrust, back squat and "
            "deadlift: net joint moments over the range of motion. Moments are net internal "
            "moments, hip extension positive."
        ),
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _compare_parser(sub)
    _fbd_parser(sub)
    _tempo_parser(sub)
    return parser


def _compare_parser(sub: Any) -> None:
    compare = sub.add_parser(
        "compare",
        help="compare the hip extension moment of the three lifts (table and figure)",
        description=(
            "Run the hip thrust, back squat and deadlift (default set-ups) for one body and one "
            "barbell load; print per lift the peak hip extension moment, the hip flexion at "
            "the peak, the hip moment at lockout and the lockout/peak ratio; and write the "
            "three moment curves as a PNG figure."
        ),
    )
    _body_options(compare)
    compare.add_argument(
        "--n", type=int, default=201, help="samples over the range of motion (default %(default)s)"
    )
    compare.add_argument(
        "--out",
        default="biomech_compare.png",
        help="where to write the figure (PNG; default %(default)s)",
    )
    compare.add_argument("--no-figure", action="store_true", help="print the table only")
    _legs_option(compare)


def _fbd_parser(sub: Any) -> None:
    fbd = sub.add_parser(
        "fbd",
        help="draw one lift's free-body diagram at a chosen phase",
        description=(
            "Draw the free-body diagram of one lift at one phase of the rep (0 bottom, 1 "
            "lockout): the body, every external force to scale and its hip moment arm."
        ),
    )
    fbd.add_argument("exercise", choices=tuple(EXERCISES), help="which lift")
    _body_options(fbd)
    fbd.add_argument(
        "--phase",
        type=float,
        default=0.5,
        help="phase of the rep, 0 bottom to 1 lockout (default %(default)s)",
    )
    fbd.add_argument(
        "--bench-reaction",
        choices=("least_squeeze", "vertical", "normal"),
        default="least_squeeze",
        help="hip thrust only: how the squeeze between back and feet is chosen (default "
        "%(default)s, inside both friction cones; vertical and normal are idealisations)",
    )
    fbd.add_argument(
        "--out", default=None, help="where to write the figure (default biomech_fbd_<exercise>.png)"
    )
    _legs_option(fbd)


def _tempo_parser(sub: Any) -> None:
    tempo = sub.add_parser(
        "tempo",
        help="lift one lift to a tempo: moments with inertia beside the postures held still",
        description=(
            "Lift one lift to a tempo (inverse dynamics: segment and bar inertia included) and "
            "print, per rep, the peak hip extension moment lifted and held still, when the "
            "peak happens, and the hip moment impulse; write both curves over time as a PNG."
        ),
    )
    tempo.add_argument("exercise", choices=tuple(EXERCISES), help="which lift")
    _body_options(tempo)
    tempo.add_argument(
        "--tempo",
        default="2-0-1-2",
        help="eccentric-bottom-concentric-top, s; X = explosive (default %(default)s)",
    )
    tempo.add_argument("--reps", type=int, default=1, help="reps in the set (default %(default)s)")
    tempo.add_argument(
        "--start",
        choices=("top", "bottom"),
        default=None,
        help="where each rep starts (default: bottom for the deadlift, top otherwise)",
    )
    tempo.add_argument(
        "--rate-hz", type=float, default=100.0, help="samples per second (default %(default)s)"
    )
    tempo.add_argument(
        "--out",
        default=None,
        help="where to write the figure (default biomech_tempo_<exercise>.png)",
    )
    tempo.add_argument("--no-figure", action="store_true", help="print the table only")
    _legs_option(tempo)


def _body(args: argparse.Namespace) -> Body:
    return Body.from_height_mass(
        height_m=args.height_m, mass_kg=args.mass_kg, sex=args.sex, table=args.table
    )


def _compare(args: argparse.Namespace) -> None:
    body = _body(args)
    results = [
        simulate(cls(load_kg=args.load_kg), body, n=args.n, legs=args.legs)
        for cls in EXERCISES.values()
    ]
    table = compare_lifts(body, load_kg=args.load_kg, n=args.n, legs=args.legs)
    print(
        f"Hip extension moment, {args.height_m:.2f} m {args.mass_kg:g} kg {args.sex} "
        f"({args.table}), bar {args.load_kg:g} kg"
    )
    print(
        "net internal moment, hip extension positive; quasi-static, default set-ups; "
        + _basis(args.legs)
    )
    label = {
        "peak_hip_moment": "peak",
        "hip_flexion_at_peak_hip": "hip flexion at peak",
        "lockout_hip_moment": "lockout",
        "lockout_to_peak_hip": "lockout/peak",
    }
    units = table.attrs["units"]
    shown = table.rename(
        columns={c: label[c] + (f" [{units[c]}]" if units[c] != "1" else "") for c in table}
    )
    print(shown.to_string(float_format=lambda v: f"{v:.3g}" if abs(v) < 10 else f"{v:.1f}"))
    _hip_thrust_assumptions(body, args)
    if args.no_figure:
        return
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from . import plotting

    fig, ax = plt.subplots(figsize=(8, 5.2), layout="constrained")
    plotting.plot_moment_curves(results, ax=ax)
    ax.set_title(
        f"Hip extension moment, {args.height_m:.2f} m {args.mass_kg:g} kg {args.sex}, "
        f"bar {args.load_kg:g} kg (circle: peak, square: lockout)",
        fontsize="medium",
    )
    fig.savefig(args.out, dpi=150)
    plt.close(fig)
    print(f"wrote {args.out}")


def _hip_thrust_assumptions(body: Body, args: argparse.Namespace) -> None:
    """Where the hip thrust's hip moment peaks under each assumption about the bench, what is
    left at lockout, and the friction each needs of the back and the feet."""
    default = HipThrust()
    print(
        "\nhip thrust: the bench and feet leave the squeeze between them undetermined; the "
        "default takes the least one inside both friction cones (back on pad "
        f"{default.bench_friction:g}, shoes on floor {default.floor_friction:g})"
    )
    for rule in ("least_squeeze", "vertical", "normal"):
        with quiet():  # the idealisations need friction no contact gives: said below
            ds = simulate(HipThrust(load_kg=args.load_kg, bench_reaction=rule), body, n=args.n)
        s = summarize(ds if args.legs == "both" else per_leg(ds))
        back = float(ds["bench_friction_required"].max())
        feet = float(ds["ground_friction_required"].max())
        print(
            f"  {rule:13s} peak {float(s.peak_hip_moment):6.1f} N m at phase "
            f"{float(s.phase_at_peak_hip):.2f} ({float(s.hip_flexion_at_peak_hip):5.1f} deg), "
            f"lockout/peak {float(s.lockout_to_peak_hip):.2f}; friction needed: back "
            f"{back:.2f}, feet {feet:.2f}"
        )


def _fbd(args: argparse.Namespace) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from . import plotting

    cls = EXERCISES[args.exercise]
    kwargs: dict[str, Any] = {"load_kg": args.load_kg}
    if cls is HipThrust:
        kwargs["bench_reaction"] = args.bench_reaction
    ds = simulate(cls(**kwargs), _body(args), n=201)
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 6), layout="constrained")
    plotting.plot_free_body(ds, args.phase, ax=ax)
    out = args.out or f"biomech_fbd_{args.exercise}.png"
    fig.savefig(out, dpi=150)
    plt.close(fig)
    # the diagram balances the loads of both legs; the printed moment is on the asked basis
    at = (per_leg(ds) if args.legs == "one" else ds).sel(phase=args.phase, method="nearest")
    print(
        f"{args.exercise} at phase {float(at['phase']):.2f}: hip flexion "
        f"{float(at['joint_angle'].sel(joint='hip')):.1f} deg, hip moment "
        f"{float(at['net_moment'].sel(joint='hip')):.1f} N m ({_basis(args.legs)})"
    )
    print(f"wrote {out}")


def _tempo(args: argparse.Namespace) -> None:
    start: Literal["top", "bottom"] = args.start or (
        "bottom" if args.exercise == "deadlift" else "top"
    )
    tempo = Tempo._parse(args.tempo, start=start, argument="tempo")
    ds = simulate(
        EXERCISES[args.exercise](load_kg=args.load_kg),
        _body(args),
        tempo=tempo,
        reps=args.reps,
        rate_hz=args.rate_hz,
        legs=args.legs,
    )
    hip = ds.sel(joint="hip")
    print(
        f"{args.exercise}, tempo {tempo.notation} (starting at the {start}), {args.reps} rep(s), "
        f"{args.height_m:.2f} m {args.mass_kg:g} kg {args.sex}, bar {args.load_kg:g} kg"
    )
    print(
        "net internal hip moment, extension positive; lifted = with inertia, held = still; "
        + _basis(args.legs)
    )
    columns = [
        "peak_moment",
        "quasi_static_peak_moment",
        "time_at_peak_moment",
        "phase_at_peak_moment",
        "moment_impulse",
        "quasi_static_moment_impulse",
    ]
    table = hip[columns].to_dataframe()[columns]
    table.columns = [
        "peak lifted [N m]",
        "peak held [N m]",
        "at [s]",
        "at phase",
        "impulse lifted [N m s]",
        "impulse held [N m s]",
    ]
    digits = {c: {"at [s]": 2, "at phase": 3}.get(c, 1) for c in table.columns}
    print(table.to_string(formatters={c: f"{{:.{d}f}}".format for c, d in digits.items()}))
    print(
        f"set: time under tension {float(ds['set_time_under_tension']):g} s, hip moment "
        f"impulse {float(hip['set_moment_impulse']):.1f} N m s lifted, "
        f"{float(hip['set_quasi_static_moment_impulse']):.1f} N m s held"
    )
    if args.no_figure:
        return
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from . import plotting

    fig, ax = plt.subplots(figsize=(8, 5.2), layout="constrained")
    plotting.plot_dynamic_vs_static(ds, ax=ax)
    out = args.out or f"biomech_tempo_{args.exercise}.png"
    fig.savefig(out, dpi=150)
    plt.close(fig)
    print(f"wrote {out}")


def _check_out(args: argparse.Namespace) -> None:
    """Refuse, before any work, a figure that cannot be written where asked."""
    out = getattr(args, "out", None)
    if out is None or getattr(args, "no_figure", False):
        return
    folder = os.path.dirname(os.path.abspath(out))
    if not os.path.isdir(folder):
        msg = f"`out` = {out!r} cannot be written: the folder {folder!r} does not exist."
        raise ValueError(msg)


def _as_options(message: str, args: argparse.Namespace) -> str:
    """A library message with the arguments it names (`load_kg`) as the options that set them
    on the command line (`--load-kg`)."""
    for dest in vars(args):
        if dest not in ("command", "exercise"):
            message = message.replace(f"`{dest}`", f"`--{dest.replace('_', '-')}`")
    return message


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code (0 ok, 2 bad input).

    An error names the option to change (``--load-kg``), the value and what is expected.
    """
    args = _parser().parse_args(argv)
    try:
        _check_out(args)
        if args.command == "compare":
            _compare(args)
        elif args.command == "tempo":
            _tempo(args)
        else:
            _fbd(args)
    except (ValueError, TypeError, OSError) as exc:
        print(f"biomech: error: {_as_options(str(exc), args)}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
