"""What every exercise shares: the base class of the set-ups, and how a value is shown."""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

import numpy as np

from .._repr import html_table
from .._validation import InfeasibleSetupError, array_key
from ..anthropometry import Body, body_row
from ..model import geometry
from ..model.geometry import Chain
from ..model.rows import BodyRow
from ..parameters import parameter, parameters
from ..pose import FloorContact, Pose, assemble

__all__ = ["Exercise"]

#: Heaviest barbell any set-up takes, kg: about twice the heaviest bar lifted in any of these
#: lifts (a 501 kg deadlift, H. Bjornsson 2020), so that only impossible loads are refused.
MAX_LOAD_KG = 1000.0


def LOAD_PARAMETER(doc: str, default: float = 100.0) -> Any:
    """The ``load_kg`` declaration every lift shares: a barbell mass, 0 to
    :data:`MAX_LOAD_KG` kg."""
    return parameter(default, "a barbell mass", doc, unit="kg", low=0.0, high=MAX_LOAD_KG)


def shown(value: Any) -> str:
    """A parameter's value for an error message: its repr, or the range of a swept array.

    Examples
    --------
    >>> shown(0.45), shown(np.array([[0.4], [0.5]]))
    ('0.45', '0.4 to 0.5 (swept)')
    """
    if isinstance(value, np.ndarray) and value.size > 1:
        return f"{np.min(value):g} to {np.max(value):g} (swept)"
    if isinstance(value, np.ndarray):
        return repr(float(value.reshape(())))
    return repr(value)


class Exercise:
    """Base class of the exercise set-ups (frozen dataclasses in the subclasses).

    Subclasses define ``name``, declare their fields with :func:`biomech.parameters.parameter`
    (checked here, in ``__post_init__``) and hand the model their set-up, posture and contact
    (the methods below).
    """

    name: ClassVar[str] = "exercise"
    #: External forces other than the segment weights, as :func:`biomech.statics.solve_pose`
    #: names them (the hip thrust adds the bench).
    forces: ClassVar[tuple[str, ...]] = ("bar", "ground")
    #: Whether the bar rests on the body above the lumbar joint (on the shoulders, in the
    #: hands) rather than on the pelvis.
    bar_above_lumbar: ClassVar[bool] = True
    load_kg: Any

    # ---------------------------------------------------------------- the model's view ----
    # Each exercise hands the model its set-up (validated), its posture and its contact; the
    # statics and the reductions are the model's (:mod:`biomech.model`), the same for every
    # exercise and both engines.

    def _prepare(self, b: BodyRow) -> Any:  # pragma: no cover - abstract
        """The model's set-up of these set-ups for the body rows ``b``; raises
        :class:`~biomech.InfeasibleSetupError` for one the body cannot perform."""
        raise NotImplementedError

    def _chain(self, b: BodyRow, prepared: Any, phase) -> tuple[Chain, Any]:  # pragma: no cover
        """The posture at ``phase`` (a :class:`~biomech.model.geometry.Chain`) and its reach
        ratio (``None`` where the exercise has no reach limit)."""
        raise NotImplementedError

    def _contact(self, b: BodyRow, prepared: Any, c: Chain) -> Any:
        """How the body is supported (:mod:`biomech.pose`): the floor alone by default."""
        return FloorContact()

    def _values(self, b: BodyRow, prepared: Any, phase, g: float) -> Any:  # pragma: no cover
        """What a summary reads of the postures at ``phase``
        (:class:`~biomech.model.reduce.PostureValues`)."""
        raise NotImplementedError

    def _check_extremes(self, prepared: Any, max_reach, max_flexion_deg) -> None:
        """Refuse a set-up whose rep leaves what a body can do, from its extremes over the
        rep: the largest reach ratio in size and the largest hip flexion (deg)."""

    def _check_rep(self, summary: Any) -> None:
        """Refuse a set-up whose reactions a contact cannot give somewhere in the rep, from a
        summary's extremes (:class:`~biomech.model.reduce.RepSummary` of columns, one entry
        per set-up): here, a floor that would have to pull the feet down."""
        vertical = np.asarray(summary.min_ground_vertical)
        if np.any(vertical <= 0.0):
            msg = (
                f"{self.name}: the floor would have to pull the feet down somewhere in the rep "
                f"(vertical ground reaction {float(np.min(vertical)):.1f} N): the bench would "
                "carry the whole weight; move the feet (`feet_distance_m`, `cop_fraction`) or "
                "change `bench_reaction`."
            )
            raise InfeasibleSetupError(msg)

    def _pose(self, body: Body, phase: np.ndarray) -> Pose:
        """The labelled posture at ``phase`` (0 bottom, 1 lockout), for one body or a 1-D
        population (shape ``body.shape + phase.shape``)."""
        b = body_row(body)
        prepared = self._prepare(b)
        c, ratio = self._chain(b, prepared, np.asarray(phase, dtype=float))
        if ratio is not None:
            flexion = np.rad2deg(np.max(geometry.hip_flexion(c), axis=-1))
            self._check_extremes(prepared, np.max(np.abs(ratio), axis=-1), flexion)
        contact = self._contact(b, prepared, c)
        defaults = {
            name: value
            for name, value in self._resolved(b, prepared).items()
            if getattr(self, name) is None
        }
        return assemble(b, c, contact, contact.named_points(), defaults, self.bar_above_lumbar)

    def __post_init__(self) -> None:
        """Every declared field checked (:mod:`biomech.parameters`) and stored as a float, a
        read-only float array, a choice or ``None``."""
        for name, p in parameters(self).items():
            object.__setattr__(self, name, p.check(name, getattr(self, name)))

    def _numbers(self) -> tuple[Any, ...]:
        """The numeric fields in declaration order, NaN for ``None`` (what the model reads)."""
        return tuple(
            np.nan if getattr(self, name) is None else getattr(self, name)
            for name, p in parameters(self).items()
            if p.choices is None
        )

    def _resolved(self, b: BodyRow, prepared: Any) -> dict[str, Any]:
        """The value each field left to ``None`` takes for the body rows ``b`` (by name)."""
        return {}

    def resolved(self, body: Body | None = None) -> Exercise:
        """This set-up with every field left to ``None`` replaced by the value it takes for
        ``body`` (one body; default :meth:`Body.default`): what to report as the set-up
        actually used.

        Raises
        ------
        InfeasibleSetupError
            For a set-up the body cannot perform.

        Examples
        --------
        >>> import biomech
        >>> t = biomech.HipThrust().resolved(biomech.Body.default())
        >>> round(t.bench_height_m, 3), round(t.feet_distance_m, 3)  # shank vertical at lockout
        (0.4, 0.834)
        """
        if body is None:
            body = Body.default()
        if not isinstance(body, Body) or body.shape:
            msg = f"`body` must be one biomech.Body; got {body!r}."
            raise TypeError(msg)
        b = body_row(body)
        values = self._resolved(b, self._prepare(b))
        changes = {
            name: float(np.asarray(values[name]).reshape(-1)[0])
            for name in values
            if getattr(self, name) is None
        }
        return dataclasses.replace(self, **changes)  # type: ignore[type-var]

    def _key(self) -> tuple[Any, ...]:
        fields = dataclasses.fields(self)  # type: ignore[arg-type]
        return (type(self), *(array_key(getattr(self, f.name)) for f in fields))

    def __eq__(self, other: object) -> bool:
        """Set-ups are equal when they are the same exercise with equal fields (arrays by
        value)."""
        if not isinstance(other, Exercise):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def _repr_html_(self) -> str:
        """Parameters with their units (and the meaning of a ``None``), for Jupyter."""
        rows = []
        for name, p in parameters(self).items():
            value = getattr(self, name)
            if value is None:
                rows.append((name, f"default: {p.none}", ""))
            else:
                rows.append((name, value, "" if p.unit in ("", "1") else p.unit))
        return html_table(
            type(self).__name__,
            rows,
            "defaults are derived from the body: .resolved(body) gives their values.",
        )

    def as_attrs(self, defaults: dict[str, Any] | None = None) -> dict[str, Any]:
        """The set-up's parameters as flat dataset attributes: a field left to ``None`` shows
        the value it took (``defaults``, by name, when it is one number) or 'default', and the
        attribute ``defaults`` says what each such field's default is."""
        out: dict[str, Any] = {"exercise": self.name}
        rules = []
        for name, p in parameters(self).items():
            v = getattr(self, name)
            if v is None:
                value = np.unique(np.asarray((defaults or {}).get(name, np.nan), dtype=float))
                out[name] = (
                    float(value[0]) if value.size == 1 and np.isfinite(value[0]) else "default"
                )
                rules.append(f"{name}: {p.none}")
            else:
                out[name] = v
        if rules:
            out["defaults"] = "; ".join(rules)
        return out
