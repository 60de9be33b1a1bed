#!/usr/bin/python3
"""
A 1C-style CSV shaped like a public retail transactions dataset (the UCI "Online Retail" kind): invoices
of many lines, a numeric customer code, about a quarter of the lines without a customer, cancelled
invoices (`C…`) with negative amounts, a time of day in the date, quantity and price columns besides the
amount. Deterministic for a seed. Standard library only.

  retail_like.py --lines N [--seed S] [--customers C] -o ORDERS.csv
"""
import argparse
import datetime
import random

NBSP = '\u00a0'
SURNAMES = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров',
            'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев']
GOODS = ['Кружка «Сова»', 'Гирлянда светодиодная', 'Набор открыток', 'Свеча ароматическая', 'Подставка под горячее',
         'Сумка-шоппер', 'Блокнот; в клетку', 'Рамка для фото 10x15', 'Плед "Уют"', 'Часы настенные']
FIRST_DAY = datetime.datetime(2009, 12, 1, 7, 45)
PERIOD_DAYS = 739


def money(value):
    """`1 234,56` with a non-breaking space between thousands, as 1C writes it."""
    sign = '-' if value < 0 else ''
    cents = round(abs(value) * 100)
    whole = f'{cents // 100:,}'.replace(',', NBSP)
    return f'{sign}{whole},{cents % 100:02d}'


def field(text):
    return f'"{text.replace(chr(34), chr(34) * 2)}"' if ';' in text or '"' in text else text


def customer_name(code):
    return f'{SURNAMES[code % len(SURNAMES)]} {code}' if code % 7 else f'ООО "Торговый дом {code}"'


def generate(lines, seed=1, customers=None):
    rng = random.Random(seed)
    customers = customers or max(10, lines // 120)
    out = ['Отчёт по продажам за период 01.12.2009 - 09.12.2011;;;;;;;;',
           'Дата;Номер;Код клиента;Контрагент;Номенклатура;Количество;Цена;Сумма;Страна']
    invoice = 489434
    written = 0
    while written < lines:
        invoice += 1
        moment = FIRST_DAY + datetime.timedelta(minutes=int(written / lines * PERIOD_DAYS * 24 * 60) + rng.randrange(60))
        anonymous = rng.random() < 0.25
        code = 12346 + int(rng.random() ** 2 * customers)
        cancelled = not anonymous and rng.random() < 0.02
        number = f'C{invoice}' if cancelled else str(invoice)
        date = moment.strftime('%d.%m.%Y %H:%M')
        client = '' if anonymous else str(code)
        name = '' if anonymous else field(customer_name(code))
        country = 'Великобритания' if code % 9 else 'Франция'
        for _ in range(min(lines - written, rng.randint(1, 40))):
            quantity = rng.choice([1, 2, 3, 4, 6, 12, 24]) * (-1 if cancelled else 1)
            price = rng.choice([0.42, 0.85, 1.25, 1.65, 2.1, 2.95, 4.95, 7.95, 12.75])
            good = field(rng.choice(GOODS))
            out.append(f'{date};{number};{client};{name};{good};{quantity};{money(price)};{money(quantity * price)};{country}')
            written += 1
    return '\r\n'.join(out) + '\r\n'


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--lines', type=int, required=True)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--customers', type=int)
    parser.add_argument('-o', '--out', required=True)
    args = parser.parse_args()
    with open(args.out, 'wb') as f:
        f.write(generate(args.lines, args.seed, args.customers).encode('cp1251'))


if __name__ == '__main__':
    main()
