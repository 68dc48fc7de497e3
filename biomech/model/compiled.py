"""The model compiled by numba: the same source files, loaded a second time.

``import biomech.model.compiled.hip_thrust`` loads ``biomech/model/hip_thrust.py`` again as a
module of this package, so that its relative imports (``from ._engine import kernel``) find
the compiled loadings too, where ``kernel`` is ``numba.njit``. Nothing is transcribed: the
compiled engine runs the numpy engine's functions. Importing this package needs numba (the
``fast`` extra).

numba caches each compiled function on disk and checks only the file that defines it, not
the files of the functions it calls (inlined into it), so an edited ``geometry.py`` would
leave a stale ``drive`` behind. The cache is therefore keyed to all the model's sources: when
any of them changes, the model's cached compilations are dropped before anything compiles.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.abc
import importlib.util
import os
import sys

import numba  # noqa: F401  (the compiled engine needs it; ImportError without the extra)

_HERE = os.path.dirname(os.path.abspath(__file__))
_PREFIX = __name__ + "."
#: The model's source files (every module but this loader).
_SOURCES = sorted(
    f for f in os.listdir(_HERE) if f.endswith(".py") and f not in ("__init__.py", "compiled.py")
)

__path__: list[str] = []  # a package whose modules the finder below provides


class _Finder(importlib.abc.MetaPathFinder):
    """Finds ``biomech.model.compiled.<name>`` at ``biomech/model/<name>.py``."""

    def find_spec(self, name, path, target=None):
        if not name.startswith(_PREFIX) or "." in name[len(_PREFIX) :]:
            return None
        source = os.path.join(_HERE, name[len(_PREFIX) :] + ".py")
        if not os.path.isfile(source):
            return None
        return importlib.util.spec_from_file_location(name, source)


def _sources_digest() -> str:
    digest = hashlib.sha256()
    for name in _SOURCES:
        with open(os.path.join(_HERE, name), "rb") as f:
            digest.update(name.encode() + b"\0" + f.read())
    return digest.hexdigest()


def _drop_stale_cache() -> None:
    """Remove numba's cached compilations of the model if any model source changed since
    they were made (best effort: a cache folder that cannot be written is left alone)."""
    cache = os.path.join(_HERE, "__pycache__")
    stamp = os.path.join(cache, "biomech-model-sources.sha256")
    digest = _sources_digest()
    with contextlib.suppress(OSError), open(stamp) as f:
        if f.read() == digest:
            return
    with contextlib.suppress(OSError):
        os.makedirs(cache, exist_ok=True)
        for name in os.listdir(cache):
            if name.endswith((".nbi", ".nbc")):
                os.remove(os.path.join(cache, name))
        with open(stamp, "w") as f:
            f.write(digest)


if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
    sys.meta_path.insert(0, _Finder())
_drop_stale_cache()
