"""Attack: a list nested 250 levels checked clean, then crashed the build (RecursionError).

Lists print two levels deep. Deeper items print at the second level, and ``check``
says where, so no input can exhaust the parser and nothing is silently rearranged.
"""

from __future__ import annotations

from pathlib import Path

from conftest import VALID_DOKUMEN, run_lampiran, write_year
from lampiran.blocks import ListBlock
from lampiran.text.markdown import parse_prose

DEPTH = 250
DEPTH_IN_A_FILE = 60
"""Deep enough to matter, short enough for the 100,000-character limit of a prose field."""


def deep_list(indent: str, depth: int = DEPTH) -> str:
    return "\n".join(f"{indent * level}- butir {level}" for level in range(depth))


def levels(block: ListBlock) -> set[int]:
    found = {block.level}
    for item in block.items:
        for part in item.blocks:
            if isinstance(part, ListBlock):
                found |= levels(part)
    return found


def test_a_deep_list_parses_into_two_levels_with_every_item_kept() -> None:
    for indent in ("  ", "    ", "\t"):
        (block,) = parse_prose(deep_list(indent))

        assert isinstance(block, ListBlock)
        assert levels(block) <= {0, 1}
        text = repr(block)
        assert all(f"butir {level}'" in text for level in range(DEPTH))


def test_check_warns_at_the_field_and_build_succeeds(tmp_path: Path) -> None:
    body = deep_list("    ", DEPTH_IN_A_FILE).replace("\n", "\n  ")
    sasaran = (
        "sasaran: Sasaran\n"
        "uraian: |\n"
        f"  {body}\n"
        "indikator:\n"
        "  - nama: Indikator\n"
        "    relevansi: Relevansi.\n"
        "    target: 90%\n"
        "    penjelasan_target: Penjelasan.\n"
    )
    folder = write_year(tmp_path, VALID_DOKUMEN, {"01-a.yaml": sasaran})

    checked = run_lampiran("check", str(folder))
    built = run_lampiran("build", str(folder), "-o", str(tmp_path / "dist"), "--html")

    assert checked.code == 0
    assert (
        "sasaran/01-a.yaml:2:9: uraian: peringatan: daftar bertingkat lebih dari dua tingkat "
        "(baris ke-3 teks ini); butir itu dicetak pada tingkat kedua. Kurangi indentasinya "
        "atau tulis sebagai kalimat"
    ) in checked.out
    assert built.code == 0, built.err
    assert (tmp_path / "dist" / "lampiran-2-perjanjian-kinerja-2024.docx").is_file()
    assert (tmp_path / "dist" / "lampiran-2-perjanjian-kinerja-2024.html").is_file()
