"""
Cohort retention, written from docs/ARCHITECTURE.md's definition ("Cohorts"), for reference.py.

A client's cohort is the calendar month of their first dated order line up to the as-of date; clients
with a typed first/last order date (not after the as-of date) in an earlier month, or with typed dates
but no dated line, are left out; only the last 24 cohort months up to the as-of month are listed.
Month k of a cohort: the share of its clients with a dated line, or a typed first/last order date, in
the k-th calendar month after the cohort month; None when that month is after the as-of month.
Revenue: the dated lines' amounts (exact Decimal); month-0 revenue: those in the cohort month.
"""
from decimal import Decimal
from fractions import Fraction

MONTHS = 12
COHORTS = 24


def month_of(day):
    return day.year * 12 + day.month - 1


def label(month):
    return f'{month // 12:04d}-{month % 12 + 1:02d}'


def cohorts(clients, as_of):
    """[{month, clients, revenue, firstMonthRevenue, shares, partialMonth}], oldest first.
    Each client has `lines` (day or None, amount or None, number) up to the as-of date and `typed_first`,
    `typed_last` (dates or None)."""
    as_of_month = month_of(as_of)
    groups = {}
    for client in clients:
        dated = [(month_of(day), amount) for day, amount, _ in client.lines if day is not None]
        if not dated:
            continue
        first = min(month for month, _ in dated)
        typed = [month_of(d) for d in (client.typed_first, client.typed_last) if d is not None and d <= as_of]
        if any(month < first for month in typed) or first <= as_of_month - COHORTS:
            continue
        group = groups.setdefault(first, {'clients': 0, 'revenue': Decimal(0), 'first': Decimal(0), 'returned': [0] * MONTHS})
        group['clients'] += 1
        for month, amount in dated:
            group['revenue'] += amount or 0
            if month == first:
                group['first'] += amount or 0
        for k in {month - first for month, _ in dated} | {month - first for month in typed}:
            if 1 <= k <= MONTHS:
                group['returned'][k - 1] += 1
    out = []
    for month in sorted(groups):
        group = groups[month]
        shares = [float(Fraction(group['returned'][k - 1], group['clients'])) if month + k <= as_of_month else None
                  for k in range(1, MONTHS + 1)]
        partial = as_of_month - month
        out.append({'month': label(month), 'clients': group['clients'], 'revenue': float(group['revenue']),
                    'firstMonthRevenue': float(group['first']), 'shares': shares,
                    'partialMonth': partial if 1 <= partial <= MONTHS else None})
    return out
