#!/usr/bin/python3
"""
Makes and checks workbooks shaped like the template small firms keep, with openpyxl (an independent
writer and reader), for test/typed/template-openpyxl.test.ts.

  template_book.py make OUT.xlsx VARIANT   writes a two-sheet book («Услуги», «Клиенты», no Orders sheet)
  template_book.py cells BOOK.xlsx         prints every cell of «Клиенты» as JSON: {"A1": [type, value], …}

VARIANT is a comma-separated set of: counts (typed «Заказов» and «Выручка»), title (a title row and an empty
row above the header), textdates (dates typed as text), merged (the title merged across the header's width).
"""
import datetime
import json
import sys

import openpyxl

HEADER = ['Клиент', 'Телефон', 'E-mail', 'Дата первого обращения', 'Услуга', 'Дата последнего заказа', 'Комментарий']
D = datetime.datetime


def rows(variant):
    text = 'textdates' in variant
    def when(y, m, d):
        return f'{d:02d}.{m:02d}.{y}' if text else D(y, m, d)
    return [
        ['ООО «Ромашка»', '8 (912) 345-67-89', 'info@romashka.ru', when(2023, 3, 12), 'Уборка офиса', when(2025, 10, 1), 'Постоянный клиент', 5, 50000],
        ['ИП Петров П. П.', '+7 912 111-22-33', None, when(2024, 1, 5), 'Мойка окон', when(2026, 9, 15), None, 2, '12 500,50 ₽'],
        ['Сидорова Анна', '8 912 222 33 44', 'anna@mail.ru', '32.13.2023', 'Химчистка', 'вчера', '=1+1', None, None],
        ['Кузнецов Иван', '89123334455', None, when(2024, 2, 1), 'Уборка офиса', None, 'пока думает', None, None],
        ['Белова Ольга', '8 (900) 100-20-30', 'olga@example.ru', when(2024, 5, 20), 'Химчистка', when(2026, 8, 15), '+7 это не формула', 3, 9000],
        ['Новиков Илья', '8 (912) 777-88-99', None, when(2025, 1, 15), 'Химчистка', '31.02.2024', 'дата с ошибкой', 1, None],
    ]


def make(out, variant):
    wb = openpyxl.Workbook()
    services = wb.active
    services.title = 'Услуги'
    services.append(['Услуга', 'Цена'])
    for name, price in [('Уборка офиса', 5000), ('Мойка окон', 2500), ('Химчистка', 3500)]:
        services.append([name, price])
    clients = wb.create_sheet('Клиенты')
    header = HEADER + (['Заказов', 'Выручка'] if 'counts' in variant else [])
    if 'title' in variant:
        clients.append(['Клиентская база ООО «Чистый дом»'])
        clients.append([])
        if 'merged' in variant:
            clients.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    clients.append(header)
    for row in rows(variant):
        clients.append(row[:len(header)])
    for row in clients.iter_rows():
        for cell in row:
            # Text that looks like a formula is the user's text: store it as a string, as Excel does for '=1+1.
            if isinstance(cell.value, str) and cell.value.startswith('='):
                cell.data_type = 's'
            if isinstance(cell.value, D):
                cell.number_format = 'DD.MM.YYYY'
    wb.save(out)


def cells(path):
    wb = openpyxl.load_workbook(path)
    sheet = wb['Клиенты']
    out = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            value = cell.value.isoformat() if isinstance(cell.value, (datetime.datetime, datetime.date)) else cell.value
            out[cell.coordinate] = [cell.data_type, value]
    print(json.dumps(out, ensure_ascii=False))


if __name__ == '__main__':
    if sys.argv[1] == 'make':
        make(sys.argv[2], set(filter(None, sys.argv[3].split(','))))
    else:
        cells(sys.argv[2])
