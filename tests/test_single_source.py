"""The model is written once: an edit to its source changes what both engines compute.

A copy of ``biomech/model`` is loaded as another package, edited in one place: a posture
constant (the hip thrust's default bar offset, ``OFFSET_FRACTION``) or a statics term (the
trunk's weight in ``weights``). Its numpy loading and its compiled loading
(``<copy>.compiled``) are then run on the same set-ups: both change from the unedited model,
by the same amount.
"""

import importlib
import shutil
import sys
import uuid
from pathlib import Path

import numpy as np
import pytest

import biomech
from biomech.anthropometry import body_row

pytest.importorskip("numba")

MODEL = Path(biomech.__file__).parent / "model"
EDITS = {
    "posture constant": (
        "hip_thrust.py",
        "OFFSET_FRACTION = 0.055",
        "OFFSET_FRACTION = 0.065",
    ),
    "statics term": (
        "statics.py",
        "-g * b.m_trunk,",
        "-g * 1.25 * b.m_trunk,",
    ),
}


def load_copy(tmp_path, edit):
    """The numpy and compiled loadings of a copy of the model with ``edit`` applied."""
    name = f"model_copy_{uuid.uuid4().hex[:8]}"
    package = tmp_path / name
    shutil.copytree(MODEL, package / "model", ignore=shutil.ignore_patterns("__pycache__"))
    (package / "__init__.py").write_text("")
    if edit is not None:
        filename, old, new = edit
        source = package / "model" / filename
        text = source.read_text()
        assert text.count(old) == 1, (filename, old)
        source.write_text(text.replace(old, new))
    sys.path.insert(0, str(tmp_path))
    try:
        evaluate = importlib.import_module(f"{name}.model.evaluate")
        hip_thrust = importlib.import_module(f"{name}.model.hip_thrust")
        reduce = importlib.import_module(f"{name}.model.reduce")
        drive = importlib.import_module(f"{name}.model.compiled.drive")
    finally:
        sys.path.remove(str(tmp_path))
    return evaluate, hip_thrust, reduce, drive


def both_engines(tmp_path, edit):
    """Hip-thrust summaries (rows: set-ups; columns: RepSummary) of a few loads and benches
    for one body, from the numpy loading and from the compiled loading of the copy."""
    evaluate, hip_thrust, reduce, drive = load_copy(tmp_path, edit)
    b = body_row(biomech.Body.default())
    loads = np.array([[0.0], [100.0], [200.0], [100.0]])
    benches = np.array([[0.40], [0.45], [0.50], [np.nan]])
    nan = np.nan
    s = hip_thrust.setup(b, loads, benches, nan, nan, 0.45, 0.0, 0.75, nan, nan)
    phase = np.linspace(0.0, 1.0, 41)
    g = biomech.STANDARD_GRAVITY
    v = evaluate.hip_thrust_values(b, s, hip_thrust.bottom(b, s), phase, g, False)
    numpy_block = np.stack(reduce.summary(phase, v, b.heel_x, b.toe_x), axis=1)
    rows = [np.broadcast_to(np.asarray(f, dtype=float), (4, 1))[:, 0] for f in s]
    setups = np.ascontiguousarray(np.stack(rows, axis=1))
    bodies = np.ascontiguousarray(np.stack([np.asarray(f, dtype=float) for f in b], axis=1))
    compiled_block = np.empty_like(numpy_block)
    drive.hip_thrust_block(bodies, setups, phase, g, False, compiled_block)
    return numpy_block, compiled_block


@pytest.fixture(scope="module")
def unedited(tmp_path_factory):
    return both_engines(tmp_path_factory.mktemp("unedited"), None)


@pytest.mark.parametrize("edit", list(EDITS))
def test_an_edit_in_one_place_changes_both_engines_alike(edit, unedited, tmp_path):
    base_numpy, base_compiled = unedited
    np.testing.assert_allclose(base_compiled, base_numpy, rtol=1e-12, atol=1e-9)
    edited_numpy, edited_compiled = both_engines(tmp_path, EDITS[edit])
    peak = 0  # the peak hip moment of each set-up
    change = edited_numpy[:, peak] - base_numpy[:, peak]
    assert np.all(np.abs(change) > 1.0), change  # N m: the edit matters
    np.testing.assert_allclose(edited_compiled, edited_numpy, rtol=1e-12, atol=1e-9)
