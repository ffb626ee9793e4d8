"""How staff write lists, normalised for the Markdown parser; light enough for ``check``.

Python-Markdown needs four spaces for nesting and a blank line before a list, and has
no bound on nesting. :func:`tolerate_staff_lists` rewrites the lines the way the parser
(:mod:`lampiran.text.markdown`) needs them; :func:`too_deep_lines` tells ``lampiran
check`` which items it moved up, by the very same pass, without importing the parser.
"""

from __future__ import annotations

import re

MAX_LIST_LEVEL = 1
"""The deepest list level printed (0-based): a list and lists nested one level in it."""

MARKDOWN_TAB = 4

LIST_ITEM = re.compile(r"^( *)(?:[-*+]|\d+\.)[ \t]+\S")
"""A line that starts a list item, as the document prints it (and the diff splits it)."""


def too_deep_lines(text: str) -> list[int]:
    """The 1-based lines of ``text`` holding list items nested deeper than printed.

    Counted by the same normalisation the parser applies, so ``lampiran check`` warns
    about exactly the items that :func:`lampiran.text.markdown.parse_prose` moves up to
    the second level.
    """
    lines = text.expandtabs(MARKDOWN_TAB).split("\n")
    deep: list[int] = []
    tolerate_staff_lists(lines, deep)
    return deep


def tolerate_staff_lists(lines: list[str], too_deep: list[int]) -> list[str]:
    """Accept lists as staff write them: nested by two spaces, and under a paragraph line.

    Python-Markdown needs four spaces for nesting and a blank line before a list; both
    are added here. A line indented by one to three spaces inside a list is moved to
    four (a nested item, or a further paragraph of the item); a list right after a
    paragraph line (or after an item's further lines), or a bullet list right after a
    numbered one, gets a blank line first. A list item indented deeper than the second
    level is moved to the second level, and its line number (1-based) is added to
    ``too_deep``.
    """
    result: list[str] = []
    in_list = False
    previous_blank = True
    previous_marker = ""
    previous_item = False
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            result.append(line)
            previous_blank = True
            continue
        indent = len(line) - len(line.lstrip(" "))
        match = LIST_ITEM.match(line)
        if in_list and 0 < indent < MARKDOWN_TAB:
            line = " " * MARKDOWN_TAB + line[indent:]
        elif in_list and indent > MARKDOWN_TAB and match:
            too_deep.append(number)
            line = " " * MARKDOWN_TAB + line[indent:]
        elif in_list and indent > 2 * MARKDOWN_TAB:
            # A further line of a deep item: no deeper than a paragraph of the second level.
            line = " " * (2 * MARKDOWN_TAB) + line[indent:]
        elif match and indent == 0:
            marker = "decimal" if line[0].isdigit() else "bullet"
            continues = in_list and previous_item and marker == previous_marker
            if not previous_blank and not continues:
                result.append("")
            previous_marker = marker
            in_list = True
        elif indent == 0 and previous_blank:
            in_list = False
        result.append(line)
        previous_blank = False
        previous_item = match is not None
    return result
