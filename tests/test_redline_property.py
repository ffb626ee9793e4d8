"""Property: for any edits of a year, accepting every tracked change gives the new build
and rejecting every change gives the old one.

A year with two sasaran, lists, bold and a signature block is edited at random the way
staff edit the next year: targets, words and sentences of prose (added, removed, made
bold, list items), indicators added, removed and renamed, sasaran added, removed and
moved (their files renamed), the signature block (names, date, pangkat, NIP, the whole
block), programs and their anggaran, ``perubahan``. The redline of the two years (of
Lampiran 2, or of the whole PK) is resolved both ways with the resolvers of
``redlineread`` and compared, paragraph by paragraph and cell by cell, with plain builds.
"""

from __future__ import annotations

import copy
import datetime
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import write_year
from lampiran.content.loading import require_year
from lampiran.writers.docx.redline import redline_years
from lampiran.writers.docx.render import render_document
from redlineread import body, resolve, texts

WORDS = ["kinerja", "**utama**", "ASN", "daerah", "*pelayanan*", "meningkat", "99,5%", "& mutu"]
TARGETS = ["100%", "99,99%", "83,50%", "77", "BB", "WTP", "90 per 100.000 KH", "3,25"]
NAMES = ["Indeks Kepuasan", "Nilai SAKIP", "Persentase Jalan Mantap", "Jumlah Kasus Baru"]
TITLES = ["Meningkatnya Akuntabilitas", "Meningkatnya Pelayanan Publik", "Terwujudnya Tata Ruang"]

BASE: dict[str, Any] = {
    "dokumen": {
        "instansi": "Dinas Contoh",
        "tahun": 2024,
        "penandatangan": {
            "tempat": "Contoh",
            "tanggal": "2024-01-31",
            "pihak_pertama": {
                "nama": "Dr. NAMA KEPALA, S.Sos.",
                "jabatan": "Kepala Dinas",
                "pangkat": "Pembina Utama Muda",
                "nip": "197001011990031001",
            },
            "pihak_kedua": {"nama": "NAMA BUPATI", "jabatan": "Bupati Contoh"},
        },
    },
    "program": [
        {"nama": "Program Penyelenggaraan Jalan", "anggaran": 4100832755, "keterangan": "APBD"},
        {"nama": "Program Penataan Ruang", "anggaran": 350500000, "keterangan": "APBD"},
    ],
    "sasaran": [
        {
            "file": "01-jalan.yaml",
            "sasaran": "Meningkatnya Kualitas Jalan",
            "uraian": [
                "Sasaran ini mengukur **kemantapan jalan** kabupaten.",
                "Dasar hukum antara lain:",
                "1. Undang-Undang Nomor 2 Tahun 2022;",
                "2. Peraturan Pemerintah Nomor 34 Tahun 2006.",
                "",
                "Kegiatan *utama* meliputi pemeliharaan.",
            ],
            "indikator": [
                {
                    "nama": "Persentase Jalan Kabupaten Mantap",
                    "relevansi": [
                        "Jalan mantap mendukung ekonomi:",
                        "- akses pasar;",
                        "- akses sekolah.",
                    ],
                    "formulasi": ["Panjang jalan mantap / panjang jalan X 100%"],
                    "target": "83,50%",
                    "penjelasan_target": ["Target dinaikkan bertahap.", "Survei setiap tahun."],
                },
                {
                    "nama": "Indeks Kepuasan Pengguna Jalan",
                    "relevansi": ["Kepuasan menunjukkan kualitas layanan."],
                    "target": "BB",
                    "penjelasan_target": ["Nilai BB berarti baik."],
                },
            ],
        },
        {
            "file": "02-ruang.yaml",
            "sasaran": "Meningkatnya Kesesuaian Pemanfaatan Ruang",
            "uraian": ["Pemanfaatan ruang sesuai RTRW & rencana detail."],
            "indikator": [
                {
                    "nama": "Persentase Kesesuaian Ruang",
                    "relevansi": ["Kesesuaian ruang mencegah alih fungsi lahan."],
                    "sumber_data": ["Laporan Bidang Tata Ruang"],
                    "target": "90 per 100.000 KH",
                    "penjelasan_target": ["Dijaga melalui pengawasan."],
                }
            ],
        },
    ],
}

PROSE = ("uraian", "relevansi", "formulasi", "sumber_data", "penjelasan_target")


def write(root: Path, year: dict[str, Any], tahun: str) -> Path:
    dokumen = copy.deepcopy(year["dokumen"])
    dokumen["tahun"] = int(tahun)
    files = {}
    for item in year["sasaran"]:
        content = {key: value for key, value in item.items() if key != "file"}
        content["uraian"] = "\n".join(content["uraian"])
        content["indikator"] = [
            {key: "\n".join(v) if key in PROSE else v for key, v in ind.items()}
            for ind in content["indikator"]
        ]
        files[item["file"]] = yaml.safe_dump(content, allow_unicode=True, sort_keys=False)
    folder = write_year(
        root, yaml.safe_dump(dokumen, allow_unicode=True, sort_keys=False), files, year=tahun
    )
    if year["program"]:
        (folder / "program.yaml").write_text(
            yaml.safe_dump({"program": year["program"]}, allow_unicode=True, sort_keys=False),
            encoding="utf-8",
        )
    return folder


def edit_prose(data: st.DataObject, lines: list[str]) -> None:
    operation = data.draw(st.sampled_from(["word", "add", "remove", "item", "bold"]))
    at = data.draw(st.integers(0, max(len(lines) - 1, 0)))
    if operation == "remove" and len(lines) > 1:
        del lines[at]
    elif operation == "add":
        lines.insert(at, f"Kalimat baru tentang {data.draw(st.sampled_from(WORDS))}.")
    elif operation == "item":
        lines.insert(at, f"- butir {data.draw(st.sampled_from(WORDS))};")
    elif lines and lines[at].strip():
        words = lines[at].split(" ")
        index = data.draw(st.integers(0, len(words) - 1))
        if operation == "bold" and "*" not in words[index]:
            words[index] = f"**{words[index]}**"
        else:
            words[index] = data.draw(st.sampled_from(WORDS))
        lines[at] = " ".join(words)


def new_indikator(data: st.DataObject, taken: set[str]) -> dict[str, Any]:
    name = data.draw(st.sampled_from([n for n in NAMES if n not in taken] or ["Indikator Lain"]))
    return {
        "nama": name,
        "relevansi": [f"Relevansi {name.lower()}.", "- butir pertama;"],
        "target": data.draw(st.sampled_from(TARGETS)),
        "penjelasan_target": ["Penjelasan target."],
    }


def edit_year(data: st.DataObject, year: dict[str, Any]) -> None:
    sasaran: list[dict[str, Any]] = year["sasaran"]
    operation = data.draw(
        st.sampled_from(
            [
                "target", "prose", "prose", "add_indikator", "remove_indikator", "rename",
                "add_sasaran", "remove_sasaran", "move_sasaran", "signature", "title",
                "program", "perubahan",
            ]
        )
    )  # fmt: skip
    item = data.draw(st.sampled_from(sasaran))
    indikator = data.draw(st.sampled_from(item["indikator"]))
    if operation == "target":
        indikator["target"] = data.draw(st.sampled_from(TARGETS))
    elif operation == "prose":
        field = data.draw(st.sampled_from(["uraian", *PROSE]))
        owner = item if field == "uraian" else indikator
        edit_prose(data, owner.setdefault(field, ["-"]))
    elif operation == "add_indikator":
        taken = {x["nama"] for x in item["indikator"]}
        at = data.draw(st.integers(0, len(item["indikator"])))
        item["indikator"].insert(at, new_indikator(data, taken))
    elif operation == "remove_indikator" and len(item["indikator"]) > 1:
        item["indikator"].remove(indikator)
    elif operation == "rename":
        suffix = data.draw(st.sampled_from(["Kabupaten", "Baru"]))
        indikator["nama"] = f"{indikator['nama']} {suffix}"
    elif operation == "add_sasaran":
        titles = {s["sasaran"] for s in sasaran}
        free = [t for t in TITLES if t not in titles]
        if free:
            sasaran.append(
                {
                    "file": f"0{len(sasaran) + 3}-baru-{len(titles)}.yaml",
                    "sasaran": data.draw(st.sampled_from(free)),
                    "uraian": ["Uraian sasaran baru."],
                    "indikator": [new_indikator(data, set())],
                }
            )
    elif operation == "remove_sasaran" and len(sasaran) > 1:
        sasaran.remove(item)
    elif operation == "move_sasaran":
        # Renaming the file is what moves a sasaran: files print in name order.
        item["file"] = data.draw(st.sampled_from(["00-", "99-", "05-"])) + item["file"][3:]
    elif operation == "title":
        item["sasaran"] = item["sasaran"] + " Daerah"
    elif operation == "signature":
        edit_signature(data, year["dokumen"])
    elif operation == "program":
        edit_programs(data, year["program"])
    elif operation == "perubahan":
        year["dokumen"]["perubahan"] = not year["dokumen"].get("perubahan", False)
    sasaran.sort(key=lambda s: s["file"])
    if len({s["file"] for s in sasaran}) != len(sasaran):
        for number, entry in enumerate(sasaran):
            entry["file"] = f"{number:02d}-{entry['file'][3:]}"


def edit_programs(data: st.DataObject, programs: list[dict[str, Any]]) -> None:
    operation = data.draw(st.sampled_from(["anggaran", "add", "remove", "rename"]))
    if operation == "add" or not programs:
        taken = {program["nama"] for program in programs}
        name = next(n for n in ("Program Baru", "Program Lain", "Program Ketiga") if n not in taken)
        at = data.draw(st.integers(0, len(programs)))
        programs.insert(at, {"nama": name, "anggaran": 125000000, "keterangan": "DAK"})
        return
    program = data.draw(st.sampled_from(programs))
    if operation == "anggaran":
        program["anggaran"] = data.draw(st.integers(1, 9_999_999_999))
    elif operation == "remove":
        programs.remove(program)
    else:
        program["nama"] = program["nama"] + " Daerah"


def edit_signature(data: st.DataObject, dokumen: dict[str, Any]) -> None:
    signing = dokumen.get("penandatangan")
    if signing is None:
        dokumen["penandatangan"] = copy.deepcopy(BASE["dokumen"]["penandatangan"])
        return
    operation = data.draw(
        st.sampled_from(["nama", "tanggal", "pangkat", "nip", "remove", "tempat"])
    )
    first = signing["pihak_pertama"]
    if operation == "nama":
        first["nama"] = data.draw(st.sampled_from(["Ir. NAMA BARU, M.T.", "NAMA LAIN"]))
    elif operation == "tanggal":
        day = datetime.date(2024, 1, 2) + datetime.timedelta(days=data.draw(st.integers(0, 60)))
        signing["tanggal"] = day.isoformat()
    elif operation == "pangkat":
        if "pangkat" in first:
            del first["pangkat"]
        else:
            first["pangkat"] = "Pembina"
    elif operation == "nip":
        if "nip" in first:
            del first["nip"]
        else:
            first["nip"] = "198001012005011002"
    elif operation == "tempat":
        signing["tempat"] = "Kota Contoh"
    else:
        del dokumen["penandatangan"]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    data=st.data(),
    edits=st.integers(1, 8),
    next_year=st.booleans(),
    kind=st.sampled_from(["lampiran-2", "lampiran-2", "pk"]),
)
def test_accept_all_is_the_new_build_and_reject_all_the_old(
    data: st.DataObject, edits: int, next_year: bool, kind: str
) -> None:
    new_year = copy.deepcopy(BASE)
    for _ in range(edits):
        edit_year(data, new_year)
    if kind == "pk" and "penandatangan" not in new_year["dokumen"]:
        kind = "lampiran-2"  # the whole PK needs a signature block
    with tempfile.TemporaryDirectory() as scratch:
        old = write(Path(scratch) / "a", BASE, "2024")
        new = write(Path(scratch) / "b", new_year, "2025" if next_year else "2024")
        old_loaded, _ = require_year(old)
        new_loaded, _ = require_year(new)

        redline = redline_years(old_loaded, new_loaded, kind).data

        for decision, loaded in (("accept", new_loaded), ("reject", old_loaded)):
            got = body(resolve(redline, decision))  # type: ignore[arg-type]
            want = body(render_document(loaded, kind))  # type: ignore[arg-type]
            assert texts(got) == texts(want), decision
            assert got == want, decision
