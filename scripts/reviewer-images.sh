#!/bin/sh
# Renders the reviewer outputs of the bundled examples through LibreOffice (headless) and saves the first pages as
# PNGs in docs/images/: the summary workbook (--report) and the annotated copy (--annotate) of example 004.
# Needs soffice and pdftoppm. Run: npm run build:node && sh scripts/reviewer-images.sh
set -e
cd "$(dirname "$0")/.."
out=$(mktemp -d)
node dist/src/cli/main.js examples --report "$out/summary.xlsx" --annotate "$out/annotated" > /dev/null || true
cp "$out/annotated/004-重庆石柱-部门预算公开.xlsx" "$out/annotated-004.xlsx"
soffice --headless --convert-to pdf --outdir "$out" "$out/summary.xlsx" "$out/annotated-004.xlsx" > /dev/null
pdftoppm -r 80 -png -f 1 -l 1 "$out/summary.pdf" "$out/summary-files"
pdftoppm -r 80 -png -f 2 -l 2 "$out/summary.pdf" "$out/summary-findings"
pdftoppm -r 80 -png -f 1 -l 1 "$out/annotated-004.pdf" "$out/annotated-results"
mkdir -p docs/images
for name in summary-files summary-findings annotated-results; do cp "$out/$name"-*.png "docs/images/reviewer-$name.png"; done
rm -rf "$out"
ls docs/images/reviewer-*.png
