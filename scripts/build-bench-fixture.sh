#!/usr/bin/env bash
# Makes bench/large.pdf (~300 pages, for `npm run bench`): the Kyustendil seed's table repeated,
# laid out by LibreOffice like fixtures/ruo-kyustendil-2024-2025.libreoffice.pdf. Needs
# libreoffice-writer-nogui, hyphen-bg and fonts-liberation (Debian), as scripts/build-fixtures.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d /tmp/bench-fixture.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
export TZ=UTC LC_ALL=C.UTF-8 HOME="$WORK/home"
mkdir -p "$HOME" "$ROOT/bench"
cd "$ROOT"
npx --no-install tsx scripts/fixtures/large.ts "$WORK/bench-large.fodt" "${1:-14}"
soffice -env:UserInstallation="file://$WORK/lo" --headless --norestore --convert-to "docx:MS Word 2007 XML" --outdir "$WORK" "$WORK/bench-large.fodt" >/dev/null
soffice -env:UserInstallation="file://$WORK/lo" --headless --norestore --convert-to pdf --outdir "$WORK" "$WORK/bench-large.docx" >/dev/null
cp "$WORK/bench-large.pdf" "$ROOT/bench/large.pdf"
pdfinfo "$ROOT/bench/large.pdf" | grep -E "Pages|File size"
