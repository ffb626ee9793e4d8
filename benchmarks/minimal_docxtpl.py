"""The baseline of the benchmark: the least a docxtpl script must do for the same document.

Reads content/2024 with PyYAML, renders templates/lampiran2.docx with docxtpl (escaping
on, prose as one plain paragraph each, no checks, no Markdown) and saves it. A cold
``lampiran build`` should take no longer than this script.

    .venv/bin/python benchmarks/minimal_docxtpl.py content/2024 OUT.docx
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml
from docxtpl import DocxTemplate
from markupsafe import Markup, escape

ROOT = Path(__file__).resolve().parent.parent


def paragraph(text: str | None, style: str) -> Markup:
    body = escape(" ".join((text or "-").split()))
    return Markup(
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{body}</w:t></w:r></w:p>'
    )


def context(folder: Path) -> dict[str, Any]:
    dokumen = yaml.safe_load((folder / "dokumen.yaml").read_text("utf-8"))
    sasaran = []
    for number, path in enumerate(sorted((folder / "sasaran").glob("*.yaml")), start=1):
        item = yaml.safe_load(path.read_text("utf-8"))
        indikator = [
            {
                "nomor": n,
                "nama": i["nama"],
                "target": str(i["target"]),
                "relevansi": paragraph(i["relevansi"], "IsiTabel"),
                "formulasi": paragraph(i.get("formulasi"), "IsiTabel"),
                "sumber_data": paragraph(i.get("sumber_data"), "IsiTabel"),
                "penjelasan_target": paragraph(i["penjelasan_target"], "IsiTabel"),
            }
            for n, i in enumerate(item["indikator"], start=1)
        ]
        sasaran.append(
            {
                "nomor": number,
                "sasaran": item["sasaran"],
                "uraian": paragraph(item["uraian"], "IsiUraian"),
                "jumlah_indikator": len(indikator),
                "terbilang": "satu",
                "indikator": indikator,
            }
        )
    return {
        "lampiran": "2",
        "instansi": dokumen["instansi"],
        "tahun": dokumen["tahun"],
        "pemerintah_daerah": "",
        "sasaran": sasaran,
        "penandatangan": None,
    }


def main() -> None:
    template = DocxTemplate(str(ROOT / "templates" / "lampiran2.docx"))
    template.render(context(Path(sys.argv[1])), autoescape=True)
    template.save(sys.argv[2])


if __name__ == "__main__":
    main()
