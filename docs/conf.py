"""Sphinx configuration of the biomech documentation.

Build (CI runs exactly this, warnings are errors)::

    python -m sphinx -W --keep-going -b html docs docs/_build/html

Tutorials and explanation pages are MyST notebooks executed at build time (myst-nb); the
how-to gallery is built from ``examples/plot_*.py`` (sphinx-gallery); the API reference is
generated from the docstrings (autosummary + numpydoc). Nothing here needs the network.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # sphinx-gallery runs the examples in this process
# The notebook kernels inherit this environment: make sure they draw inline (an inherited
# MPLBACKEND=Agg would silently drop every figure from the executed pages).
os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"

import biomech  # noqa: E402

HERE = Path(__file__).resolve().parent

# -- project -------------------------------------------------------------------------------
project = "biomech"
author = "biomech developers"
copyright = "biomech developers, BSD-3-Clause"  # noqa: A001
release = getattr(biomech, "__version__", None) or "0.1.0.dev0"
version = release

# -- extensions ----------------------------------------------------------------------------
extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.mathjax",
    "numpydoc",
    "myst_nb",
    "sphinx_gallery.gen_gallery",
]

source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}
root_doc = "index"
templates_path = ["_templates"]
exclude_patterns = [
    "_build",
    "jupyter_execute",
    ".jupyter_cache",
    "Thumbs.db",
    ".DS_Store",
    # sphinx-gallery writes a notebook, a script and zips next to each generated page; only
    # the .rst pages are sources
    "auto_examples/*.ipynb",
    "auto_examples/*.py",
    "auto_examples/*.zip",
    "auto_examples/*.json",
    "auto_examples/*.md5",
    "auto_examples/*.pickle",
]

# -- MyST and notebook execution -----------------------------------------------------------
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "deflist", "attrs_inline"]
myst_heading_anchors = 3
myst_dmath_double_inline = True

nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_timeout = 120
nb_execution_show_tb = True
nb_merge_streams = True
nb_execution_excludepatterns = ["auto_examples/*"]

# -- API reference -------------------------------------------------------------------------
autosummary_generate = True
autosummary_imported_members = True
# No "members": False here: a non-string default overrides every directive's own :members:
# (Sphinx applies it unconditionally), which left the module and class pages empty.
autodoc_default_options: dict[str, str | bool] = {}
autodoc_typehints = "none"  # numpydoc shows the types from the docstrings
numpydoc_show_class_members = False
numpydoc_class_members_toctree = False
numpydoc_xref_param_type = False
numpydoc_validation_checks: set[str] = set()

# -- sphinx-gallery ------------------------------------------------------------------------
sphinx_gallery_conf = {
    "examples_dirs": str(HERE.parent / "examples"),
    "gallery_dirs": str(HERE / "auto_examples"),
    "filename_pattern": r"/plot_",
    "ignore_pattern": r"__init__\.py",
    "image_scrapers": ("matplotlib",),
    "matplotlib_animations": False,
    "download_all_examples": False,
    "remove_config_comments": True,
    "within_subsection_order": "FileNameSortKey",
    "min_reported_time": 10,
    "show_memory": False,
    "backreferences_dir": None,
    "reset_modules": ("matplotlib",),
    "first_notebook_cell": None,
}

# A gallery example may show a BiomechWarning on purpose; it is printed, not an error.
warnings.filterwarnings("default", category=biomech.BiomechWarning)

# -- HTML ----------------------------------------------------------------------------------
html_theme = "pydata_sphinx_theme"
html_title = f"biomech {release}"
html_static_path = ["_static"]
html_css_files = ["custom.css"]
html_theme_options = {
    "navbar_align": "left",
    "show_toc_level": 2,
    "navigation_with_keys": False,
    "footer_start": ["copyright"],
    "footer_end": ["sphinx-version", "theme-version"],
    "secondary_sidebar_items": ["page-toc"],
}
html_context = {"default_mode": "light"}
html_show_sourcelink = False
