#!/usr/bin/python3
"""
An independent implementation of docs/ARCHITECTURE.md's tracker, RFM and ABC, to check `crm-base analyze` against.

Standard library only, and written from docs/ARCHITECTURE.md's definitions, not from the TypeScript: money is summed
exactly (Decimal), percentiles are computed exactly (Fraction), so a disagreement points at rounding or
a misread definition on one side.

Inputs (the same data the command is given, in simple forms):
  --clients CLIENTS.json     the clients sheet in sheet order: [{"id": str|null, "name": str, "phone": str, "manager": str,
                             "firstOrder", "lastOrder", "orders", "revenue": the typed history cells as
                             text, each optional}]
  --book-orders ORDERS.csv   orders already on the Orders sheet: linked to clients, never add a client
  --import-orders ORDERS.csv orders imported with `--orders`: a client not on the sheet is added
  --as-of YYYY-MM-DD         the analysis date (required)
  --cold-days N, --cut-a N, --cut-b N, --rhythm-slip K   settings (defaults 60, 75, 20, 2)
A CSV may be 1C-style: `;`, `,` or tab separated, windows-1251 or UTF-8 (with or without a BOM), a title
block above the header, dates `dd.mm.yyyy[ HH:MM[:SS]]` or `yyyy-mm-dd`, amounts like `1 234,56 ₽`.

Output (stdout or --out): {"asOf", "clients": [{id, name, firstOrder, lastOrder, orders, revenue,
daysSinceLastOrder, cold, medianGap, expectedOrder, slipping, r, f, m, rfm, segment, abc}], "cohorts": [see reference_cohorts.py],
"thresholds": {recency, frequency, monetary},
"planFact": [{manager, month, revenue, newClients}] (the facts of plan vs actual, no plan, no history)}.
Clients come in sheet order: the clients file first, then clients added by the import in the order they
first appear. `id` is null for an added client whose file has no client-ID column (the command numbers
those itself).

Decisions docs/ARCHITECTURE.md leaves open, taken here as the command documents them:
- an order dated after the as-of date is ignored entirely;
- an order whose date cannot be read counts for orders and revenue but not for the dates, so its client
  has no recency unless another order is dated;
- an order whose amount cannot be read counts as an order with no money;
- an imported line keeps its manager (the import adds a manager column to an Orders sheet without one);
  a line without one counts for its client's manager;
- an imported line the sheet already holds (same order number for the same client on the same date, else
  the same date, client, amount and service, counted) is not imported again.

The typed history (docs/ARCHITECTURE.md: typed values are inputs, counted once): the history covers the orders up
to its cover date (the typed last order date, else the typed first one, when not after the as-of date);
orders dated up to it, and undated orders when anything is typed, are taken as part of the typed
figures; the others are added to them. Orders = max(typed count, covered orders) + the others, where
the typed count is at least one per distinct typed date; revenue = max(typed revenue, covered revenue)
+ the others' revenue (the covered revenue alone without a typed one); first order = the typed first
date or the earliest order, or the typed last date for a single typed order; last = the latest of all.
"""
import argparse
import csv
import datetime
import io
import json
import math
import re
import sys
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from reference_cohorts import cohorts

# --- reading files ---------------------------------------------------------------------------------

# Header names per order field, compared as lower-case letters and digits only (ё as е).
ORDER_HEADERS = {
    'date': ['Дата', 'Дата заказа', 'Дата продажи', 'Дата покупки', 'Дата сделки', 'Дата оплаты', 'Период',
             'Date', 'Order date', 'Sale date', 'Purchase date', 'InvoiceDate'],
    'client_id': ['ID клиента', 'Код клиента', 'ИД клиента', 'Номер клиента',
                  'Client ID', 'Customer ID', 'CustomerID', 'Client code'],
    'client': ['Клиент', 'Покупатель', 'Контрагент', 'Заказчик', 'ФИО', 'Наименование клиента', 'Компания',
               'Client', 'Customer', 'Customer name', 'Client name', 'Buyer'],
    'amount': ['Сумма', 'Сумма заказа', 'Стоимость', 'Итого', 'Сумма, руб', 'Выручка', 'Оплачено',
               'Amount', 'Total', 'Sum', 'Order total', 'Revenue', 'Paid'],
    'number': ['Номер заказа', '№ заказа', 'Номер', '№', 'Номер документа', 'Документ', 'Номер чека',
               'Order number', 'Order no', 'Order #', 'Order ID', 'Number', 'InvoiceNo', 'Invoice'],
    'service': ['Услуга', 'Товар', 'Номенклатура', 'Продукт', 'Наименование', 'Наименование услуги',
                'Service', 'Product', 'Item', 'Description'],
    'manager': ['Менеджер', 'Ответственный', 'Клиентский менеджер', 'Продавец', 'Manager', 'Sales rep', 'Seller', 'Owner'],
}


def header_key(text):
    return re.sub(r'[\W_]', '', text.lower().replace('ё', 'е')) if text else ''


FIELD_OF_KEY = {}
for _field, _names in ORDER_HEADERS.items():
    for _name in _names:
        if header_key(_name):  # `№` alone names nothing once punctuation is dropped
            FIELD_OF_KEY.setdefault(header_key(_name), _field)


def decode(data):
    if data.startswith(b'\xef\xbb\xbf'):
        return data[3:].decode('utf-8')
    if data.startswith(b'\xff\xfe') or data.startswith(b'\xfe\xff'):
        return data.decode('utf-16')
    try:
        return data.decode('utf-8')
    except UnicodeDecodeError:
        return data.decode('cp1251')


def header_fields(record):
    """{field: column} for a record read as a header (first column wins), and how many columns it names."""
    fields = {}
    named = 0
    for column, cell in enumerate(record):
        field = FIELD_OF_KEY.get(header_key(cell.strip())) if header_key(cell) else None
        if field is not None:
            named += 1
            fields.setdefault(field, column)
    return fields, named


def read_order_csv(path):
    """The order lines of a CSV as dicts {date, client_id, client, amount, number} of raw text."""
    with open(path, 'rb') as f:
        text = decode(f.read())
    best = None
    for delimiter in (';', '\t', ','):
        records = list(csv.reader(io.StringIO(text, newline=''), delimiter=delimiter))
        for index, record in enumerate(records[:30]):
            fields, named = header_fields(record)
            if named >= 2:
                if best is None or named > best[0]:
                    best = (named, records, index, fields)
                break
    if best is None:
        raise SystemExit(f'{path}: no header row with order columns')
    _, records, index, fields = best
    lines = []
    for record in records[index + 1:]:
        if all(cell.strip() == '' for cell in record):
            continue
        cell = lambda field: record[fields[field]].strip() if field in fields and fields[field] < len(record) else ''
        lines.append({field: cell(field) for field in ORDER_HEADERS})
    return lines


# --- values ----------------------------------------------------------------------------------------

TIME = r'(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?'
DAY_FIRST = re.compile(r'^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:\s*г\.?)?' + TIME + r'$')
YEAR_FIRST = re.compile(r'^(\d{4})-(\d{1,2})-(\d{1,2})' + TIME + r'(?:Z|[+-]\d{2}:?\d{2})?$')


def parse_date(text):
    """The calendar date of `dd.mm.yyyy[ HH:MM[:SS]]` / `yyyy-mm-dd…`, or None."""
    text = text.strip()
    m = DAY_FIRST.match(text)
    if m:
        day, month, year, time = int(m.group(1)), int(m.group(3)), m.group(4), m.groups()[4:]
        year = int(year) if len(year) == 4 else (2000 + int(year) if int(year) < 30 else 1900 + int(year))
    else:
        m = YEAR_FIRST.match(text)
        if not m:
            return None
        year, month, day, time = int(m.group(1)), int(m.group(2)), int(m.group(3)), m.groups()[3:]
    if time[0] is not None and not (int(time[0]) < 24 and int(time[1]) < 60 and (time[2] is None or int(time[2]) < 60)):
        return None
    if not 1900 <= year <= 2199:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


CURRENCY = re.compile(r'^(?:₽|руб\.?|р\.|rub)\s*|\s*(?:₽|руб(?:лей|ля|ль)?\.?|р\.?|rub\.?|rur\.?)$', re.I)
SPACES = re.compile(r"[\s\u00a0\u2007\u2009\u202f']")


def parse_amount(text):
    """Decimal of `1 234,56`, `1 234,56 ₽`, `-500`, `1,234.56`, `1.234,56`; None when not an amount."""
    text = CURRENCY.sub('', text.strip())
    text = SPACES.sub('', text).replace('−', '-').replace('–', '-')
    if not text:
        return None
    if ',' in text and '.' in text:
        decimal, group = (',', '.') if text.rfind(',') > text.rfind('.') else ('.', ',')
        text = text.replace(group, '').replace(decimal, '.')
    elif text.count(',') == 1:
        text = text.replace(',', '.')
    elif text.count(',') > 1 or text.count('.') > 1:
        text = text.replace(',', '').replace('.', '')
    if not re.fullmatch(r'[-+]?(\d+(\.\d+)?|\.\d+)', text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


QUOTES = re.compile('[«»"\'„“”‘’‚‹›`]')


def normal_name(text):
    """Names compared the way docs/ARCHITECTURE.md links orders: case, ё, quotes and runs of spaces do not matter."""
    return ' '.join(QUOTES.sub('', (text or '').lower().replace('ё', 'е')).split())


def normal_phone(text):
    """A Russian phone as +7XXXXXXXXXX, or None (enough for the tests' data)."""
    if not text or not re.fullmatch(r'[\d\s()+\-.\u00a0]+', text.strip()):
        return None
    digits = re.sub(r'\D', '', text)
    if len(digits) == 11 and digits[0] in '78':
        return '+7' + digits[1:]
    if len(digits) == 10 and digits[0] == '9':
        return '+7' + digits
    return None


# --- the analysis ----------------------------------------------------------------------------------

def count_orders(lines):
    """Distinct order numbers plus one per line without a number."""
    return len({line[2] for line in lines if line[2]}) + sum(1 for line in lines if not line[2])


class Client:
    def __init__(self, client_id, name, phone='', typed=None, manager=''):
        self.id = client_id
        self.name = name
        self.manager = manager
        self.phone = normal_phone(phone)
        typed = typed or {}
        self.typed_first = parse_date(typed.get('firstOrder') or '')
        self.typed_last = parse_date(typed.get('lastOrder') or '')
        count = parse_amount(typed.get('orders') or '')
        self.typed_orders = int(count) if count is not None and count >= 0 and count == int(count) else None
        self.typed_revenue = parse_amount(typed.get('revenue') or '')
        self.lines = []  # (day or None, amount or None, number) of the orders up to the as-of date

    def combine(self, as_of):
        """first, last, orders and revenue over the typed history and the order lines."""
        first = self.typed_first if self.typed_first and self.typed_first <= as_of else None
        last = self.typed_last if self.typed_last and self.typed_last <= as_of else None
        cover = last or first
        anything_typed = cover is not None or self.typed_orders is not None or self.typed_revenue is not None
        covered = [l for l in self.lines if (l[0] is None and anything_typed) or (l[0] is not None and cover is not None and l[0] <= cover)]
        others = [l for l in self.lines if l not in covered]
        typed_count = max(self.typed_orders or 0, 2 if first and last and first < last else 1 if first or last else 0)
        in_covered = count_orders(covered)
        orders = max(typed_count, in_covered) + count_orders(others)
        money = lambda ls: sum((l[1] for l in ls if l[1] is not None), Decimal(0))
        known = money(covered) if self.typed_revenue is None else max(self.typed_revenue, money(covered))
        revenue = known + money(others)
        dated = [l[0] for l in self.lines if l[0] is not None]
        if first is not None:
            first_order = min([first] + dated)
        elif typed_count <= in_covered:
            first_order = min(dated) if dated else None
        elif typed_count == 1:
            first_order = min([last] + dated)
        else:
            first_order = None
        last_order = max([d for d in [last] + dated if d is not None], default=None)
        self.first, self.last, self.orders, self.revenue = first_order, last_order, orders, revenue
        # The rhythm: gaps between distinct order days, known only when every order has a known day.
        unknown = (typed_count > in_covered or len(dated) < len(self.lines)
                   or (first is not None and (not dated or first < min(dated)))
                   or (last is not None and (not dated or last > max(dated))))
        visits = sorted(set(dated))
        gaps = sorted((b - a).days for a, b in zip(visits, visits[1:]))
        self.median_gap = None
        if not unknown and len(gaps) >= 2:
            half = len(gaps) // 2
            self.median_gap = Fraction(gaps[half]) if len(gaps) % 2 else Fraction(gaps[half - 1] + gaps[half], 2)


class Base:
    def __init__(self, clients):
        self.clients = []
        self.by_id, self.by_name, self.by_phone = {}, {}, {}
        for c in clients:
            self.add(Client(c.get('id') or None, c.get('name') or '', c.get('phone') or '', c, c.get('manager') or ''))

    def add(self, client):
        self.clients.append(client)
        if client.id:
            self.by_id.setdefault(client.id, client)
            self.by_id.setdefault(normal_name(client.id), client)
        if normal_name(client.name):
            self.by_name.setdefault(normal_name(client.name), client)
        if client.phone:
            self.by_phone.setdefault(client.phone, client)
        return client

    def find(self, line):
        """The client of an order line: by ID, else by normalised name, else by phone."""
        cid, name = line['client_id'], line['client']
        for found in (self.by_id.get(cid) if cid else None,
                      self.by_id.get(normal_name(cid)) if cid else None,
                      self.by_name.get(normal_name(name)) if name else None,
                      self.by_phone.get(normal_phone(name)),
                      self.by_phone.get(normal_phone(cid))):
            if found is not None:
                return found
        return None


def link_import(base, lines):
    """Each imported line's client; a client missing from the sheet is added once per file ID or name."""
    known = dict(base.by_id), dict(base.by_name), dict(base.by_phone)
    sheet = Base([])
    sheet.by_id, sheet.by_name, sheet.by_phone = known
    added = {}
    out = []
    for line in lines:
        client = sheet.find(line)
        if client is None and (line['client_id'] or line['client']):
            key = ('id', normal_name(line['client_id'])) if line['client_id'] else ('name', normal_name(line['client']))
            if key not in added:
                added[key] = base.add(Client(line['client_id'] or None, line['client'] or line['client_id']))
            client = added[key]
        out.append(client)
    return out


def track(client, line, as_of):
    day = parse_date(line['date'])
    if day is not None and day > as_of:
        return
    client.lines.append((day, parse_amount(line['amount']), line['number']))


def percentile_inc(sorted_values, p):
    """Excel's PERCENTILE.INC, exactly: position (n-1)·p, linear between neighbours."""
    h = (len(sorted_values) - 1) * p
    lower = h.numerator // h.denominator
    fraction = h - lower
    if fraction == 0:
        return sorted_values[lower]
    return sorted_values[lower] + fraction * (sorted_values[lower + 1] - sorted_values[lower])


PERCENTS = [Fraction(k, 5) for k in (1, 2, 3, 4)]


def segment(r, f):
    """docs/ARCHITECTURE.md's table of segments by (R, F)."""
    table = {
        (1, 1): 'hibernating', (1, 2): 'hibernating', (2, 1): 'hibernating', (2, 2): 'hibernating',
        (1, 3): 'at_risk', (1, 4): 'at_risk', (2, 3): 'at_risk', (2, 4): 'at_risk',
        (1, 5): 'cant_lose', (2, 5): 'cant_lose',
        (3, 1): 'about_to_sleep', (3, 2): 'about_to_sleep', (3, 3): 'need_attention',
        (3, 4): 'loyal', (3, 5): 'loyal', (4, 4): 'loyal', (4, 5): 'loyal',
        (4, 1): 'promising', (5, 1): 'new',
        (4, 2): 'potential_loyalists', (4, 3): 'potential_loyalists',
        (5, 2): 'potential_loyalists', (5, 3): 'potential_loyalists',
        (5, 4): 'champions', (5, 5): 'champions',
    }
    return table[(r, f)]


def already_present(book, book_clients, imported, linked):
    """Per imported line: the sheet already holds it (the same export imported again), by order number for
    the same client on the same date, else by date, client, amount and service, counted (the n-th
    identical line is present when the sheet has it n times)."""
    def fingerprint(line, client):
        amount = parse_amount(line['amount'])
        return (parse_date(line['date']), id(client) if client else None,
                None if amount is None else amount.quantize(Decimal('0.01')), normal_name(line['service']))
    numbers, held = {}, {}
    for line, client in zip(book, book_clients):
        if line['number']:
            numbers.setdefault(line['number'], set()).add((id(client) if client else None, parse_date(line['date'])))
        else:
            key = fingerprint(line, client)
            held[key] = held.get(key, 0) + 1
    seen, out = {}, []
    for line, client in zip(imported, linked):
        if line['number']:
            out.append((id(client) if client else None, parse_date(line['date'])) in numbers.get(line['number'], set()))
        else:
            key = fingerprint(line, client)
            seen[key] = seen.get(key, 0) + 1
            out.append(seen[key] <= held.get(key, 0))
    return out


def analyse(base, as_of, cold_days, cut_a, cut_b, rhythm_slip):
    clients = base.clients
    for c in clients:
        c.combine(as_of)
    days = {c: (as_of - c.last).days for c in clients if c.last is not None}
    scored = [c for c in clients if c.orders > 0 and c in days]
    measures = {
        'recency': lambda c: Fraction(days[c]),
        'frequency': lambda c: Fraction(c.orders),
        'monetary': lambda c: Fraction(c.revenue),
    }
    thresholds = {}
    for name, measure in measures.items():
        values = sorted(measure(c) for c in scored)
        thresholds[name] = [percentile_inc(values, p) for p in PERCENTS] if values else []
    exceeded = lambda value, ts: sum(1 for t in ts if value > t)
    rfm = {}
    for c in scored:
        r = 5 - exceeded(measures['recency'](c), thresholds['recency'])
        f = 1 + exceeded(measures['frequency'](c), thresholds['frequency'])
        m = 1 + exceeded(measures['monetary'](c), thresholds['monetary'])
        rfm[c] = (r, f, m)

    # ABC: revenue descending, ties in sheet order; the share BEFORE a client sets its class.
    ranked = sorted((c for c in clients if c.revenue > 0), key=lambda c: -c.revenue)
    total = sum((c.revenue for c in ranked), Decimal(0))
    abc, before = {}, Decimal(0)
    for c in ranked:
        abc[c] = 'A' if before * 100 < cut_a * total else 'B' if before * 100 < (cut_a + cut_b) * total else 'C'
        before += c.revenue

    iso = lambda d: d.isoformat() if d else None
    rows = []
    for c in clients:
        r, f, m = rfm.get(c, (None, None, None))
        rows.append({
            'id': c.id, 'name': c.name, 'firstOrder': iso(c.first), 'lastOrder': iso(c.last),
            'orders': c.orders, 'revenue': float(c.revenue), 'daysSinceLastOrder': days.get(c),
            'cold': c.orders > 0 and c in days and days[c] >= cold_days,
            'medianGap': None if c.median_gap is None else float(c.median_gap),
            # Half a day rounds up.
            'expectedOrder': None if c.median_gap is None else iso(c.last + datetime.timedelta(days=math.floor(c.median_gap + Fraction(1, 2)))),
            'slipping': c.median_gap is not None and days[c] > rhythm_slip * c.median_gap,
            'r': r, 'f': f, 'm': m, 'rfm': f'{r}{f}{m}' if r else None,
            'segment': segment(r, f) if r else None, 'abc': abc.get(c),
        })
    return {'asOf': as_of.isoformat(), 'clients': rows, 'cohorts': cohorts(clients, as_of),
            'thresholds': {k: [float(t) for t in v] for k, v in thresholds.items()}}


def plan_fact(base, credited, as_of):
    """docs/ARCHITECTURE.md's plan vs actual without a plan or a history: the last three months (up to the
    as-of month) with a fact; per manager (compared as names are) and month, the revenue of the dated order
    lines, credited to the line's manager, else its client's, and the clients whose first order falls in
    the month, credited to the client's manager."""
    spelled, facts = {}, {}

    def credit(manager, day, revenue, new):
        key = normal_name(manager)
        spelled.setdefault(key, manager.strip() if key else '')
        fact = facts.setdefault((key, day.strftime('%Y-%m')), [Decimal(0), 0])
        fact[0] += revenue
        fact[1] += new
    for c in base.clients:
        spelled.setdefault(normal_name(c.manager), c.manager.strip() if normal_name(c.manager) else '')
    for day, amount, manager in credited:
        if day is not None and day <= as_of:
            credit(manager, day, amount or Decimal(0), 0)
    for c in base.clients:
        if c.first is not None and c.first <= as_of:
            credit(c.manager, c.first, Decimal(0), 1)
    months = sorted({month for _, month in facts if month <= as_of.strftime('%Y-%m')})[-3:]
    return [{'manager': spelled[key], 'month': month, 'revenue': float(fact[0]), 'newClients': fact[1]}
            for (key, month), fact in sorted(facts.items(), key=lambda kv: kv[0][1]) if month in months]


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--clients')
    parser.add_argument('--book-orders')
    parser.add_argument('--import-orders')
    parser.add_argument('--as-of', required=True)
    parser.add_argument('--cold-days', type=int, default=60)
    parser.add_argument('--cut-a', type=int, default=75)
    parser.add_argument('--cut-b', type=int, default=20)
    parser.add_argument('--rhythm-slip', type=Fraction, default=Fraction(2))
    parser.add_argument('--out')
    args = parser.parse_args(argv)
    as_of = datetime.date.fromisoformat(args.as_of)

    clients = []
    if args.clients:
        with open(args.clients, encoding='utf-8') as f:
            clients = json.load(f)
    base = Base(clients)
    book = read_order_csv(args.book_orders) if args.book_orders else []
    imported = read_order_csv(args.import_orders) if args.import_orders else []
    # The import links against the sheet as it was; the analysis then links every order line.
    linked = link_import(base, imported)
    book_clients = [base.find(line) for line in book]
    credited = []  # (day, amount, manager) of every line counted, for plan vs actual
    credit = lambda line, client, own: credited.append((parse_date(line['date']), parse_amount(line['amount']),
                                                         own or (client.manager if client else '')))
    for line, client in zip(book, book_clients):
        credit(line, client, line['manager'])
        if client is not None:
            track(client, line, as_of)
    for line, client, present in zip(imported, linked, already_present(book, book_clients, imported, linked)):
        if not present:
            credit(line, client, line['manager'])
        if client is not None and not present:
            track(client, line, as_of)

    result = analyse(base, as_of, args.cold_days, args.cut_a, args.cut_b, args.rhythm_slip)
    result['planFact'] = plan_fact(base, credited, as_of)
    text = json.dumps(result, ensure_ascii=False, indent=1)
    if args.out:
        with open(args.out, 'w', encoding='utf-8') as f:
            f.write(text + '\n')
    else:
        print(text)


if __name__ == '__main__':
    main(sys.argv[1:])
