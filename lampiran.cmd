@echo off
rem Menjalankan lampiran dari .venv\ proyek ini tanpa mengaktifkannya: lampiran.cmd check
if not exist "%~dp0.venv\Scripts\lampiran.exe" (
  echo lampiran belum terpasang di %~dp0.venv; lihat README, bagian Windows. 1>&2
  exit /b 2
)
"%~dp0.venv\Scripts\lampiran.exe" %*
