"""Outputs of `compliance check`: one module per format, each with a `render` function.

`render(assessment, registry, lang) -> str | bytes`; text formats may go to stdout, binary
ones (`BINARY`) need `--out`. Modules are imported only when their format is asked for.
"""

from __future__ import annotations

import importlib

# format name -> module in this package
FORMATS = {
    "table": "table",
    "json": "json_",
    "csv": "csv_",
    "markdown": "markdown",
    "html": "html",
    "xlsx": "xlsx",
}
BINARY: set[str] = {"xlsx"}


def renderer(fmt: str):
    """The `render` function of a format."""
    return importlib.import_module(f"compliance.render.{FORMATS[fmt]}").render
