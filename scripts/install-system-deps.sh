#!/usr/bin/env bash
# Install the Debian packages that PDF export, font checks and the spelling check
# (hunspell-id, read through libenchant-2-2), `lampiran diff --rev` (git) and the tests of
# the web page (chromium: screenshots, overflow and print preview) need, only
# when something is missing (so a second run costs nothing).
set -euo pipefail

packages=(libreoffice-writer-nogui fonts-liberation poppler-utils hunspell-id libenchant-2-2 git chromium)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Paket berikut belum terpasang dan apt-get tidak tersedia: ${missing[*]}" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "Memasang paket sistem: ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
