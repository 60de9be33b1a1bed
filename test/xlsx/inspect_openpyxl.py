"""Describe an .xlsx as JSON using openpyxl, an independent reader, for test/xlsx/openpyxl.test.ts.

Usage: /usr/bin/python3 inspect_openpyxl.py BOOK.xlsx  ->  JSON on stdout.
"""
import datetime
import json
import sys

import openpyxl


def colour(c):
    return c.rgb if c is not None and isinstance(c.rgb, str) else None


def cell_value(v):
    if isinstance(v, (datetime.datetime, datetime.date)):
        return v.isoformat()
    return v


def chart_ref(data):
    if data is None:
        return None
    ref = getattr(data, "strRef", None) or data.numRef
    return ref.f if ref is not None else None


def describe_chart(chart):
    title = chart.title.tx.rich.p[0].r[0].t if chart.title is not None and chart.title.tx.rich is not None else None
    anchor = chart.anchor
    groups = [{
        "type": type(group).__name__,
        "barDir": getattr(group, "barDir", None),
        "valueAxis": {"id": group.y_axis.axId, "min": group.y_axis.scaling.min, "max": group.y_axis.scaling.max},
        "series": [{
            "name": s.tx.v if s.tx is not None else None,
            "categories": chart_ref(s.cat),
            "values": chart_ref(s.val),
            "cache": [pt.v for pt in s.val.numRef.numCache.pt] if s.val.numRef.numCache is not None else [],
        } for s in group.series],
    } for group in chart._charts]
    return {
        "title": title,
        "anchor": type(anchor).__name__,
        "from": [anchor._from.row, anchor._from.col],
        "size": [anchor.ext.width, anchor.ext.height] if getattr(anchor, "ext", None) is not None else None,
        "groups": groups,
    }


def describe_sheet(ws):
    cells = []
    for row in ws.iter_rows():
        for c in row:
            if c.value is None and c.fill.fill_type is None:
                continue
            cells.append({
                "ref": c.coordinate,
                "value": cell_value(c.value),
                "type": c.data_type,
                "format": c.number_format,
                "fill": colour(c.fill.fgColor) if c.fill.fill_type == "solid" else None,
                "bold": bool(c.font.b),
            })
    validations = [{
        "sqref": str(dv.sqref),
        "type": dv.type,
        "operator": dv.operator,
        "formula1": dv.formula1,
        "formula2": dv.formula2,
        "errorStyle": dv.errorStyle,
        "error": dv.error,
        "prompt": dv.prompt,
        "allowBlank": bool(dv.allow_blank),
    } for dv in ws.data_validations.dataValidation]
    conditional = []
    for cf in ws.conditional_formatting:
        for rule in cf.rules:
            dxf = rule.dxf
            conditional.append({
                "sqref": str(cf.sqref),
                "type": rule.type,
                "operator": rule.operator,
                "formula": list(rule.formula or []),
                "fill": colour(dxf.fill.bgColor) if dxf is not None and dxf.fill is not None else None,
                "font": colour(dxf.font.color) if dxf is not None and dxf.font is not None and dxf.font.color is not None else None,
            })
    return {
        "name": ws.title,
        "state": ws.sheet_state,
        "freeze": ws.freeze_panes,
        "autoFilter": ws.auto_filter.ref,
        "hiddenRows": sorted(r for r, d in ws.row_dimensions.items() if d.hidden),
        "hiddenColumns": sorted(n for d in ws.column_dimensions.values() if d.hidden for n in range(d.min, d.max + 1)),
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.width},
        "tabColour": colour(ws.sheet_properties.tabColor),
        "cells": cells,
        "validations": validations,
        "conditional": conditional,
        "charts": [describe_chart(c) for c in ws._charts],
    }


def main(path):
    wb = openpyxl.load_workbook(path)
    names = {dn.name: dn.attr_text for dn in wb.defined_names.definedName}
    json.dump({"sheets": [describe_sheet(ws) for ws in wb.worksheets], "definedNames": names}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
