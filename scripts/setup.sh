#!/usr/bin/env bash
# Sets up a fresh machine: a Chromium to render with, then the npm dependencies.
# Browser order: $CYANOTYPE_BROWSER, a system Chromium, Debian's `chromium` package (installed
# here when apt-get is available), else Puppeteer's own Chrome download.
set -euo pipefail
cd "$(dirname "$0")/.."

have_browser() {
  [ -n "${CYANOTYPE_BROWSER:-}" ] && [ -x "${CYANOTYPE_BROWSER}" ] && return 0
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome-stable /usr/bin/google-chrome; do
    [ -x "$candidate" ] && return 0
  done
  return 1
}

if ! have_browser && command -v apt-get >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "setup: installing Debian's chromium"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

npm ci --no-audit --no-fund

if ! have_browser; then
  echo "setup: no system Chromium; downloading Puppeteer's Chrome"
  npx --no-install puppeteer browsers install chrome
fi
