"""Rich HTML representations for Jupyter (the text ``repr`` stays the fallback)."""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

import numpy as np


def _fmt(value: Any) -> str:
    if value is None:
        return "default"
    if isinstance(value, np.ndarray):
        return f"array {value.shape}, {np.min(value):g} to {np.max(value):g}"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def html_table(title: str, rows: Iterable[tuple[str, Any, str]], note: str = "") -> str:
    """A small two-column HTML table: parameter, value with unit.

    Examples
    --------
    >>> "<td>1.8 m</td>" in html_table("Body", [("height_m", 1.8, "m")])
    True
    """

    def cell(value: Any, unit: str) -> str:
        text = _fmt(value) + (f" {unit}" if unit and value is not None else "")
        return html.escape(text)

    body = "".join(
        f"<tr><th style='text-align:left'>{html.escape(name)}</th><td>{cell(value, unit)}</td></tr>"
        for name, value, unit in rows
    )
    foot = f"<p style='font-size:smaller'>{html.escape(note)}</p>" if note else ""
    return f"<div><strong>{html.escape(title)}</strong><table>{body}</table>{foot}</div>"
