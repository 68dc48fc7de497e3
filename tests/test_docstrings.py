"""Every public function and class documents itself with an example that runs (doctest)."""

import inspect

import pytest

import biomech
from biomech import anthropometry, pose, statics, summary

PUBLIC = [
    getattr(biomech, name)
    for name in biomech.__all__
    if (callable(getattr(biomech, name)) and not isinstance(getattr(biomech, name), type))
    or name in {"Body", "HipThrust", "Squat", "Deadlift"}
]
PUBLIC += [
    getattr(m, name)
    for m in (pose, statics, summary, anthropometry)
    for name in m.__all__
    if callable(getattr(m, name))
]
PUBLIC += [
    getattr(biomech.Body, name)
    for name in ("from_height_mass", "default", "segment_length", "segment_mass")
]


@pytest.mark.parametrize("obj", PUBLIC, ids=lambda o: getattr(o, "__qualname__", repr(o)))
def test_has_docstring_with_example(obj):
    doc = inspect.getdoc(obj) or ""
    assert "Examples" in doc, obj
    assert ">>>" in doc, obj
