"""Layout facts of the built document read from its XML, and the template itself."""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path

import pytest

from conftest import CONTENT_2024, REPO_ROOT, Outcome, run_lampiran
from docxread import W, part, render_folder

LENGKAP_2025 = REPO_ROOT / "tests" / "data" / "lengkap" / "2025"
TEMPLATE = REPO_ROOT / "templates" / "lampiran2.docx"
PACKAGED_TEMPLATE = REPO_ROOT / "src" / "lampiran" / "templates" / "lampiran2.docx"
MM = 56.6929  # twips per millimetre


def attr(element: object, name: str) -> str:
    value = element.get(f"{W}{name}")  # type: ignore[attr-defined]
    assert value is not None, name
    return str(value)


def styles_with_keep_next(data: bytes) -> set[str]:
    styles = part(data, "word/styles.xml")
    return {
        attr(style, "styleId")
        for style in styles.iter(f"{W}style")
        if style.find(f"{W}pPr/{W}keepNext") is not None
    }


@pytest.mark.parametrize(("paper", "width_mm", "height_mm"), [("F4", 215, 330), ("A4", 210, 297)])
def test_page_size_and_margins(paper: str, width_mm: int, height_mm: int) -> None:
    document = part(render_folder(CONTENT_2024, paper=paper), "word/document.xml")

    size = document.find(f".//{W}sectPr/{W}pgSz")
    margins = document.find(f".//{W}sectPr/{W}pgMar")
    assert size is not None and margins is not None
    assert round(int(attr(size, "w")) / MM) == width_mm
    assert round(int(attr(size, "h")) / MM) == height_mm
    assert [
        round(int(attr(margins, side)) / MM) for side in ("top", "bottom", "left", "right")
    ] == [25, 30, 30, 25]


@pytest.mark.parametrize("paper", ["F4", "A4"])
def test_tables_fill_the_text_width_of_the_paper(paper: str) -> None:
    document = part(render_folder(CONTENT_2024, paper=paper), "word/document.xml")
    size = document.find(f".//{W}sectPr/{W}pgSz")
    margins = document.find(f".//{W}sectPr/{W}pgMar")
    assert size is not None and margins is not None
    text_width = int(attr(size, "w")) - int(attr(margins, "left")) - int(attr(margins, "right"))

    for table in document.iter(f"{W}tbl"):
        columns = [int(attr(c, "w")) for c in table.iter(f"{W}gridCol")]
        assert abs(sum(columns) - text_width) <= len(columns)


def test_header_rows_repeat_short_rows_stay_whole_and_tall_rows_may_split() -> None:
    document = part(render_folder(CONTENT_2024), "word/document.xml")

    tables = list(document.iter(f"{W}tbl"))
    assert len(tables) == 6
    for table in tables:
        rows = table.findall(f"{W}tr")
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
        assert rows[0].find(f"{W}trPr/{W}cantSplit") is not None
        assert all(row.find(f"{W}trPr/{W}tblHeader") is None for row in rows[1:])
    # Each indicator row (a relevansi of eight lines and more) may continue on the next
    # page under the repeated header.
    for indicator_table in tables[0::2]:
        assert indicator_table.find(f"{W}tr[2]/{W}trPr/{W}cantSplit") is None


def test_a_short_row_after_the_first_stays_whole() -> None:
    document = part(render_folder(LENGKAP_2025), "word/document.xml")

    target_rows = list(document.iter(f"{W}tbl"))[1].findall(f"{W}tr")
    # "Indeks Kepuasan Pengguna Jalan" | BB | "Nilai BB berarti baik.": two lines.
    assert "Indeks Kepuasan" in "".join(t.text or "" for t in target_rows[2].iter(f"{W}t"))
    assert target_rows[2].find(f"{W}trPr/{W}cantSplit") is not None


def test_headings_and_table_introductions_keep_with_the_next_paragraph() -> None:
    data = render_folder(CONTENT_2024)
    document = part(data, "word/document.xml")
    keep = styles_with_keep_next(data)

    by_text: dict[str, str] = {}
    for paragraph in document.iter(f"{W}p"):
        text = "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        by_text.setdefault(text, attr(style, "val") if style is not None else "")
    for heading in (
        "Penjelasan Kinerja 1",
        "Uraian Sasaran",
        "Indikator Kinerja",
        "Target Kinerja",
        "Meningkatnya Disiplin Aparatur",
        "Sasaran kinerja ini memiliki",
        "Dalam perjanjian kinerja ini",
    ):
        style = next(v for k, v in by_text.items() if k.startswith(heading))
        assert style in keep, heading


def test_signature_block_is_one_unsplittable_unit_kept_with_the_lines_before_it() -> None:
    data = render_folder(LENGKAP_2025)
    document = part(data, "word/document.xml")
    keep = styles_with_keep_next(data)

    def keeps_with_next(paragraph: object) -> bool:
        properties = paragraph.find(f"{W}pPr")  # type: ignore[attr-defined]
        style = properties.find(f"{W}pStyle") if properties is not None else None
        return (properties is not None and properties.find(f"{W}keepNext") is not None) or (
            style is not None and attr(style, "val") in keep
        )

    tables = list(document.iter(f"{W}tbl"))
    signature, last_content = tables[-1], tables[-2]
    signature_rows = signature.findall(f"{W}tr")
    assert all(row.find(f"{W}trPr/{W}cantSplit") is not None for row in signature_rows)
    assert all(keeps_with_next(p) for p in signature_rows[0].iter(f"{W}p"))
    assert all(keeps_with_next(p) for p in last_content.findall(f"{W}tr")[-1].iter(f"{W}p"))
    between = signature.getprevious()
    while between is not last_content:
        assert between.tag == f"{W}p" and keeps_with_next(between)
        between = between.getprevious()


def test_body_is_arial_12_tables_11_language_indonesian() -> None:
    styles = part(render_folder(CONTENT_2024), "word/styles.xml")

    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert defaults is not None
    fonts = defaults.find(f"{W}rFonts")
    assert fonts is not None and attr(fonts, "ascii") == "Arial" and attr(fonts, "hAnsi") == "Arial"
    assert attr(defaults.find(f"{W}sz"), "val") == "24"
    assert attr(defaults.find(f"{W}lang"), "val") == "id-ID"
    table_text = styles.find(f"{W}style[@{W}styleId='IsiTabel']/{W}rPr/{W}sz")
    assert table_text is not None and attr(table_text, "val") == "22"


def test_footer_prints_the_page_number() -> None:
    data = render_folder(CONTENT_2024)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        footers = [n for n in package.namelist() if n.startswith("word/footer")]

    assert footers
    assert any(
        " PAGE " in (field.get(f"{W}instr") or "")
        for name in footers
        for field in part(data, name).iter(f"{W}fldSimple")
    )


def test_lists_use_word_numbering_and_every_list_restarts() -> None:
    data = render_folder(LENGKAP_2025)
    document = part(data, "word/document.xml")
    numbering = part(data, "word/numbering.xml")

    used = [
        attr(p.find(f"{W}pPr/{W}numPr/{W}numId"), "val")
        for p in document.iter(f"{W}p")
        if p.find(f"{W}pPr/{W}numPr") is not None
    ]
    texts = "".join(t.text or "" for t in document.iter(f"{W}t"))
    nums = {attr(n, "numId"): n for n in numbering.iter(f"{W}num")}
    children = [child.tag for child in numbering]
    assert children.index(f"{W}num") > max(
        i for i, tag in enumerate(children) if tag == f"{W}abstractNum"
    )
    # Three lists and a nested one in the uraian, one in a relevansi, one in a penjelasan:
    # every list and nested list has its own instance.
    assert len(set(used)) == 6
    for num_id in set(used):
        override = nums[num_id].find(f"{W}lvlOverride/{W}startOverride")
        assert override is not None and attr(override, "val") == "1"
    assert "1. " not in texts and "- " not in texts


def test_the_shipped_template_is_the_one_in_templates() -> None:
    assert PACKAGED_TEMPLATE.read_bytes() == TEMPLATE.read_bytes()


def test_the_template_script_reproduces_the_committed_template_and_its_sources() -> None:
    spec = importlib.util.spec_from_file_location(
        "make_template", REPO_ROOT / "scripts" / "make_template.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    assert module.make_template() == TEMPLATE.read_bytes()
    prepared = REPO_ROOT / "src" / "lampiran" / "templates" / "lampiran2.jinja.json"
    assert module.prepared_sources(TEMPLATE.read_bytes()) == prepared.read_text("utf-8")


def test_template_uses_named_styles_and_plain_fixed_sentences() -> None:
    with zipfile.ZipFile(TEMPLATE) as package:
        styles = package.read("word/styles.xml").decode()
        document = package.read("word/document.xml").decode()

    for name in (
        "Title",
        "heading 1",
        "heading 2",
        "Isi Uraian",
        "Isi Tabel",
        "Kepala Tabel",
        "Tanda Tangan",
    ):
        assert f'w:name w:val="{name}"' in styles
    assert "Dalam perjanjian kinerja ini, setiap indikator kinerja telah ditetapkan" in document
    assert "<w:rFonts" not in document  # fonts come from the styles, not direct formatting


# -- custom templates -----------------------------------------------------------------


def rewrite_template(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the template with one piece of document.xml text replaced."""
    target = tmp_path / "templat-sendiri.docx"
    with zipfile.ZipFile(TEMPLATE) as source, zipfile.ZipFile(target, "w") as output:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/document.xml":
                text = content.decode()
                assert old in text
                content = text.replace(old, new).encode()
            output.writestr(info, content)
    return target


def build_with(template: Path, tmp_path: Path) -> Outcome:
    """``lampiran build content/2024 --template TEMPLATE -o tmp_path/dist``."""
    return run_lampiran(
        "build", str(CONTENT_2024), "--template", str(template), "-o", str(tmp_path / "dist")
    )


def test_a_custom_template_with_its_own_wording_is_used(tmp_path: Path) -> None:
    template = rewrite_template(tmp_path, "Uraian Sasaran", "Uraian Sasaran Strategis")

    outcome = build_with(template, tmp_path)

    built = (tmp_path / "dist" / "lampiran-2-perjanjian-kinerja-2024.docx").read_bytes()
    assert outcome.code == 0, outcome.err
    assert b"Uraian Sasaran Strategis" in zipfile.ZipFile(io.BytesIO(built)).read(
        "word/document.xml"
    )


def test_a_template_asking_for_an_unknown_variable_is_refused_with_its_place(
    tmp_path: Path,
) -> None:
    template = rewrite_template(tmp_path, "Uraian Sasaran", "Uraian {{ kepala_dinas }}")

    outcome = build_with(template, tmp_path)

    assert outcome.code == 1
    assert "variabel 'kepala_dinas' tidak disediakan" in outcome.err
    assert 'paragraf "Uraian {{ kepala_dinas }}"' in outcome.err
    assert not (tmp_path / "dist").exists()


def test_a_template_asking_for_an_unknown_field_is_refused_with_its_place(
    tmp_path: Path,
) -> None:
    template = rewrite_template(tmp_path, "{{ s.nomor }}", "{{ s.nomer }}")

    outcome = build_with(template, tmp_path)

    assert outcome.code == 1
    assert "'nomer'" in outcome.err and "Penjelasan Kinerja {{ s.nomer }}" in outcome.err
    assert not (tmp_path / "dist").exists()


def test_a_template_with_a_broken_tag_is_refused_with_its_place(tmp_path: Path) -> None:
    template = rewrite_template(tmp_path, "{{ s.nomor }}", "{{ s.nomor + }}")

    outcome = build_with(template, tmp_path)

    assert outcome.code == 1
    assert "tag rusak di word/document.xml" in outcome.err
    assert "Penjelasan Kinerja {{ s.nomor + }}" in outcome.err
    assert not (tmp_path / "dist").exists()


@pytest.mark.parametrize(
    ("broken", "why"),
    [
        ("{{ s.sasaran }", "'{{' tidak ditutup dengan '}}'"),
        ("{{ s.sasaran", "'{{' tidak ditutup dengan '}}'"),
        ("{ s.sasaran }}", "'}}' tanpa pembuka"),
        ("{{ s.sasaran %}", "'{{' ditutup dengan '%}', seharusnya '}}'"),
    ],
)
def test_a_template_tag_missing_a_brace_is_refused_with_its_place(
    tmp_path: Path, broken: str, why: str
) -> None:
    # Jinja reads "{{ s.sasaran }" on into the next tag: without the check the build
    # succeeded and every sasaran title was silently missing.
    template = rewrite_template(tmp_path, "{{ s.sasaran }}", broken)

    outcome = build_with(template, tmp_path)

    assert outcome.code == 1, outcome.err
    assert (
        f"templat '{template.as_posix()}': tag tidak lengkap di word/document.xml, "
        f'paragraf "{broken}": {why}; perbaiki tag itu di Word' in outcome.err
    )
    assert "Traceback" not in outcome.err
    assert not (tmp_path / "dist").exists()


def test_every_incomplete_tag_of_a_template_is_named(tmp_path: Path) -> None:
    template = rewrite_template(tmp_path, "{{ tahun }}", "{{ tahun }")
    with zipfile.ZipFile(template) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    entries["word/document.xml"] = entries["word/document.xml"].replace(
        b"{{ instansi }}", b"{{ instansi }"
    )
    with zipfile.ZipFile(template, "w") as target:
        for name, content in entries.items():
            target.writestr(name, content)

    outcome = build_with(template, tmp_path)

    assert outcome.code == 1
    assert 'paragraf "{{ instansi }"' in outcome.err
    assert 'paragraf "PENJELASAN KINERJA TAHUN {{ tahun }"' in outcome.err


def test_a_template_reaching_python_internals_is_refused(tmp_path: Path) -> None:
    template = rewrite_template(
        tmp_path, "Uraian Sasaran", "{{ instansi.__class__.__mro__[1].__subclasses__() }}"
    )

    outcome = build_with(template, tmp_path)

    assert outcome.code == 1
    assert "tidak diizinkan" in outcome.err or "tidak disediakan" in outcome.err
    assert "subclasses" not in outcome.out
    assert not (tmp_path / "dist").exists()


def test_a_file_that_is_not_a_docx_is_refused_as_template(tmp_path: Path) -> None:
    template = tmp_path / "bukan.docx"
    template.write_text("ini bukan dokumen Word", encoding="utf-8")

    outcome = build_with(template, tmp_path)

    assert outcome.code == 1
    assert "bukan berkas Word (.docx) yang sah" in outcome.err


def test_a_template_is_refused_when_it_declares_entities(tmp_path: Path) -> None:
    target = tmp_path / "entitas.docx"
    with zipfile.ZipFile(TEMPLATE) as source, zipfile.ZipFile(target, "w") as output:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/document.xml":
                content = content.replace(
                    b"?>", b'?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1
                )
            output.writestr(info, content)

    outcome = build_with(target, tmp_path)

    assert outcome.code == 1
    assert "DOCTYPE" in outcome.err


# -- indents of the narrative -------------------------------------------------------------


def paragraph_text(paragraph: object) -> str:
    return "".join(t.text or "" for t in paragraph.iter(f"{W}t"))  # type: ignore[attr-defined]


def test_narrative_list_numbers_line_up_with_the_first_line_indent() -> None:
    data = render_folder(LENGKAP_2025)
    document = part(data, "word/document.xml")
    styles = part(data, "word/styles.xml")
    indent = styles.find(f"{W}style[@{W}styleId='IsiUraian']/{W}pPr/{W}ind")
    assert indent is not None
    first_line = int(attr(indent, "firstLine"))

    items = [
        p
        for p in document.iter(f"{W}p")
        if p.find(f"{W}pPr/{W}pStyle[@{W}val='DaftarUraian']") is not None
    ]
    assert len(items) == 8  # 2 + 2 nested, 2 bullets, 2 in the last list
    for item in items:
        level = int(attr(item.find(f"{W}pPr/{W}numPr/{W}ilvl"), "val"))
        ind = item.find(f"{W}pPr/{W}ind")
        assert ind is not None
        # The number hangs at the first-line indent (one level further in per level).
        number_at = int(attr(ind, "left")) - int(attr(ind, "hanging"))
        assert number_at == first_line + 360 * level


def test_a_hard_line_break_in_the_narrative_keeps_the_first_line_indent() -> None:
    document = part(render_folder(LENGKAP_2025), "word/document.xml")

    paragraphs = list(document.iter(f"{W}p"))
    texts = [paragraph_text(p) for p in paragraphs]
    first = paragraphs[texts.index("Baris pertama alamat")]
    second = paragraphs[texts.index("Baris kedua alamat")]
    assert second is first.getnext()
    for line in (first, second):
        assert attr(line.find(f"{W}pPr/{W}pStyle"), "val") == "IsiUraian"  # indented
        assert line.find(f".//{W}br") is None
    # One paragraph to the eye: no space between the two lines.
    assert attr(first.find(f"{W}pPr/{W}spacing"), "after") == "0"
    assert second.find(f"{W}pPr/{W}spacing") is None


def test_sub_headings_have_clearly_more_space_above_than_below() -> None:
    data = render_folder(CONTENT_2024)
    styles = part(data, "word/styles.xml")
    document = part(data, "word/document.xml")
    below = styles.find(f"{W}style[@{W}styleId='Heading2']/{W}pPr/{W}spacing")
    spacer = styles.find(f"{W}style[@{W}styleId='Jarak']/{W}pPr/{W}spacing")
    assert below is not None and spacer is not None
    assert attr(spacer, "lineRule") == "exact"

    sub_headings = [
        p
        for p in document.iter(f"{W}p")
        if paragraph_text(p) in ("Indikator Kinerja", "Target Kinerja")
        and p.find(f"{W}pPr/{W}pStyle[@{W}val='Heading2']") is not None
    ]
    assert len(sub_headings) == 6
    for heading in sub_headings:
        # The space above is an empty "Jarak" paragraph (after the table or narrative):
        # LibreOffice leaves a heading with spacing before alone at a page foot.
        previous = heading.getprevious()
        assert attr(previous.find(f"{W}pPr/{W}pStyle"), "val") == "Jarak"
        assert paragraph_text(previous) == ""
        assert int(attr(spacer, "line")) >= 3 * int(attr(below, "after"))


def test_table_cells_have_padding_above_and_below() -> None:
    document = part(render_folder(CONTENT_2024), "word/document.xml")

    for table in document.iter(f"{W}tbl"):
        margins = table.find(f"{W}tblPr/{W}tblCellMar")
        assert margins is not None
        assert int(attr(margins.find(f"{W}top"), "w")) >= 57
        assert int(attr(margins.find(f"{W}bottom"), "w")) >= 57


def test_a_font_picked_for_all_template_text_reaches_every_run(tmp_path: Path) -> None:
    # What Word does on "select all, pick a font" in the template: a direct font on
    # every run, including the runs of the {{p ...}} placeholders.
    import docx

    template = docx.Document(str(TEMPLATE))
    paragraphs = list(template.paragraphs)
    for table in template.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    for paragraph in paragraphs:
        for run in paragraph.runs:
            run.font.name = "Liberation Serif"
    path = tmp_path / "templat-font.docx"
    template.save(str(path))

    document = part(render_folder(LENGKAP_2025, template=path), "word/document.xml")

    runs = [r for r in document.iter(f"{W}r") if r.find(f"{W}t") is not None]
    fonts = {
        (
            r.find(f"{W}rPr/{W}rFonts").get(f"{W}ascii")
            if r.find(f"{W}rPr/{W}rFonts") is not None
            else None
        )
        for r in runs
    }
    assert fonts == {"Liberation Serif"}
    # Markdown emphasis is kept beside the font.
    assert any(
        r.find(f"{W}rPr/{W}b") is not None and paragraph_text(r) == "kemantapan jalan" for r in runs
    )
