#!/usr/bin/env bash
# fixtures/office/: the Kazanlak seed DOCX saved by LibreOffice as Word 97 (.doc), OpenDocument (.odt) and
# RTF, each with an expected JSON (the DOCX's expected JSON with `source` filled in for the new file).
#
# Requirements: libreoffice-writer-nogui (soffice); node with the project's devDependencies (tsx).
# Usage: bash scripts/office/build-office-fixtures.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/fixtures/office"
WORK="$(mktemp -d /tmp/build-office.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
command -v soffice >/dev/null || { echo "build-office-fixtures: soffice not found" >&2; exit 1; }
export TZ=UTC LC_ALL=C.UTF-8 HOME="$WORK/home"
mkdir -p "$HOME" "$OUT"
STEM=kazanlak-pld-2024
cp "$ROOT/fixtures/$STEM.docx" "$WORK/$STEM.docx"
for spec in "doc:MS Word 97" "odt:writer8" "rtf:Rich Text Format"; do
  ext="${spec%%:*}"
  soffice -env:UserInstallation="file://$WORK/profile" --headless --norestore --nolockcheck \
    --convert-to "$spec" --outdir "$WORK/out" "$WORK/$STEM.docx" >"$WORK/soffice.log" 2>&1 || { cat "$WORK/soffice.log" >&2; exit 1; }
  cp "$WORK/out/$STEM.$ext" "$OUT/$STEM.$ext"
  echo "fixtures/office/$STEM.$ext"
done
cd "$ROOT"
npx --no-install tsx scripts/office/expected.ts "$ROOT/fixtures/$STEM.docx.expected.json" "$OUT"/$STEM.doc "$OUT"/$STEM.odt "$OUT"/$STEM.rtf
