"""The model is written once: an edit to its source changes what both engines compute.

A copy of ``biomech/model`` is loaded as another package and edited: a posture constant (the
hip thrust's default bar offset, ``OFFSET_FRACTION``) and a statics term (the trunk's weight in
``weights``). Each edit alone changes what the numpy loading computes; with both, the
compiled loading (``<copy>.compiled``, numba) computes what the numpy loading does, so it
follows each edit from the same source (one compilation of the posture and its statics: a
copy compiles afresh).
"""

import importlib
import json
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import numpy as np
import pytest

import biomech
from biomech.anthropometry import body_row

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


def load_copy(tmp_path, edits, compiled):
    """The numpy (and, with ``compiled``, the compiled) loadings of a copy of the model with
    ``edits`` applied."""
    name = f"model_copy_{uuid.uuid4().hex[:8]}"
    package = tmp_path / name
    shutil.copytree(MODEL, package / "model", ignore=shutil.ignore_patterns("__pycache__"))
    (package / "__init__.py").write_text("")
    for filename, old, new in edits:
        source = package / "model" / filename
        text = source.read_text()
        assert text.count(old) == 1, (filename, old)
        source.write_text(text.replace(old, new))
    sys.path.insert(0, str(tmp_path))
    try:
        evaluate = importlib.import_module(f"{name}.model.evaluate")
        hip_thrust = importlib.import_module(f"{name}.model.hip_thrust")
        reduce = importlib.import_module(f"{name}.model.reduce")
        drive = importlib.import_module(f"{name}.model.compiled.evaluate") if compiled else None
    finally:
        sys.path.remove(str(tmp_path))
    return evaluate, hip_thrust, reduce, drive


def summaries(tmp_path, edits, compiled):
    """Hip-thrust summaries (rows: set-ups; columns: RepSummary) of a few loads and benches
    for one body, from the numpy loading of a copy of the model with ``edits`` and, with
    ``compiled``, from its compiled loading too."""
    evaluate, hip_thrust, reduce, drive = load_copy(tmp_path, edits, compiled)
    b = body_row(biomech.Body.default())
    loads = np.array([[0.0], [100.0], [200.0], [100.0]])
    benches = np.array([[0.36], [0.38], [0.40], [0.42]])
    nan = np.nan
    s = hip_thrust.setup(
        b, loads, benches, nan, nan, 0.45, 0.0, 0.75, nan, nan, 0.04, 0.5, 0.8, 0.0
    )
    phase = np.linspace(0.0, 1.0, 41)
    g = biomech.STANDARD_GRAVITY
    v = evaluate.hip_thrust_values(b, s, phase, g)
    numpy_block = np.stack(reduce.summary(phase, v, b.heel_x, b.toe_x), axis=1)
    if not compiled:
        return numpy_block, None
    # the compiled posture and statics (``hip_thrust_values``, all but the loops and the
    # reduction: a quicker compilation), one posture at a time, for each set-up's peak
    rows = importlib.import_module(f"{evaluate.__name__.rsplit('.', 2)[0]}.model.rows")
    one_body = rows.BodyRow(*(float(np.asarray(f).reshape(-1)[0]) for f in b))
    compiled_peak = np.empty(4)
    for i in range(4):
        one = type(s)(*(float(np.broadcast_to(np.asarray(f), (4, 1))[i, 0]) for f in s))
        p = float(phase[int(np.argmax(v.hip[i]))])
        compiled_peak[i] = drive.hip_thrust_values(one_body, one, p, g).hip
    return numpy_block, compiled_peak


PEAK = 0  # the column of the peak hip moment


@pytest.mark.parametrize("edit", list(EDITS))
def test_an_edit_in_one_place_changes_the_model(edit, tmp_path):
    unedited, _ = summaries(tmp_path / "unedited", [], compiled=False)
    edited, _ = summaries(tmp_path / "edited", [EDITS[edit]], compiled=False)
    change = edited[:, PEAK] - unedited[:, PEAK]
    assert np.all(np.abs(change) > 1.0), change  # N m: the edit matters


def test_the_compiled_engine_follows_the_edits(tmp_path):
    """(The compiled copy runs in a process of its own: numba would otherwise type the real
    model's later compilations in this process with the copy's classes and cache them so.)"""
    pytest.importorskip("numba")
    unedited, _ = summaries(tmp_path / "unedited", [], compiled=False)
    script = (
        "import json, pathlib, sys; from tests.test_single_source import EDITS, summaries; "
        "e, c = summaries(pathlib.Path(sys.argv[1]), list(EDITS.values()), compiled=True); "
        "print(json.dumps([e.tolist(), c.tolist()]))"
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "edited")],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
    )
    edited, compiled_peak = (np.array(v) for v in json.loads(out.stdout.splitlines()[-1]))
    assert np.all(np.abs(edited[:, PEAK] - unedited[:, PEAK]) > 1.0)
    np.testing.assert_allclose(compiled_peak, edited[:, PEAK], rtol=1e-12)
