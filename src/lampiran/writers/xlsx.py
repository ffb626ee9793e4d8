"""The rekap as a workbook (.xlsx, through openpyxl) or as CSV, as reproducible bytes.

openpyxl stamps a workbook with the time it was saved, and every zip entry with the time
it was written. Here the properties carry the rekap's own date (from the content, or
``SOURCE_DATE_EPOCH``) and the package is written again with fixed zip timestamps, in
the same entry order: the same content always gives the same file, as for the .docx.

The workbook has two sheets: ``Rekap`` (one row per indikator and per program, a header
that stays in view, filters, the total anggaran below) and ``Jumlah`` (the totals per
agency and for all of them). The CSV file holds the rows of ``Rekap`` only, for other
tools: UTF-8 with a byte-order mark (so that
Excel on Windows reads the letters right), commas between fields, and the target number
written with a decimal point.
"""

from __future__ import annotations

import csv
import io
import zipfile
from decimal import Decimal

from lampiran.rekap import COLUMNS, Rekap

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
TOTAL_COLUMNS = (
    "Instansi",
    "Nama instansi",
    "Tahun",
    "Jumlah sasaran",
    "Jumlah indikator",
    "Target berupa angka",
    "Jumlah program",
    "Jumlah anggaran (Rp)",
)
_WIDTHS = (14, 36, 8, 11, 40, 12, 48, 18, 15, 16, 44, 20, 14)
_WRAPPED = {"Nama instansi", "Sasaran", "Indikator kinerja", "Program"}
_RUPIAH = "#,##0"


def write_xlsx(rekap: Rekap) -> bytes:
    """The workbook's bytes (nothing is written to disk)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = "Rekap"
    sheet.append(COLUMNS)
    for row in rekap.rows:
        sheet.append(row.values())
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for index, (name, width) in enumerate(zip(COLUMNS, _WIDTHS, strict=True), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        if name in _WRAPPED:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.alignment = Alignment(vertical="top", wrap_text=True)
    anggaran = COLUMNS.index("Anggaran (Rp)") + 1
    for (cell,) in sheet.iter_rows(min_row=2, min_col=anggaran, max_col=anggaran):
        cell.number_format = _RUPIAH
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    total_row: list[str | int | None] = [None] * len(COLUMNS)
    total_row[0] = "Jumlah"
    total_row[anggaran - 1] = rekap.anggaran
    sheet.append(total_row)
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    sheet.cell(row=sheet.max_row, column=anggaran).number_format = _RUPIAH

    totals = workbook.create_sheet("Jumlah")
    totals.append(TOTAL_COLUMNS)
    for total in rekap.totals:
        totals.append(
            (
                total.instansi,
                total.nama_instansi,
                total.tahun,
                total.sasaran,
                total.indikator,
                total.target_angka,
                total.program,
                total.anggaran,
            )
        )
    totals.append(
        (
            "Jumlah",
            f"{len(rekap.totals)} instansi",
            None,
            rekap.sasaran,
            rekap.indikator,
            rekap.target_angka,
            rekap.program,
            rekap.anggaran,
        )
    )
    for cell in (*totals[1], *totals[totals.max_row]):
        cell.font = bold
    for (cell,) in totals.iter_rows(min_row=2, min_col=8, max_col=8):
        cell.number_format = _RUPIAH
    for letter, width in zip("ABCDEFGH", (14, 44, 8, 15, 16, 19, 15, 22), strict=True):
        totals.column_dimensions[letter].width = width
    totals.freeze_panes = "A2"

    stamp = rekap.date.replace(tzinfo=None)
    properties = workbook.properties
    properties.creator = "lampiran"
    properties.lastModifiedBy = "lampiran"
    properties.title = "Rekap Perjanjian Kinerja"
    properties.created = stamp
    properties.modified = stamp
    properties.language = "id-ID"

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return _fixed_zip(buffer.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same zip, entries in the same order, with fixed timestamps and attributes."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry), compresslevel=6)
    return output.getvalue()


def write_csv(rekap: Rekap) -> bytes:
    """The rows of the rekap as CSV (see the module docstring for the dialect)."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rekap.rows:
        writer.writerow(["" if value is None else _plain(value) for value in row.values()])
    return ("\ufeff" + text.getvalue()).encode("utf-8")


def _plain(value: str | int | Decimal) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)
