#!/usr/bin/env bash
# Installs the comparison extractors that `klartext eval --compare` runs: Mozilla Readability.js
# on linkedom (npm, into bench/compare/node_modules, gitignored) and readability-lxml (Debian).
# Usage: bash bench/compare/install.sh. Exercised by running `klartext eval --compare`.
set -euo pipefail
cd "$(dirname "$0")"

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
if ! dpkg-query -W -f='${Status}' python3-readability 2>/dev/null | grep -q "install ok installed"; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-readability nodejs npm >/dev/null
fi
if ! command -v npm >/dev/null; then
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
fi
# Versions are pinned in package.json (Readability 0.6.0 is the version the published
# scrapinghub anchor output was made with).
npm install --no-audit --no-fund --omit=dev >/dev/null
echo "compare: installed $(node -e 'console.log(require("@mozilla/readability/package.json").version)' 2>/dev/null || echo '?') Readability.js, readability-lxml $(dpkg-query -W -f='${Version}' python3-readability)"
