"""The parameters of a set-up, declared once: unit, range, meaning, and what ``None`` means.

Each exercise declares its fields with :func:`parameter`; the declaration drives the field's
validation, the "Parameters" section of the class's docstring, its units in reprs and in the
coordinates of a sweep, and the order in which the model reads it. The core knows no
exercise: an exercise is any frozen dataclass whose fields are declared here.

Examples
--------
>>> import biomech
>>> p = parameters(biomech.Squat)["depth_deg"]
>>> p.unit, p.low, p.high
('deg', -45.0, 45.0)
>>> print(p.expected)
a thigh angle below horizontal in deg in [-45, 45]
"""

from __future__ import annotations

import dataclasses
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ._validation import check_choice, check_real, read_only

__all__ = ["Parameter", "describe", "parameter", "parameters"]

_KEY = "biomech.parameter"


@dataclass(frozen=True, slots=True)
class Parameter:
    """A declared field of a set-up.

    Attributes
    ----------
    what : str
        What the value is, for messages (``"a barbell mass"``).
    doc : str
        What it means, for the docstring (sentences).
    unit : str
        ``"kg"``, ``"m"``, ``"deg"``, ``"1"`` (a fraction) or ``""`` (a choice).
    low, high : float, optional
        The allowed range (ends included unless ``low_open``/``high_open``).
    choices : tuple of str, optional
        The allowed values of a categorical field.
    none : str, optional
        What ``None`` means (the field may then be ``None``), e.g. ``"the lifter's knee
        height"``: the value is derived from the body.
    """

    what: str
    doc: str
    unit: str = ""
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False
    choices: tuple[str, ...] | None = None
    none: str | None = None

    @property
    def interval(self) -> str:
        """The range as an interval, ``[0, 1000]`` or ``(0, 2]``."""
        left, right = "(" if self.low_open else "[", ")" if self.high_open else "]"
        return f"{left}{self.low:g}, {self.high:g}{right}"

    @property
    def expected(self) -> str:
        """What a value must be, for an error message."""
        unit = f" in {self.unit}" if self.unit not in ("", "1") else ""
        text = f"{self.what}{unit} in {self.interval}"
        return text + (" (or None)" if self.none is not None else "")

    def check(self, name: str, value: Any) -> Any:
        """``value`` validated (a float, or a read-only float array; a choice as is)."""
        if value is None and self.none is not None:
            return None
        if self.choices is not None:
            return check_choice(name, value, self.choices)
        checked = check_real(
            name,
            value,
            low=self.low,
            high=self.high,
            low_inclusive=not self.low_open,
            high_inclusive=not self.high_open,
            expected=self.expected,
        )
        return read_only(checked)

    def docstring(self, name: str, default: Any) -> str:
        """The numpydoc entry of the field ``name`` (default ``default``)."""
        if self.choices is not None:
            kind = "{" + ", ".join(repr(c) for c in self.choices) + "}"
            body = self.doc
        else:
            kind = "float or None" if self.none is not None else "float"
            unit = "" if self.unit in ("", "1") else f" {self.unit}"
            body = f"{self.doc} In {self.interval}{unit}."
            if self.none is not None:
                body += f" ``None``: {self.none}."
        head = f"{name} : {kind}, default {default!r}"
        # an interval is not broken across lines: wrap with its space held by a placeholder
        held = (
            body.replace(self.interval, self.interval.replace(" ", "\0"))
            if self.low is not None
            else body
        )
        text = textwrap.fill(held, width=88, initial_indent="    ", subsequent_indent="    ")
        return head + "\n" + text.replace("\0", " ")


def parameter(default: Any, what: str, doc: str, **declared: Any) -> Any:
    """A dataclass field with its :class:`Parameter` declaration (the arguments of which are
    ``what``, ``doc`` and ``declared``), defaulting to ``default``."""
    return dataclasses.field(default=default, metadata={_KEY: Parameter(what, doc, **declared)})


def parameters(cls: Any) -> Mapping[str, Parameter]:
    """The declared parameters of an exercise class or instance, in field order."""
    return {
        f.name: f.metadata[_KEY]
        for f in dataclasses.fields(cls)
        if _KEY in f.metadata
    }  # fmt: skip


#: The marker in a class docstring that :func:`describe` replaces by its parameters.
MARKER = "    Parameters\n    ----------\n    (declared)\n"


def describe(cls: Any) -> Any:
    """Write the "Parameters" section of ``cls``'s docstring from its declarations (in place
    of :data:`MARKER`); returns ``cls`` (a class decorator)."""
    entries = [
        p.docstring(f.name, f.default)
        for f in dataclasses.fields(cls)
        if (p := f.metadata.get(_KEY)) is not None
    ]
    section = "    Parameters\n    ----------\n" + textwrap.indent("\n".join(entries), "    ")
    if cls.__doc__ is None or MARKER not in cls.__doc__:  # pragma: no cover - a coding slip
        msg = f"{cls.__name__}'s docstring has no parameters marker"
        raise AssertionError(msg)
    cls.__doc__ = cls.__doc__.replace(MARKER, section + "\n")
    return cls
