"""The naive docxtpl script: what one writes first to make the same document.

Reads content/2024 with ``yaml.safe_load``, turns each prose field into text through
Python-Markdown, spells the number of indicators with ``num2words`` and the date with
Babel, renders templates/lampiran2.docx with ``DocxTemplate.render`` and saves it: the
usual libraries imported whole, no checks. The benchmark's aim is a cold
``lampiran build`` within 0.7x of this script's time.

    .venv/bin/python benchmarks/naive_docxtpl.py content/2024 OUT.docx
"""

from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path
from typing import Any

import markdown
import yaml
from babel.dates import format_date
from docxtpl import DocxTemplate
from markupsafe import Markup, escape
from num2words import num2words

ROOT = Path(__file__).resolve().parent.parent


def paragraphs(text: str | None, style: str) -> Markup:
    html = markdown.markdown(text or "-")
    body = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{escape(part)}</w:t></w:r></w:p>'
        for part in (re.sub(r"<[^>]+>", "", block).strip() for block in html.split("\n"))
        if part
    )
    return Markup(body)


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
                "relevansi": paragraphs(i["relevansi"], "IsiTabel"),
                "formulasi": paragraphs(i.get("formulasi"), "IsiTabel"),
                "sumber_data": paragraphs(i.get("sumber_data"), "IsiTabel"),
                "penjelasan_target": paragraphs(i["penjelasan_target"], "IsiTabel"),
            }
            for n, i in enumerate(item["indikator"], start=1)
        ]
        sasaran.append(
            {
                "nomor": number,
                "sasaran": item["sasaran"],
                "uraian": paragraphs(item["uraian"], "IsiUraian"),
                "jumlah_indikator": len(indikator),
                "terbilang": num2words(len(indikator), lang="id"),
                "indikator": indikator,
            }
        )
    tanggal = format_date(datetime.date(dokumen["tahun"], 1, 2), "d MMMM y", locale="id")
    return {
        "lampiran": str(dokumen.get("lampiran", 2)),
        "instansi": dokumen["instansi"],
        "tahun": dokumen["tahun"],
        "pemerintah_daerah": dokumen.get("pemerintah_daerah") or "",
        "sasaran": sasaran,
        "penandatangan": None,
        "tanggal": tanggal,
    }


def main() -> None:
    template = DocxTemplate(str(ROOT / "templates" / "lampiran2.docx"))
    template.render(context(Path(sys.argv[1])), autoescape=True)
    template.save(sys.argv[2])


if __name__ == "__main__":
    main()
