#!/bin/sh
# Re-creates the development PDFs in this folder (needs soffice and chromium; tests do not).
set -e
cd "$(dirname "$0")"
node make-dev.mjs
soffice --headless --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export dev-ruled.html >/dev/null 2>&1 && mv dev-ruled.pdf dev-ruled.libreoffice.pdf
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=dev-ruled.chromium.pdf dev-ruled.html 2>/dev/null
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=dev-borderless.chromium.pdf dev-borderless.html 2>/dev/null
# image-only page (a "scan"), an encrypted file (password: secret) and a truncated file
pdftoppm -r 20 -gray -f 1 -l 1 -png dev-ruled.libreoffice.pdf /tmp/scan
echo "<!doctype html><html><body style='margin:0'><img src='data:image/png;base64,$(base64 -w0 /tmp/scan-1.png)' style='width:100%'></body></html>" > /tmp/scan.html
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=image-only.pdf /tmp/scan.html 2>/dev/null
qpdf --encrypt secret secret 256 -- image-only.pdf encrypted.pdf
head -c 20000 dev-ruled.chromium.pdf > truncated.pdf
# a ruled table whose header cells are written upwards and downwards
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=dev-rotated.chromium.pdf dev-rotated.html 2>/dev/null
# the same ruled table shown sideways (content turned by /Rotate): read upright again
qpdf --rotate=+90 dev-ruled.libreoffice.pdf sideways.libreoffice.pdf
# double borders
sed 's/border:1px solid #000/border:4px double #000/' dev-ruled.html > dev-double.html
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=dev-double.chromium.pdf dev-double.html 2>/dev/null
