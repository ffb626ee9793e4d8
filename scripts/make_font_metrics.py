"""Generate src/lampiran/data/arial-metrics.json from the installed Liberation Sans.

Liberation Sans is metric-compatible with Arial (every character has Arial's advance
width), so its widths stand for the template's default font wherever a document is made,
whether Arial, Liberation Sans or neither is installed: column widths, and so the bytes
of a document, never depend on the machine. Run after a Liberation release changes:

    .venv/bin/python scripts/make_font_metrics.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from lampiran.writers.docx.fonts import BUNDLED_METRICS, metrics_record

ROOT = Path(__file__).resolve().parent.parent
FONT_FOLDER = Path("/usr/share/fonts/truetype/liberation")
FACES = {
    "regular": "LiberationSans-Regular.ttf",
    "bold": "LiberationSans-Bold.ttf",
    "italic": "LiberationSans-Italic.ttf",
    "bold-italic": "LiberationSans-BoldItalic.ttf",
}


def main() -> int:
    target = ROOT / "src" / "lampiran" / BUNDLED_METRICS
    paths = {face: FONT_FOLDER / name for face, name in FACES.items()}
    missing = [path.as_posix() for path in paths.values() if not path.is_file()]
    if missing:
        print(f"tidak ada: {', '.join(missing)} (pasang fonts-liberation)", file=sys.stderr)
        return 1
    target.write_text(metrics_record(paths), encoding="utf-8")
    print(f"ditulis: {target.relative_to(ROOT).as_posix()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
