"""LibreOffice as a second reader of tracked changes: Accept All / Reject All, then save.

LibreOffice runs headless with a throwaway profile holding one Basic macro, which opens
each document hidden, dispatches ``.uno:AcceptAllTrackedChanges`` (or Reject, or
nothing) and stores the result as .docx (or as PDF). A first plain conversion creates the
profile (LibreOffice writes its Standard Basic library on a profile's first start, over
any module placed there before); the macro then handles every job in one start.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from conftest import require_tool

Operation = Literal["accept", "reject", "pdf"]

_FILTERS = {"accept": "MS Word 2007 XML", "reject": "MS Word 2007 XML", "pdf": "writer_pdf_Export"}
_DISPATCH = {
    "accept": ".uno:AcceptAllTrackedChanges",
    "reject": ".uno:RejectAllTrackedChanges",
    "pdf": "",
}
TIMEOUT_SECONDS = 180

_MODULE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"
 script:language="StarBasic">
Sub Jobs(sList As String)
  Dim iFile As Integer, sLine As String, p() As String
  iFile = FreeFile
  Open sList For Input As #iFile
  Do While Not EOF(iFile)
    Line Input #iFile, sLine
    If Len(sLine) &gt; 0 Then
      p = Split(sLine, "|")
      One(p(0), p(1), p(2), p(3))
    End If
  Loop
  Close #iFile
End Sub

Sub One(sIn As String, sOut As String, sCommand As String, sFilter As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden" : load(0).Value = True
  oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(sIn), "_blank", 0, load())
  If Len(sCommand) &gt; 0 Then
    Dim none()
    oFrame = oDoc.getCurrentController().getFrame()
    oHelper = createUnoService("com.sun.star.frame.DispatchHelper")
    oHelper.executeDispatch(oFrame, sCommand, "", 0, none())
  End If
  Dim store(0) As New com.sun.star.beans.PropertyValue
  store(0).Name = "FilterName" : store(0).Value = sFilter
  oDoc.storeToURL(ConvertToURL(sOut), store())
  oDoc.close(True)
End Sub
</script:module>
"""

_LIBRARY = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard"
 library:readonly="false" library:passwordprotected="false">
 <library:element library:name="Module1"/>
</library:library>
"""


def run_jobs(jobs: Sequence[tuple[bytes, Operation]]) -> list[bytes]:
    """Each document after the operation, as LibreOffice saves it."""
    soffice = require_tool("soffice")
    with tempfile.TemporaryDirectory(prefix="lampiran-lo-") as scratch:
        work = Path(scratch)
        profile = (work / "profil").as_uri()
        base = [soffice, "--headless", "--norestore", f"-env:UserInstallation={profile}"]
        (work / "awal.txt").write_text("awal", encoding="utf-8")
        subprocess.run(
            [*base, "--convert-to", "pdf", "--outdir", str(work / "awal"), str(work / "awal.txt")],
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
        library = work / "profil" / "user" / "basic" / "Standard"
        library.mkdir(parents=True, exist_ok=True)
        (library / "Module1.xba").write_text(_MODULE, encoding="utf-8")
        (library / "script.xlb").write_text(_LIBRARY, encoding="utf-8")
        lines, outputs = [], []
        for index, (data, operation) in enumerate(jobs):
            source = work / f"masuk-{index}.docx"
            source.write_bytes(data)
            target = work / f"keluar-{index}.{'pdf' if operation == 'pdf' else 'docx'}"
            outputs.append(target)
            lines.append(f"{source}|{target}|{_DISPATCH[operation]}|{_FILTERS[operation]}")
        job_list = work / "tugas.txt"
        job_list.write_text("\n".join(lines) + "\n", encoding="utf-8")
        subprocess.run(
            [*base, f'macro:///Standard.Module1.Jobs("{job_list}")'],
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
        missing = [path.name for path in outputs if not path.is_file()]
        assert not missing, f"LibreOffice did not write {missing}"
        return [path.read_bytes() for path in outputs]
