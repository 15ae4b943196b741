"""Output to a console that cannot encode Slovenian letters (cp1252, PYTHONIOENCODING=ascii).

Instead of a UnicodeEncodeError traceback, characters the console cannot show fall back
to their nearest plain letters (č -> c, Š -> S), typographic marks to ASCII ones, and
anything else to "?". Consoles that can encode them are left alone.
"""

from __future__ import annotations

import codecs
import io
import sys
import unicodedata

ERRORS = "compliance-fallback"
_PROBE = "čšžČŠŽ–»«✓"  # what the outputs print: letters, dashes, quotes, marks
_MARKS = {"–": "-", "—": "-", "»": '"', "«": '"', "„": '"', "“": '"', "”": '"', "‘": "'", "’": "'",
          "…": "...", "·": "-", "•": "*", "✓": "v", "✗": "x", "◐": "~", "→": "->", "×": "x", "\u00a0": " "}


def _plain(char: str) -> str:
    if char in _MARKS:
        return _MARKS[char]
    base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
    return base or "?"


def _fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return "".join(_plain(char) for char in error.object[error.start:error.end]), error.end


codecs.register_error(ERRORS, _fallback)


def fall_back_cleanly(*streams: object) -> None:
    """Let these text streams (default: stdout and stderr) write what their encoding cannot."""
    for stream in streams or (sys.stdout, sys.stderr):
        # Python's defaults are strict (stdout) and backslashreplace (stderr); another
        # handler is the user's choice (PYTHONIOENCODING=cp1252:replace) and is kept.
        if not isinstance(stream, io.TextIOWrapper) or stream.errors not in ("strict", "backslashreplace"):
            continue
        try:
            _PROBE.encode(stream.encoding)
        except (UnicodeEncodeError, LookupError):
            stream.reconfigure(errors=ERRORS)
