#!/usr/bin/env bash
# The Excel export as LibreOffice Calc prints it: FreshCart's checkout map rendered to .xlsx, converted
# headless to PDF by Calc, its first page (the "Map" sheet) drawn to PNG by pdftoppm. Usage:
# scripts/xlsx-screenshot.sh OUT.png (docs/images/export-xlsx.png is made with it).
set -euo pipefail
out="$1"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
node "$root/bin/journeymap.js" render "$root/examples/freshcart/checkout.journey.yaml" -o "$work/checkout.xlsx"
soffice "-env:UserInstallation=file://$work/profile" --headless --convert-to pdf --outdir "$work" "$work/checkout.xlsx" >/dev/null
pdftotext "$work/checkout.pdf" - | grep -q "Pays by card with 3-D" || { echo "the PDF lacks a touchpoint name" >&2; exit 1; }
pdftoppm -png -r 110 -f 1 -l 1 -x 60 -y 60 -W 1180 -H 320 -singlefile "$work/checkout.pdf" "$work/page"
cp "$work/page.png" "$out"
echo "wrote $out"
