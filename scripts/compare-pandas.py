#!/usr/bin/python3
"""
The analysis `crm-base analyze --orders ORDERS.csv` does (on a workbook with no clients of its own), written
the way an analyst would in pandas, as the speed yardstick of scripts/compare-pandas.sh. Needs Debian's
python3-pandas. Clients are keyed by the client-ID column when the line has one, else by the normalised
name, in the order they first appear; definitions as in docs/ARCHITECTURE.md (see test/reference/reference.py).

  compare-pandas.py ORDERS.csv --as-of YYYY-MM-DD [--out RESULTS.json]
"""
import argparse
import io
import json
import os
import sys

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'test', 'reference'))
from reference import FIELD_OF_KEY, decode, header_key  # noqa: E402  (header names and decoding only)

SEGMENTS = np.array([
    # F:  1                 2                  3                    4             5
    ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose'],                       # R1
    ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose'],                       # R2
    ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal', 'loyal'],                # R3
    ['promising', 'potential_loyalists', 'potential_loyalists', 'loyal', 'loyal'],           # R4
    ['new', 'potential_loyalists', 'potential_loyalists', 'champions', 'champions'],         # R5
])


def read_orders(path):
    with open(path, 'rb') as f:
        text = decode(f.read())
    lines = text.split('\n', 30)[:30]
    header = next(i for i, line in enumerate(lines)
                  if sum(1 for cell in line.strip('\r').split(';') if header_key(cell) and header_key(cell) in FIELD_OF_KEY) >= 2)
    df = pd.read_csv(io.StringIO(text), sep=';', skiprows=header, dtype=str, keep_default_na=False)
    columns = {}
    for column in df.columns:
        field = FIELD_OF_KEY.get(header_key(column)) if header_key(column) else None
        if field and field not in columns:
            columns[field] = column
    get = lambda field: df[columns[field]].str.strip() if field in columns else pd.Series('', index=df.index)
    return pd.DataFrame({f: get(f) for f in ('date', 'client_id', 'client', 'amount', 'number')})


def analyse(orders, as_of, cold_days=60, cut_a=75, cut_b=20):
    name_key = (orders.client.str.lower().str.replace('ё', 'е').str.replace('[«»"\'„“”‘’‚‹›`]', '', regex=True)
                .str.split().str.join(' '))
    key = np.where(orders.client_id != '', 'id:' + orders.client_id.str.lower(), 'name:' + name_key)
    orders = orders.assign(key=key)[(orders.client_id != '') | (orders.client != '')]
    codes, keys = pd.factorize(orders.key)
    orders = orders.assign(code=codes)
    first_lines = orders.drop_duplicates('code')
    names = np.where(first_lines.client != '', first_lines.client, first_lines.client_id)
    ids = np.where(first_lines.client_id != '', first_lines.client_id, None)
    n = len(keys)

    day = pd.to_datetime(orders.date.str.slice(0, 10), format='%d.%m.%Y', errors='coerce')
    amount = pd.to_numeric(orders.amount.str.replace(r'[\s\u00a0₽]', '', regex=True).str.replace(',', '.'), errors='coerce')
    live = ~(day > as_of)
    orders, day, amount = orders[live], day[live], amount[live]

    numbered = orders.number != ''
    distinct = orders[numbered].drop_duplicates(['code', 'number']).groupby('code').size()
    loose = orders[~numbered].groupby('code').size()
    count = distinct.reindex(range(n), fill_value=0) + loose.reindex(range(n), fill_value=0)
    revenue = amount.fillna(0).groupby(orders.code).sum().reindex(range(n), fill_value=0).round(6)
    first = day.groupby(orders.code).min().reindex(range(n))
    last = day.groupby(orders.code).max().reindex(range(n))
    days = (as_of - last).dt.days

    scored = (count > 0) & days.notna()
    thresholds = {}
    r = f = m = pd.Series(np.nan, index=range(n))
    if scored.any():
        for measure, values in (('recency', days), ('frequency', count), ('monetary', revenue)):
            thresholds[measure] = np.percentile(values[scored].to_numpy(dtype=float), [20, 40, 60, 80])
        above = lambda values, t: (values.to_numpy(dtype=float)[:, None] > t[None, :]).sum(axis=1)
        r = pd.Series(5 - above(days.fillna(0), thresholds['recency'])).where(scored)
        f = pd.Series(1 + above(count, thresholds['frequency'])).where(scored)
        m = pd.Series(1 + above(revenue, thresholds['monetary'])).where(scored)

    positive = revenue[revenue > 0].sort_values(ascending=False, kind='stable')
    before = positive.cumsum() - positive
    total = positive.sum()
    abc = pd.Series(np.select([before * 100 < cut_a * total, before * 100 < (cut_a + cut_b) * total], ['A', 'B'], 'C'),
                    index=positive.index).reindex(range(n))

    # Columns to plain Python lists first: indexing Series element by element would dominate the run.
    iso = lambda dates: [None if pd.isna(d) else d for d in dates.dt.strftime('%Y-%m-%d')]
    whole = lambda values: [None if v != v else int(v) for v in values.to_numpy(dtype=float)]
    rs, fs = whole(r), whole(f)
    columns = {
        'id': list(ids), 'name': list(names), 'firstOrder': iso(first), 'lastOrder': iso(last),
        'orders': count.astype(int).tolist(), 'revenue': revenue.astype(float).tolist(), 'daysSinceLastOrder': whole(days),
        'cold': ((count > 0) & (days >= cold_days)).tolist(), 'r': rs, 'f': fs, 'm': whole(m),
        'segment': [None if x is None else str(SEGMENTS[x - 1, y - 1]) for x, y in zip(rs, fs)],
        'abc': [None if a != a else a for a in abc.tolist()],
    }
    clients = [dict(zip(columns, row)) for row in zip(*columns.values())]
    return {'asOf': as_of.strftime('%Y-%m-%d'), 'clients': clients,
            'thresholds': {k: [float(t) for t in thresholds.get(k, [])] for k in ('recency', 'frequency', 'monetary')}}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('orders')
    parser.add_argument('--as-of', required=True)
    parser.add_argument('--out')
    args = parser.parse_args()
    result = analyse(read_orders(args.orders), pd.Timestamp(args.as_of))
    text = json.dumps(result, ensure_ascii=False)
    if args.out:
        with open(args.out, 'w', encoding='utf-8') as f:
            f.write(text)
    else:
        print(text)


if __name__ == '__main__':
    main()
