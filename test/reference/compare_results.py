#!/usr/bin/python3
"""
Compares two results files client by client (the `clients` list of `crm-base analyze --json` against
reference.py's or the pandas script's output): same clients in the same order; dates, counts, scores,
segment and ABC class equal; revenue within 0.005; thresholds within a millionth. IDs are compared only
where the second file has one. Prints each mismatch (at most --show) and exits 1 when there is any.

  compare_results.py COMMAND.json OTHER.json [--show N]
"""
import argparse
import json
import sys

EXACT = ['name', 'firstOrder', 'lastOrder', 'orders', 'daysSinceLastOrder', 'cold', 'r', 'f', 'm', 'segment', 'abc']


def mismatches(command, other):
    out = []
    a, b = command['clients'], other['clients']
    if len(a) != len(b):
        out.append(f'clients: command {len(a)}, other {len(b)}')
    for i, (x, y) in enumerate(zip(a, b)):
        who = f"#{i + 1} {x['id']} «{x['name']}»"
        if y.get('id') is not None and x['id'] != y['id']:
            out.append(f"{who} id: command {x['id']!r}, other {y['id']!r}")
        for field in EXACT:
            if x[field] != y[field]:
                out.append(f'{who} {field}: command {x[field]!r}, other {y[field]!r}')
        if not abs(x['revenue'] - y['revenue']) <= 0.005:
            out.append(f"{who} revenue: command {x['revenue']!r}, other {y['revenue']!r}")
    for measure in ('recency', 'frequency', 'monetary'):
        s, t = command['thresholds'][measure], other['thresholds'][measure]
        if len(s) != len(t) or any(abs(p - q) > 1e-6 * max(1, abs(q)) for p, q in zip(s, t)):
            out.append(f'thresholds.{measure}: command {s}, other {t}')
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('command')
    parser.add_argument('other')
    parser.add_argument('--show', type=int, default=20)
    args = parser.parse_args()
    with open(args.command, encoding='utf-8') as f:
        command = json.load(f)
    with open(args.other, encoding='utf-8') as f:
        other = json.load(f)
    found = mismatches(command, other)
    for line in found[:args.show]:
        print(line)
    print(f'{len(command["clients"])} clients compared, {len(found)} mismatches')
    sys.exit(1 if found else 0)


if __name__ == '__main__':
    main()
