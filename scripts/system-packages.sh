#!/usr/bin/env bash
# Install the Debian packages tandem needs, when they are missing (the machine runs as root).
# fonts-noto-cjk: Japanese text in pages and PDFs; chromium: the browser tests;
# gettext: compiling the translation catalogues; libxml2-utils: xmllint for IATI checks;
# libpango: WeasyPrint's PDFs; poppler-utils: pdftotext, to read the PDFs back in tests.
set -euo pipefail
needed=()
for package in fonts-noto-cjk chromium gettext libxml2-utils libpango-1.0-0 libpangoft2-1.0-0 poppler-utils; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || needed+=("$package")
done
[ ${#needed[@]} -eq 0 ] && exit 0
echo "Installing system packages: ${needed[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "tandem: error: install ${needed[*]} (sudo apt-get install ${needed[*]}) and run again." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
