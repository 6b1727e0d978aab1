#!/usr/bin/env bash
# Sets up a fresh machine: a Chromium to render with, then the npm dependencies.
# Browser order (as cyanotype looks for one): $CYANOTYPE_BROWSER, Debian's chromium-headless-shell
# (installed here when apt-get is available; the committed baselines are drawn with it), a system
# Chromium or Chrome, else Puppeteer's own headless-shell download.
set -euo pipefail
cd "$(dirname "$0")/.."

# What Debian's chromium-headless-shell package installs (the first place cyanotype looks).
SHELL_BROWSER=/usr/lib/chromium/chromium-headless-shell

configured() { [ -n "${CYANOTYPE_BROWSER:-}" ] && [ -x "${CYANOTYPE_BROWSER}" ]; }

if ! configured && [ ! -x "$SHELL_BROWSER" ] && command -v apt-get >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "setup: installing Debian's chromium-headless-shell"
  $sudo apt-get update -qq
  # Distributions without the package (Ubuntu ships Chromium as a snap) get chromium instead.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium-headless-shell >/dev/null ||
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

npm ci --no-audit --no-fund

# The renderer's own search answers whether a browser is there (src/render/find-browser.ts).
if browser=$(npx --no-install tsx scripts/find-browser.ts); then
  echo "setup: rendering with $browser"
else
  echo "setup: downloading Puppeteer's chrome-headless-shell"
  npx --no-install puppeteer browsers install chrome-headless-shell
fi
