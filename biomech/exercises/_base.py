"""What every exercise shares: the base class of the set-ups, and how a value is shown."""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar

import numpy as np

from .._repr import html_table, unit_of
from .._validation import array_key, check_real, read_only
from ..anthropometry import Body, body_row
from ..model import geometry
from ..model.geometry import Chain
from ..model.rows import BodyRow
from ..pose import BenchContact, FloorContact, Pose, assemble

__all__ = ["Exercise"]

#: Heaviest barbell any set-up takes, kg: about twice the heaviest bar lifted in any of these
#: lifts (a 501 kg deadlift, H. Bjornsson 2020), so that only impossible loads are refused.
MAX_LOAD_KG = 1000.0


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

    Subclasses define ``name``, ``load_kg`` and ``_pose(body, phase)``; they validate their
    own fields in ``__post_init__``.
    """

    name: ClassVar[str] = "exercise"
    #: External forces other than the segment weights, as :func:`biomech.statics.solve_pose`
    #: names them (the hip thrust adds the bench).
    forces: ClassVar[tuple[str, ...]] = ("bar", "ground")
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
        extra = {"bench_contact": contact.point} if isinstance(contact, BenchContact) else None
        return assemble(b, c, contact, extra)

    def _check_field(self, name: str, *, optional: bool = False, **limits: Any) -> None:
        """Validate the real-valued field ``name`` (see ``check_real``) and store it as float
        (or a read-only float array)."""
        value = getattr(self, name)
        if optional and value is None:
            return
        object.__setattr__(self, name, read_only(check_real(name, value, **limits)))

    def _check_load(self) -> None:
        """Validate ``load_kg``: a barbell mass in [0, :data:`MAX_LOAD_KG`] kg."""
        self._check_field(
            "load_kg",
            low=0.0,
            high=MAX_LOAD_KG,
            expected=f"a barbell mass in kg between 0 and {MAX_LOAD_KG:g}",
        )

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
        """Parameters with their units, for Jupyter."""
        rows = [(f.name, getattr(self, f.name), unit_of(f.name)) for f in dataclasses.fields(self)]  # type: ignore[arg-type]
        return html_table(
            type(self).__name__,
            rows,
            "'default' values are derived from the body; see the docstring.",
        )

    def as_attrs(self) -> dict[str, Any]:
        """The set-up's parameters as flat dataset attributes (``None`` shown as 'default')."""
        out: dict[str, Any] = {"exercise": self.name}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            v = getattr(self, f.name)
            out[f.name] = "default" if v is None else v
        return out
