#!/usr/bin/env bash
# Installs what the tests need from Debian when it is missing:
# LibreOffice Writer (headless DOCX -> PDF), CJK fonts, poppler-utils, Chromium (HTML in a browser).
set -euo pipefail

missing=()
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
# the HTML preview is checked in a real browser (headless Chromium)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
fonts=$(fc-list : family 2>/dev/null || true)
has_font() { case "$fonts" in *"$1"*) return 0 ;; *) return 1 ;; esac; }
has_font "Noto Serif CJK" || missing+=(fonts-noto-cjk)
has_font "AR PL UKai" || missing+=(fonts-arphic-ukai)
has_font "AR PL UMing" || missing+=(fonts-arphic-uming)
has_font "Liberation Serif" || missing+=(fonts-liberation2)
# make bench compares with pandoc
if [ "${1:-}" = "bench" ]; then
  command -v pandoc >/dev/null 2>&1 || missing+=(pandoc)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "安装测试所需的系统软件包:${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "需要 root 权限安装:apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
