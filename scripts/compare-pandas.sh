#!/bin/sh
# A benchmark, not a test: `crm-base analyze --orders ORDERS.csv` against a pandas script doing the same
# analysis (scripts/compare-pandas.py), on 1C-style CSVs of LINES order lines (default 500,000) of two
# shapes: the product's synthetic sales export (src/sample generateOrdersCsv) and a retail-transactions
# shape (test/reference/retail_like.py: long invoices, a quarter of the lines without a customer,
# cancellations). The workbook holds an empty clients sheet, so the clients come from the CSV. Prints the
# wall time and peak memory of each, and checks that all three implementations (the command, pandas and
# the exact test/reference/reference.py) agree client by client.
#
#   scripts/compare-pandas.sh [LINES]        (CPU_PROFILE=1 also writes a V8 profile of the command)
# Needs the built command (npx tsc -p tsconfig.cli.json) and Debian's python3-pandas.
set -eu
cd "$(dirname "$0")/.."
LINES=${1:-500000}
PY=/usr/bin/python3
WORK=$(mktemp -d "${TMPDIR:-/tmp}/crm-compare-pandas.XXXXXX")
AS_OF_SAMPLE=2026-11-01
AS_OF_RETAIL=2011-12-10

if ! $PY -c 'import pandas' 2>/dev/null; then
  echo "python3-pandas is not installed (apt-get install -y python3-pandas)" >&2
  exit 2
fi
[ -f build/cli/main.js ] || { echo "build the command first: npx tsc -p tsconfig.cli.json" >&2; exit 2; }

echo "data: $LINES order lines per file, in $WORK"
node -e '
  const fs = require("fs");
  const { generateOrdersCsv } = require("./build/sample");
  const { XlsxWorkbook } = require("./build/xlsx/workbook");
  const { xlsxToFile } = require("./build/xlsx/node");
  const [dir, lines] = process.argv.slice(1);
  fs.writeFileSync(`${dir}/sample.csv`, generateOrdersCsv({ clients: Math.max(10, Math.round(lines / 10)), orders: Number(lines) }));
  const book = { sheets: [{ name: "Клиенты", header: ["ID", "Клиент", "Телефон"], rows: [] }] };
  xlsxToFile(XlsxWorkbook.fromSnapshot(book), `${dir}/empty.xlsx`);
' "$WORK" "$LINES"
$PY test/reference/retail_like.py --lines "$LINES" -o "$WORK/retail.csv"

# Wall seconds and peak resident MB of a command, from GNU time when present, else the shell's clock.
timed() {
  label=$1; shift
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/stderr" || { cat "$WORK/stderr" >&2; exit 1; }
    read -r seconds kb < "$WORK/time"
    printf '  %-34s %7.2f s  %6d MB\n' "$label" "$seconds" $((kb / 1024))
  else
    start=$(date +%s.%N)
    "$@" >/dev/null 2>"$WORK/stderr" || { cat "$WORK/stderr" >&2; exit 1; }
    printf '  %-34s %7.2f s\n' "$label" "$(echo "$(date +%s.%N) - $start" | bc)"
  fi
}

for shape in sample retail; do
  csv="$WORK/$shape.csv"
  if [ "$shape" = sample ]; then as_of=$AS_OF_SAMPLE; else as_of=$AS_OF_RETAIL; fi
  echo "$shape: $(du -h "$csv" | cut -f1) CSV, as of $as_of"
  timed "crm-base analyze --json" node bin/crm-base.js analyze "$WORK/empty.xlsx" --orders "$csv" --as-of "$as_of" --json "$WORK/$shape.cli.json"
  timed "pandas" $PY scripts/compare-pandas.py "$csv" --as-of "$as_of" --out "$WORK/$shape.pandas.json"
  timed "crm-base analyze --json -o OUT.xlsx" node bin/crm-base.js analyze "$WORK/empty.xlsx" --orders "$csv" --as-of "$as_of" --json "$WORK/$shape.cli.json" -o "$WORK/$shape.out.xlsx"
  timed "reference.py (exact, plain Python)" $PY test/reference/reference.py --import-orders "$csv" --as-of "$as_of" --out "$WORK/$shape.ref.json"
  printf '  command vs pandas:    '; $PY test/reference/compare_results.py "$WORK/$shape.cli.json" "$WORK/$shape.pandas.json" --show 5 || true
  printf '  command vs reference: '; $PY test/reference/compare_results.py "$WORK/$shape.cli.json" "$WORK/$shape.ref.json" --show 5 || true
  if [ "${CPU_PROFILE:-}" = 1 ]; then
    node --cpu-prof --cpu-prof-dir="$WORK/profile-$shape" bin/crm-base.js analyze "$WORK/empty.xlsx" --orders "$csv" --as-of "$as_of" --json "$WORK/profile.json" 2>/dev/null
    echo "  profile: $(ls "$WORK/profile-$shape"/*.cpuprofile)"
  fi
done
echo "files kept in $WORK"
