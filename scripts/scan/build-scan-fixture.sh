#!/usr/bin/env bash
# fixtures/scan/kazanlak-pld-2024.scan.pdf: the first rows of the Kazanlak seed plan laid out as in
# kazanlak-pld-2024.libreoffice.pdf, printed to PDF by LibreOffice, rasterised at 300 dpi (grey), then made
# to look scanned (a slight skew, noise, blur, a dark border) and wrapped into an image-only PDF; with its
# expected JSON (the subset of the seed's rows; pages from the vector PDF, the same way as scripts/fixtures).
#
# Requirements: libreoffice-writer-nogui, poppler-utils (pdftoppm, pdftotext), imagemagick (convert),
# hyphen-bg, fonts-liberation, node with the project's devDependencies (tsx).
# Usage: bash scripts/scan/build-scan-fixture.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/fixtures/scan"
WORK="$(mktemp -d /tmp/build-scan.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
for tool in soffice pdftoppm pdftotext /usr/bin/convert; do
  command -v "$tool" >/dev/null || { echo "build-scan-fixture: $tool not found" >&2; exit 1; }
done
export TZ=UTC LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1735689600 HOME="$WORK/home"
mkdir -p "$HOME" "$OUT"
STEM=kazanlak-pld-2024.scan
DPI=300
cd "$ROOT"
npx --no-install tsx scripts/scan/scan-fixture.ts source "$WORK"
soffice -env:UserInstallation="file://$WORK/profile" --headless --norestore --nolockcheck \
  --convert-to "pdf:writer_pdf_Export" --outdir "$WORK" "$WORK/$STEM.fodt" >"$WORK/soffice.log" 2>&1 || { cat "$WORK/soffice.log" >&2; exit 1; }
pdftoppm -r "$DPI" -gray -png "$WORK/$STEM.pdf" "$WORK/page"
# Each page its own skew (alternating direction, 0.6–1.2°), fixed-seed noise, a little blur, a dark
# border as a scanner lid leaves it, JPEG as scanners write it.
i=0
for png in "$WORK"/page-*.png; do
  i=$((i + 1))
  angle=$(awk -v i="$i" 'BEGIN { a = 0.6 + 0.3 * ((i - 1) % 3); if (i % 2 == 0) a = -a; print a }')
  /usr/bin/convert "$png" -seed "$i" -background white -rotate "$angle" \
    -attenuate 0.6 +noise Gaussian -blur 0x0.6 \
    -bordercolor "gray15" -border 40 -shave 20x20 \
    -quality 80 "$WORK/scan-$(printf %02d "$i").jpg"
  echo "page $i: skew $angle°"
done
npx --no-install tsx scripts/scan/scan-fixture.ts wrap "$OUT/$STEM.pdf" "$DPI" "$WORK"/scan-*.jpg
npx --no-install tsx scripts/scan/scan-fixture.ts expected "$WORK/$STEM.pdf" "$OUT/$STEM.pdf"
