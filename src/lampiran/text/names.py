"""When two names are the same name: one rule for the checks and for the diff.

``lampiran check`` refuses two indicators with the same name, and ``lampiran diff``
matches indicators and sasaran of two years by name. Both must agree on what "the same"
means, or a pair the check accepts as different would be matched as one by the diff.
Readers do not see invisible characters, spacing or case, so neither do we.
"""

from __future__ import annotations

from lampiran.source import pasted


def name_key(text: str) -> str:
    """``text`` as readers compare it: without invisible characters, spacing or case."""
    return " ".join(pasted.without_invisible(text).split()).casefold()
