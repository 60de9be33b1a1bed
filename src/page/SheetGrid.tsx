/**
 * One sheet as a spreadsheet-like grid: column letters, the header row kept in view, row numbers.
 * Only the rows in view are drawn (fixed row height), so a 15,000-row orders sheet scrolls as fast as a
 * short one. Rows hidden by a filter ("show only these in the sheet") are left out, as a spreadsheet does.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Language } from '../core/model';
import { columnLetter } from '../workbook/a1';
import { lastUsedColumn, lastUsedRow, type MemorySheet } from '../workbook/memory';
import { cellText, SheetPaint } from './cells';
import type { PageTranslate } from './i18n';

export const ROW_HEIGHT = 24;
/** Rows drawn beyond the visible ones on each side, so a quick scroll does not show blanks. */
const OVERSCAN = 12;
const ROW_NUMBER_WIDTH = 48;
const MAX_WIDTH_PX = 280;

const useStyles = makeStyles({
  scroller: { flexGrow: 1, minHeight: 0, overflow: 'auto', position: 'relative', backgroundColor: tokens.colorNeutralBackground1 },
  table: { tableLayout: 'fixed', borderCollapse: 'separate', borderSpacing: 0, fontSize: '12px', lineHeight: `${ROW_HEIGHT - 1}px` },
  cell: {
    height: `${ROW_HEIGHT - 1}px`,
    padding: '0 6px',
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    color: tokens.colorNeutralForeground1,
  },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  letters: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'center',
  },
  header: {
    position: 'sticky',
    top: `${ROW_HEIGHT}px`,
    zIndex: 2,
    backgroundColor: '#EEF3FA',
    fontWeight: tokens.fontWeightSemibold,
    textAlign: 'left',
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  rowNumber: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    textAlign: 'right',
    fontWeight: tokens.fontWeightRegular,
  },
  corner: { left: 0, zIndex: 3 },
  selected: { boxShadow: `inset 0 2px 0 ${tokens.colorBrandStroke1}, inset 0 -2px 0 ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  selectedNumber: { backgroundColor: tokens.colorBrandBackground2Hover, color: tokens.colorNeutralForeground1 },
  validated: { color: tokens.colorBrandForeground1, marginLeft: '4px' },
  empty: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
});

/** Spreadsheet rows 2..last that are not hidden. */
function shownRows(sheet: MemorySheet): number[] {
  const rows: number[] = [];
  const last = lastUsedRow(sheet);
  for (let row = 2; row <= last; row++) if (!sheet.hiddenRows.has(row)) rows.push(row);
  return rows;
}

/** Rows looked at to size a column the sheet gives no width: enough to see typical values, cheap to scan. */
const SIZING_ROWS = 200;
const CHAR_PX = 7;
const MIN_WIDTH_PX = 44;

/** Widths in pixels: the sheet's own (Excel counts characters) or, without one, fitted to the text. */
function columnWidths(sheet: MemorySheet, width: number, language: Language): number[] {
  const rows = Math.min(lastUsedRow(sheet), SIZING_ROWS + 1);
  return Array.from({ length: width }, (_, i) => {
    const column = i + 1;
    const chars = sheet.columnWidths.get(column);
    if (chars) return Math.min(MAX_WIDTH_PX, Math.round(chars * CHAR_PX + 12));
    let longest = 0;
    for (let row = 1; row <= rows; row++) {
      const text = cellText(sheet.values[row - 1]?.[column - 1], sheet.formats[row - 1]?.[column - 1], language);
      // The header is bold and may carry the dropdown mark.
      longest = Math.max(longest, row === 1 ? text.length + 2 : text.length);
    }
    return Math.max(MIN_WIDTH_PX, Math.min(MAX_WIDTH_PX, Math.round(longest * CHAR_PX + 14)));
  });
}

interface Props {
  sheet: MemorySheet;
  /** Changes whenever the workbook changes: the sheet object is edited in place. */
  version: number;
  /** A row to bring into view and mark (the client opened in the panel). */
  selectedRow: number | null;
  language: Language;
  t: PageTranslate;
  onRowCounts(counts: { shown: number; total: number }): void;
}

export function SheetGrid({ sheet, version, selectedRow, language, t, onRowCounts }: Props) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);

  const { rows, width, widths, total, paint, validated } = useMemo(() => {
    const paint = new SheetPaint(sheet);
    const width = lastUsedColumn(sheet);
    return {
      rows: shownRows(sheet),
      width,
      widths: columnWidths(sheet, width, language),
      total: Math.max(0, lastUsedRow(sheet) - 1),
      paint,
      validated: paint.validatedColumns(),
    };
    // `version` stands for the sheet's contents, which change in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sheet, version, language]);

  useEffect(() => onRowCounts({ shown: rows.length, total }), [rows.length, total, onRowCounts]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setViewport(element.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Bring the selected row into view (below the two sticky header rows).
  useEffect(() => {
    const element = scroller.current;
    if (!element || selectedRow === null) return;
    const index = rows.indexOf(selectedRow);
    if (index < 0) return;
    const top = index * ROW_HEIGHT;
    if (top < element.scrollTop || top > element.scrollTop + element.clientHeight - 3 * ROW_HEIGHT) {
      element.scrollTop = Math.max(0, top - 3 * ROW_HEIGHT);
    }
  }, [selectedRow, rows]);

  if (width === 0) return <div className={styles.empty}>{t('grid.empty')}</div>;

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  const columns = Array.from({ length: width }, (_, i) => i + 1);
  const tableWidth = ROW_NUMBER_WIDTH + widths.reduce((a, b) => a + b, 0);

  const renderCell = (row: number, column: number, header: boolean) => {
    const value = sheet.values[row - 1]?.[column - 1];
    const text = cellText(value, sheet.formats[row - 1]?.[column - 1], language);
    const colours = paint.paint(row, column);
    const className = mergeClasses(styles.cell, header && styles.header, typeof value === 'number' && !header && styles.number);
    const style = colours ? { backgroundColor: colours.fill, color: colours.fontColour } : undefined;
    const Tag = header ? 'th' : 'td';
    return (
      <Tag key={column} className={className} style={style} title={text.length > 12 ? text : undefined}>
        {text}
        {header && validated.has(column) && (
          <span className={styles.validated} title={t('grid.validated')} aria-label={t('grid.validated')}>
            ▾
          </span>
        )}
      </Tag>
    );
  };

  return (
    <div
      ref={scroller}
      className={styles.scroller}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      data-testid="grid"
      data-sheet={sheet.name}
      data-rows={rows.length}
      tabIndex={0}
    >
      <table className={styles.table} style={{ width: tableWidth }}>
        <colgroup>
          <col style={{ width: ROW_NUMBER_WIDTH }} />
          {widths.map((w, i) => (
            <col key={i} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className={mergeClasses(styles.cell, styles.letters, styles.corner)} />
            {columns.map((c) => (
              <th key={c} className={mergeClasses(styles.cell, styles.letters)}>
                {columnLetter(c)}
              </th>
            ))}
          </tr>
          <tr data-testid="grid-header">
            <th className={mergeClasses(styles.cell, styles.header, styles.rowNumber, styles.corner)}>1</th>
            {columns.map((c) => renderCell(1, c, true))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <Spacer height={first * ROW_HEIGHT} span={width + 1} />}
          {rows.slice(first, last).map((row) => {
            const selected = row === selectedRow;
            return (
              <tr key={row} data-testid="grid-row" data-row={row} className={selected ? styles.selected : undefined} aria-selected={selected || undefined}>
                <th scope="row" className={mergeClasses(styles.cell, styles.rowNumber, selected && styles.selectedNumber)}>
                  {row}
                </th>
                {columns.map((c) => renderCell(row, c, false))}
              </tr>
            );
          })}
          {last < rows.length && <Spacer height={(rows.length - last) * ROW_HEIGHT} span={width + 1} />}
        </tbody>
      </table>
    </div>
  );
}

/** Stands in for the rows above or below the drawn ones, so the scrollbar matches the whole sheet. */
function Spacer({ height, span }: { height: number; span: number }) {
  return (
    <tr aria-hidden>
      <td colSpan={span} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}
