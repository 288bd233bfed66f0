#!/usr/bin/env bash
# Regenerates the fixture renditions in fixtures/ from the hand-made expected plans in fixtures/expected/.
#
# Requirements (Debian package names; only this script needs them, the test suite uses the committed files):
#   libreoffice-writer-nogui  soffice: .fodt -> .docx -> .pdf (tested with LibreOffice 7.4.7.2)
#   hyphen-bg                 /usr/share/hyphen/hyph_bg_BG.dic: Bulgarian hyphenation for LibreOffice and
#                             for the soft hyphens put into the HTML renditions
#   chromium                  headless printing of the HTML renditions (tested with Chromium 156)
#   poppler-utils             pdftotext (-bbox-layout) and pdfinfo: page count and the pages of each row
#   fonts-liberation          Liberation Serif, metric twin of Times New Roman (the font the documents name)
#   fonts-dejavu              fallback fonts
#   node >= 20 with the project's devDependencies (tsx)
#
# Usage: bash scripts/build-fixtures.sh          (from anywhere; writes the seed renditions into <repo>/fixtures)
#        bash scripts/build-fixtures.sh layouts  (the layout-variant family only, into <repo>/fixtures/layouts)
#
# Outputs are as deterministic as the tools allow: the run-time stamps LibreOffice and Chromium write
# (PDF CreationDate/ModDate, zip entry dates) are replaced by SOURCE_DATE_EPOCH afterwards
# (scripts/fixtures/normalize.ts). Other tool versions or fonts give other layouts and bytes; the
# sha256 and the pages in the *.expected.json files are recomputed from the files on every run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FIX="$ROOT/fixtures"
WORK="$(mktemp -d /tmp/build-fixtures.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

for tool in soffice chromium pdftotext pdfinfo; do
  command -v "$tool" >/dev/null || { echo "build-fixtures: $tool not found (see the requirements above)" >&2; exit 1; }
done
[ -f /usr/share/hyphen/hyph_bg_BG.dic ] || { echo "build-fixtures: hyphen-bg is not installed" >&2; exit 1; }

export TZ=UTC LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1735689600
# A private HOME and LibreOffice profile: never touches the user's settings, no first-start dialogs.
export HOME="$WORK/home"
mkdir -p "$HOME"
LO_PROFILE="file://$WORK/lo-profile"

soffice_convert() { # <filter> <input> <outdir>
  soffice -env:UserInstallation="$LO_PROFILE" --headless --norestore --nolockcheck \
    --convert-to "$1" --outdir "$3" "$2" >"$WORK/soffice.log" 2>&1 ||
    { cat "$WORK/soffice.log" >&2; exit 1; }
}

chromium_print() { # <input.html> <output.pdf>
  local profile
  profile="$(mktemp -d "$WORK/chromium.XXXXXX")"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --no-pdf-header-footer --print-to-pdf="$2" "file://$1" \
    >"$WORK/chromium.log" 2>&1 || { cat "$WORK/chromium.log" >&2; exit 1; }
  [ -s "$2" ] || { echo "build-fixtures: chromium wrote no $2" >&2; cat "$WORK/chromium.log" >&2; exit 1; }
}

cd "$ROOT"

if [ "${1:-}" = "layouts" ]; then
  # The layout-variant family: each layout as DOCX (fodt -> LibreOffice), as the LibreOffice PDF of that
  # DOCX, and as a Chromium PDF of its HTML (no soft hyphens, so one printing is enough).
  OUT="$FIX/layouts"
  mkdir -p "$OUT"
  echo "== layout sources"
  npx --no-install tsx scripts/fixtures/layouts-main.ts sources "$WORK/layouts"
  npx --no-install tsx scripts/fixtures/layouts-main.ts list | while read -r route file stem; do
    case "$route" in
      docx)
        soffice_convert "docx:MS Word 2007 XML" "$WORK/layouts/$stem.fodt" "$WORK/ldocx"
        cp "$WORK/ldocx/$stem.docx" "$OUT/$file" ;;
      docx-pdf)
        soffice_convert "pdf:writer_pdf_Export" "$OUT/$stem.docx" "$WORK/lpdf"
        cp "$WORK/lpdf/$stem.pdf" "$OUT/$file" ;;
      chromium-pdf)
        chromium_print "$WORK/layouts/$stem.html" "$OUT/$file" ;;
    esac
    echo "fixtures/layouts/$file"
  done
  echo "== fixed time stamps in the files"
  npx --no-install tsx scripts/fixtures/normalize.ts "$OUT"/*.pdf "$OUT"/*.docx
  echo "== expected JSON (sha256, page count, pages of every row)"
  npx --no-install tsx scripts/fixtures/layouts-main.ts expected "$OUT"
  exit 0
fi

echo "== sources"
npx --no-install tsx scripts/fixtures/main.ts sources "$WORK/src"

echo "== LibreOffice: fodt -> docx (-> pdf)"
for fodt in "$WORK"/src/*.fodt; do
  stem="$(basename "$fodt" .fodt)"
  soffice_convert "docx:MS Word 2007 XML" "$fodt" "$WORK/docx"
  cp "$WORK/docx/$stem.docx" "$FIX/$stem.docx"
  echo "fixtures/$stem.docx"
done
for stem in ruo-kyustendil-2024-2025 kazanlak-pld-2024; do
  # the PDF is printed from the DOCX, as a published "Word document saved as PDF" would be
  soffice_convert "pdf:writer_pdf_Export" "$FIX/$stem.docx" "$WORK/pdf"
  cp "$WORK/pdf/$stem.pdf" "$FIX/$stem.libreoffice.pdf"
  echo "fixtures/$stem.libreoffice.pdf"
done

echo "== Chromium: html -> pdf (two passes: keep only the soft hyphens where lines break)"
mkdir -p "$WORK/pass1"
for html in "$WORK"/src/*.html; do
  chromium_print "$html" "$WORK/pass1/$(basename "$html" .html).pdf"
done
npx --no-install tsx scripts/fixtures/main.ts breaks "$WORK/pass1" "$WORK/breaks.json"
npx --no-install tsx scripts/fixtures/main.ts sources "$WORK/src2" "$WORK/breaks.json" >/dev/null
for html in "$WORK"/src2/*.html; do
  stem="$(basename "$html" .html)"
  chromium_print "$html" "$FIX/$stem.pdf"
  npx --no-install tsx scripts/fixtures/main.ts same-lines "$WORK/pass1/$stem.pdf" "$FIX/$stem.pdf"
  echo "fixtures/$stem.pdf"
done

echo "== fixed time stamps in the files"
npx --no-install tsx scripts/fixtures/normalize.ts "$FIX"/*.pdf "$FIX"/*.docx

echo "== structural checks of the DOCX files"
npx --no-install tsx scripts/fixtures/main.ts check "$FIX"

echo "== expected JSON (sha256, page count, pages of every row)"
npx --no-install tsx scripts/fixtures/main.ts expected "$FIX"
