/**
 * How the page's grid shows a cell: its text (dates as dd.mm.yyyy, money with grouped digits, shares as
 * percentages, by the cell's number format) and its colours (static fills, and the conditional colour
 * rules the product sets, e.g. funnel-status fills and ABC classes), evaluated like a spreadsheet would.
 */
import type { Language } from '../core/model';
import type { Colour, ColourRule } from '../workbook/operations';
import type { CellValue } from '../workbook/snapshot';
import { columnNumber } from '../workbook/a1';
import { parseRange, type MemorySheet, type Rect } from '../workbook/memory';

const LOCALES: Record<Language, string> = { ru: 'ru-RU', en: 'en-GB' };
const pad = (n: number) => String(n).padStart(2, '0');

/** Decimal places a format code asks for (`#,##0.00` → 2, `0.0%` → 1, `0` → 0), null for none. */
function decimalsOf(format: string): number | null {
  const m = /0(?:\.(0+))?/.exec(format);
  if (!m) return null;
  return m[1]?.length ?? 0;
}

/** The text a cell shows. `format` is its number format (Excel codes), when it has one. */
export function cellText(value: CellValue | undefined, format: string | undefined, language: Language): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const day = `${pad(value.getUTCDate())}.${pad(value.getUTCMonth() + 1)}.${value.getUTCFullYear()}`;
    const hasTime = /h/i.test(format ?? '') || value.getUTCHours() + value.getUTCMinutes() + value.getUTCSeconds() > 0;
    return hasTime ? `${day} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}` : day;
  }
  if (typeof value === 'boolean') return language === 'ru' ? (value ? 'ИСТИНА' : 'ЛОЖЬ') : value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const code = format && format !== 'General' && format !== '@' ? format : '';
  const decimals = code ? decimalsOf(code) : null;
  if (code.includes('%')) {
    return new Intl.NumberFormat(LOCALES[language], { style: 'percent', minimumFractionDigits: decimals ?? 0, maximumFractionDigits: decimals ?? 0 }).format(value);
  }
  if (decimals !== null) {
    return new Intl.NumberFormat(LOCALES[language], { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: code.includes(',') }).format(value);
  }
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 10, useGrouping: false }).format(value);
}

export interface CellPaint {
  fill?: Colour;
  fontColour?: Colour;
}

interface ColourArea {
  rect: Rect;
  rules: ColourRule[];
  /** The column the rules test, for whole-row fills; otherwise each cell tests itself. */
  testColumn?: number;
}

function ruleMatches(rule: ColourRule, value: CellValue | undefined): boolean {
  const when = rule.when;
  if ('equals' in when) {
    // Spreadsheets compare text in conditional formats without regard to case.
    return typeof value === 'string' && value.trim().toLowerCase() === when.equals.trim().toLowerCase();
  }
  if (typeof value !== 'number') return false;
  return 'atLeast' in when ? value >= when.atLeast : value <= when.atMost;
}

/** The colours of a sheet's cells, prepared once per change of the sheet. */
export class SheetPaint {
  private readonly areas: ColourArea[];

  constructor(private readonly sheet: MemorySheet) {
    this.areas = sheet.conditionalFormats.map((format) => ({
      rect: parseRange(format.range),
      rules: format.rules,
      testColumn: format.testColumn ? columnNumber(format.testColumn) : undefined,
    }));
  }

  /** The colours of the cell at 1-based (row, column): a matching conditional rule wins over a static fill. */
  paint(row: number, column: number): CellPaint | undefined {
    for (const area of this.areas) {
      const { rect } = area;
      if (row < rect.top || row > rect.bottom || column < rect.left || column > rect.right) continue;
      const tested = this.sheet.values[row - 1]?.[(area.testColumn ?? column) - 1];
      const rule = area.rules.find((r) => ruleMatches(r, tested));
      if (rule) return { fill: rule.fill, fontColour: rule.fontColour };
    }
    const fill = this.sheet.fills[row - 1]?.[column - 1];
    return fill ? { fill } : undefined;
  }

  /** Columns with a validation rule (a dropdown, a date or number check): the grid marks their headers. */
  validatedColumns(): Set<number> {
    const columns = new Set<number>();
    for (const validation of this.sheet.validations) {
      const rect = parseRange(validation.range);
      for (let c = rect.left; c <= rect.right; c++) columns.add(c);
    }
    return columns;
  }
}
