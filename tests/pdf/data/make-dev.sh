#!/bin/sh
# Re-creates the development PDFs in this folder (needs soffice and chromium; tests do not).
set -e
cd "$(dirname "$0")"
node make-dev.mjs
soffice --headless --convert-to pdf:writer_web_pdf_Export dev-ruled.html >/dev/null 2>&1 && mv dev-ruled.pdf dev-ruled.libreoffice.pdf
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=dev-ruled.chromium.pdf dev-ruled.html 2>/dev/null
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=dev-borderless.chromium.pdf dev-borderless.html 2>/dev/null
