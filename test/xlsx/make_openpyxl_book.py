"""Write a small client workbook the way another program would (openpyxl: absolute part paths, sheets
before shared strings, formulas without cached values), for test/xlsx/read-foreign.test.ts.

Usage: /usr/bin/python3 make_openpyxl_book.py OUT.xlsx
"""
import datetime
import sys

import openpyxl
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation


def main(path):
    wb = openpyxl.Workbook()
    services = wb.active
    services.title = "Услуги"
    services.append(["Услуга", "Цена"])
    services.append(["Аудит", 15000])
    services.append(["Консультация", 3000.5])

    clients = wb.create_sheet("Клиенты")
    clients.append(["ID", "Клиент", "Дата", "Сумма", "Итого", "Статус"])
    clients.append(["К-1", "ООО «Ромашка»", datetime.datetime(2024, 2, 29), 10, "=D2*2", "Золотой"])
    clients.append(["К-2", "Скрытый", datetime.datetime(2023, 12, 31, 23, 59), -5, "=D3*2", "Белый"])
    clients.append(["К-3", "+7 912 345-67-89", None, 1234.56, None, None])
    clients["B2"].font = Font(bold=True, color="FF0000FF")
    clients["F2"].fill = PatternFill("solid", fgColor="FFFFD966")
    clients["D4"].number_format = "#,##0.00"
    clients.row_dimensions[3].hidden = True
    clients.merge_cells("A6:B6")
    clients["A6"] = "Объединено"
    clients.freeze_panes = "A2"
    clients.auto_filter.ref = "A1:F4"
    clients.column_dimensions["B"].width = 40
    dv = DataValidation(type="list", formula1='"Белый,Золотой"', allow_blank=True, errorStyle="stop")
    dv.add("F2:F100")
    clients.add_data_validation(dv)
    whole_column = DataValidation(type="date", operator="greaterThanOrEqual", formula1="36526", errorStyle="warning")
    whole_column.add("C2:C1048576")
    clients.add_data_validation(whole_column)
    services_list = DefinedName("Услуги_список", attr_text="'Услуги'!$A$2:$A$3")
    if hasattr(wb.defined_names, "add"):  # openpyxl >= 3.1
        wb.defined_names.add(services_list)
    else:
        wb.defined_names.append(services_list)
    named = DataValidation(type="list", formula1="Услуги_список", errorStyle="stop")
    named.add("B2:B50")
    clients.add_data_validation(named)
    clients.conditional_formatting.add("D2:D4", ColorScaleRule(start_type="min", start_color="FFF8696B", end_type="max", end_color="FF63BE7B"))
    wb.save(path)


if __name__ == "__main__":
    main(sys.argv[1])
