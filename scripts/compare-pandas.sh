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
#   ROUNDS=5 scripts/compare-pandas.sh [LINES]
#     the ratio mode: per shape, ROUNDS rounds of A B A B … (the command to JSON, pandas, the command with
#     the result .xlsx, and the floor: a plain Node loop that only reads the file and splits its lines),
#     then the medians and the three ratios the speed goals name (JSON ≤ 0.5× pandas, with .xlsx ≤ 1.0×
#     pandas, peak memory ≤ pandas'), and each figure's distance from the floor.
#   SCALING="100000 300000 1000000" scripts/compare-pandas.sh
#     the scaling mode: the synthetic shape at each size, the command to JSON and pandas in turn (ROUNDS
#     rounds, default 1, medians), on one line, with the seconds per 100,000 lines: a line that grows
#     linearly keeps that figure flat.
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

# The synthetic export of LINES lines (a client per ten lines) as $WORK/sample.csv, and the empty workbook.
make_sample() {
  node -e '
    const fs = require("fs");
    const { generateOrdersCsv } = require("./build/sample");
    const { XlsxWorkbook } = require("./build/xlsx/workbook");
    const { xlsxToFile } = require("./build/xlsx/node");
    const [dir, lines] = process.argv.slice(1);
    fs.writeFileSync(`${dir}/sample.csv`, generateOrdersCsv({ clients: Math.max(10, Math.round(lines / 10)), orders: Number(lines) }));
    const book = { sheets: [{ name: "Клиенты", header: ["ID", "Клиент", "Телефон"], rows: [] }] };
    xlsxToFile(XlsxWorkbook.fromSnapshot(book), `${dir}/empty.xlsx`);
  ' "$WORK" "$1"
}

if [ -n "${SCALING:-}" ]; then
  [ -x /usr/bin/time ] || { echo "the scaling mode needs GNU time (apt-get install -y time)" >&2; exit 2; }
  echo "scaling, synthetic shape, medians of ${ROUNDS:-1} alternating rounds (files in $WORK):"
  for lines in $SCALING; do
    make_sample "$lines"
    : > "$WORK/json.runs"
    : > "$WORK/pandas.runs"
    round=1
    while [ "$round" -le "${ROUNDS:-1}" ]; do
      /usr/bin/time -f "%e %M" -a -o "$WORK/json.runs" node bin/crm-base.js analyze "$WORK/empty.xlsx" --orders "$WORK/sample.csv" --as-of "$AS_OF_SAMPLE" --json "$WORK/cli.json" >/dev/null 2>&1
      /usr/bin/time -f "%e %M" -a -o "$WORK/pandas.runs" $PY scripts/compare-pandas.py "$WORK/sample.csv" --as-of "$AS_OF_SAMPLE" --out "$WORK/pandas.json" >/dev/null 2>&1
      round=$((round + 1))
    done
    $PY - "$WORK" "$lines" <<'PY'
import statistics, sys
work, lines = sys.argv[1], int(sys.argv[2])
def median(name):
    runs = [tuple(map(float, line.split())) for line in open(f'{work}/{name}.runs') if line.strip()]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs) / 1024
(cli, cli_mb), (pandas, pandas_mb) = median('json'), median('pandas')
per = 100_000 / lines
print(f'  {lines:>9,} lines: crm-base {cli:6.2f} s ({cli * per:4.2f} s per 100k, {cli_mb:5.0f} MB) | pandas {pandas:6.2f} s ({pandas * per:4.2f} s per 100k, {pandas_mb:5.0f} MB) | ratio {cli / pandas:4.2f}')
PY
  done
  exit 0
fi

echo "data: $LINES order lines per file, in $WORK"
make_sample "$LINES"
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

# The floor: the least any tool must do, read the bytes and split them into lines.
FLOOR='let n=0;const s=require("fs").readFileSync(process.argv[1],"latin1");for(let i=s.indexOf("\n");i>=0;i=s.indexOf("\n",i+1))n++;console.log(n)'

# One timed run appended to a file of "seconds kb" lines (GNU time is required for the ratio mode).
measure() {
  out=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/stderr" || { cat "$WORK/stderr" >&2; exit 1; }
  cat "$WORK/time" >> "$out"
}

if [ "${ROUNDS:-0}" -gt 0 ]; then
  [ -x /usr/bin/time ] || { echo "the ratio mode needs GNU time (apt-get install -y time)" >&2; exit 2; }
  for shape in sample retail; do
    csv="$WORK/$shape.csv"
    if [ "$shape" = sample ]; then as_of=$AS_OF_SAMPLE; else as_of=$AS_OF_RETAIL; fi
    for f in json pandas xlsx floor; do : > "$WORK/$shape.$f.runs"; done
    round=1
    while [ "$round" -le "$ROUNDS" ]; do
      measure "$WORK/$shape.json.runs" node bin/crm-base.js analyze "$WORK/empty.xlsx" --orders "$csv" --as-of "$as_of" --json "$WORK/$shape.cli.json"
      measure "$WORK/$shape.pandas.runs" $PY scripts/compare-pandas.py "$csv" --as-of "$as_of" --out "$WORK/$shape.pandas.json"
      measure "$WORK/$shape.xlsx.runs" node bin/crm-base.js analyze "$WORK/empty.xlsx" --orders "$csv" --as-of "$as_of" --json "$WORK/$shape.cli.json" -o "$WORK/$shape.out.xlsx"
      measure "$WORK/$shape.floor.runs" node -e "$FLOOR" "$csv"
      round=$((round + 1))
    done
    echo "$shape: $(du -h "$csv" | cut -f1) CSV, as of $as_of, medians of $ROUNDS alternating rounds"
    $PY - "$WORK/$shape" <<'PY'
import statistics, sys
stem = sys.argv[1]
def medians(name):
    runs = [tuple(map(float, line.split())) for line in open(f'{stem}.{name}.runs') if line.strip()]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs) / 1024
rows = {name: medians(name) for name in ('json', 'pandas', 'xlsx', 'floor')}
labels = {'json': 'crm-base analyze --json', 'pandas': 'pandas', 'xlsx': 'crm-base analyze --json -o OUT.xlsx', 'floor': 'floor: read + split lines (Node)'}
floor = rows['floor'][0]
for name, (seconds, mb) in rows.items():
    print(f'  {labels[name]:<36} {seconds:6.2f} s  {mb:6.0f} MB  {seconds / floor:5.1f}x the floor')
pandas_s, pandas_mb = rows['pandas']
print(f"  ratio analyze to JSON / pandas:        {rows['json'][0] / pandas_s:5.2f}  (goal <= 0.5)")
print(f"  ratio analyze + .xlsx / pandas:        {rows['xlsx'][0] / pandas_s:5.2f}  (goal <= 1.0)")
print(f"  ratio peak memory (JSON run) / pandas: {rows['json'][1] / pandas_mb:5.2f}  (goal <= 1.0)")
PY
    printf '  command vs pandas:    '; $PY test/reference/compare_results.py "$WORK/$shape.cli.json" "$WORK/$shape.pandas.json" --show 5 || true
  done
  echo "files kept in $WORK"
  exit 0
fi

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
