"""Command-line entry point: ``biomech compare``.

Examples
--------
>>> main(["compare", "--load-kg", "60"])  # doctest: +ELLIPSIS
Hip extension moment, 1.80 m 80 kg male (de_leva_1996), bar 60 kg
...
0
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .anthropometry import Body
from .summary import DEFAULT_LOAD_KG, compare_lifts

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="biomech",
        description=(
            "Planar quasi-static biomechanics of the barbell hip thrust, back squat and "
            "deadlift: net joint moments over the range of motion."
        ),
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    compare = sub.add_parser(
        "compare",
        help="compare the hip extension moment of the three lifts",
        description=(
            "Run the hip thrust, back squat and deadlift (default set-ups) for one body and one "
            "barbell load, and print per lift: the peak hip extension moment, the hip flexion "
            "at the peak, the hip moment at lockout and the lockout/peak ratio."
        ),
    )
    compare.add_argument(
        "--load-kg",
        type=float,
        default=DEFAULT_LOAD_KG,
        help="barbell mass for every lift, kg (default %(default)s)",
    )
    compare.add_argument(
        "--height-m", type=float, default=1.80, help="stature, m (default %(default)s)"
    )
    compare.add_argument(
        "--mass-kg", type=float, default=80.0, help="body mass, kg (default %(default)s)"
    )
    compare.add_argument(
        "--sex",
        choices=("male", "female"),
        default="male",
        help="selects the segment table (default %(default)s)",
    )
    compare.add_argument(
        "--table",
        choices=("de_leva_1996", "winter_2009"),
        default="de_leva_1996",
        help="segment table (default %(default)s)",
    )
    compare.add_argument(
        "--n", type=int, default=201, help="samples over the range of motion (default %(default)s)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        body = Body.from_height_mass(
            height_m=args.height_m, mass_kg=args.mass_kg, sex=args.sex, table=args.table
        )
        table = compare_lifts(body, load_kg=args.load_kg, n=args.n)
    except (ValueError, TypeError) as exc:
        print(f"biomech: error: {exc}", file=sys.stderr)
        return 2
    print(
        f"Hip extension moment, {args.height_m:.2f} m {args.mass_kg:g} kg {args.sex} "
        f"({args.table}), bar {args.load_kg:g} kg"
    )
    print("net internal moment, hip extension positive; quasi-static, default set-ups")
    shown = table.rename(
        columns={
            "peak_hip_moment_Nm": "peak [N m]",
            "hip_flexion_at_peak_deg": "hip flexion at peak [deg]",
            "lockout_hip_moment_Nm": "lockout [N m]",
            "lockout_to_peak": "lockout/peak",
        }
    )
    print(shown.to_string(float_format=lambda v: f"{v:.3g}" if abs(v) < 10 else f"{v:.1f}"))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
