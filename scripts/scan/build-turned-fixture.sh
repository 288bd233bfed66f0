#!/usr/bin/env bash
# fixtures/scan/kazanlak-pld-2024.turned.scan.pdf: the scan fixture (build-scan-fixture.sh) with two of
# its pages turned by a quarter: page 2's image turned clockwise and shown so (a landscape page scanned
# sideways), page 3's image turned counter-clockwise and stored with /Rotate 90 (a viewer shows it
# upright); page 1 as it is. The expected JSON is the scan's, with this file's name and checksum.
#
# Requirements: poppler-utils (pdfimages), imagemagick (convert), node with the project's devDependencies.
# Usage: bash scripts/scan/build-turned-fixture.sh (after build-scan-fixture.sh)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/fixtures/scan"
SCAN="$OUT/kazanlak-pld-2024.scan.pdf"
TURNED="$OUT/kazanlak-pld-2024.turned.scan.pdf"
WORK="$(mktemp -d /tmp/build-turned.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
for tool in pdfimages /usr/bin/convert; do
  command -v "$tool" >/dev/null || { echo "build-turned-fixture: $tool not found" >&2; exit 1; }
done
export TZ=UTC LC_ALL=C.UTF-8
cd "$ROOT"
pdfimages -j "$SCAN" "$WORK/page"
pages=("$WORK"/page-*.jpg)
[ "${#pages[@]}" -eq 3 ] || { echo "build-turned-fixture: expected 3 page images in $SCAN" >&2; exit 1; }
/usr/bin/convert "${pages[1]}" -rotate 90 -quality 80 "$WORK/turned-2.jpg"
/usr/bin/convert "${pages[2]}" -rotate -90 -quality 80 "$WORK/turned-3.jpg"
npx --no-install tsx scripts/scan/scan-fixture.ts wrap "$TURNED" 300 "${pages[0]}" "$WORK/turned-2.jpg" "$WORK/turned-3.jpg:90"
npx --no-install tsx scripts/scan/scan-fixture.ts copy-expected "$SCAN" "$TURNED"
