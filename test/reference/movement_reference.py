"""An independent «Воронка: движение» (docs/ARCHITECTURE.md, Definitions), standard library only.

Reads JSON on stdin: {"asOf": "yyyy-mm-dd", "statuses": [names in funnel order], "chain": [indices],
"seenNote": "...", "rows": [{"when": "yyyy-mm-ddThh:mm" or null, "id": "", "name": "", "result": ""}]}
and prints {"months": [[month, [counts], [[cohort entered, converted] per chain pair], [median days of the
stays begun that month per status]]], "conversions": [[entered, converted]], "days": [[stays, median]],
"undated": n, "later": n}.
"""
import json
import statistics
import sys
from datetime import date


def main():
    data = json.load(sys.stdin)
    as_of = date.fromisoformat(data["asOf"])
    names = [n.lower().replace("ё", "е") for n in data["statuses"]]
    note = data["seenNote"]
    per_client = {}
    undated = later = 0
    for row_number, row in enumerate(data["rows"]):
        result = row["result"]
        seen = result.endswith(note)
        if seen:
            result = result[: -len(note)]
        if " → " not in result:
            continue
        if row["when"] is None:
            undated += 1
            continue
        day = date.fromisoformat(row["when"][:10])
        if day > as_of:
            later += 1
            continue
        to = result.rsplit(" → ", 1)[1].strip().lower().replace("ё", "е")
        status = names.index(to) if to in names else -1
        key = ("id", row["id"]) if row["id"] else ("name", row["name"])
        per_client.setdefault(key, []).append((day, row_number, status, seen))
    entered = {}
    stays = [[] for _ in names]
    month_stays = {}
    cohorts = {}
    chain = data["chain"]
    ever = [0] * len(chain)
    moved = [0] * len(chain)
    for moves in per_client.values():
        moves.sort(key=lambda m: (m[0], m[1]))
        for i, (day, _, status, seen) in enumerate(moves):
            if status < 0:
                continue
            entered.setdefault((day.year, day.month), [set() for _ in names])[status].add(id(moves))
            if i + 1 < len(moves) and not seen and not moves[i + 1][3]:
                stays[status].append((moves[i + 1][0] - day).days)
                month_stays.setdefault((day.year, day.month), [[] for _ in names])[status].append((moves[i + 1][0] - day).days)
        for k, status in enumerate(chain):
            positions = [i for i, m in enumerate(moves) if m[2] == status]
            if not positions:
                continue
            ever[k] += 1
            went_on = k + 1 < len(chain) and any(m[2] == chain[k + 1] for m in moves[positions[0] + 1:])
            if went_on:
                moved[k] += 1
            if k + 1 < len(chain):
                first_day = moves[positions[0]][0]
                cohort = cohorts.setdefault((first_day.year, first_day.month), [[0, 0] for _ in range(len(chain) - 1)])
                cohort[k][0] += 1
                cohort[k][1] += 1 if went_on else 0
    months = []
    if entered:
        year, month = min(entered)
        while (year, month) <= (as_of.year, as_of.month):
            sets = entered.get((year, month))
            cohort = cohorts.get((year, month), [[0, 0] for _ in range(len(chain) - 1)])
            begun = month_stays.get((year, month), [[] for _ in names])
            months.append([
                "%04d-%02d" % (year, month),
                [len(s) for s in sets] if sets else [0] * len(names),
                cohort,
                [statistics.median(s) if s else None for s in begun],
            ])
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    print(json.dumps({
        "months": months,
        "conversions": [[ever[k], moved[k]] for k in range(len(chain) - 1)],
        "days": [[len(s), statistics.median(s) if s else None] for s in stays],
        "undated": undated,
        "later": later,
    }))


main()
