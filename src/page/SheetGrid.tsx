/**
 * One sheet as a spreadsheet-like grid: column letters, the header row kept in view, row numbers.
 * Only the rows in view are drawn (fixed row height), so a 150,000-row orders sheet scrolls as fast as a
 * short one. Rows hidden by a filter ("show only these in the sheet") are left out, as a spreadsheet does.
 * What it draws comes from the worker as a picture (grid-picture.ts); rows scrolled to that the picture
 * does not hold are asked for, and drawn blank for the moment it takes.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { columnLetter } from '../workbook/a1';
import type { GridCell, RowWindow, SheetPicture } from './grid-picture';
import type { PageTranslate } from './i18n';

export const ROW_HEIGHT = 24;
/** Rows drawn beyond the visible ones on each side, so a quick scroll does not show blanks. */
const OVERSCAN = 12;
const ROW_NUMBER_WIDTH = 48;

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

/** Rows asked of the worker beyond the drawn ones on each side, so scrolling on seldom waits for it. */
const FETCH_MARGIN = 60;

interface Props {
  picture: SheetPicture;
  /** Cells of more rows of the picture's sheet and version (null: gone, a newer picture is on its way). */
  fetchRows(first: number, count: number): Promise<RowWindow | null>;
  /** A row to bring into view and mark (the client opened in the panel). */
  selectedRow: number | null;
  t: PageTranslate;
  onRowCounts(counts: { shown: number; total: number }): void;
}

export function SheetGrid({ picture, fetchRows, selectedRow, t, onRowCounts }: Props) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const { rows, total, widths } = picture;
  const width = widths.length;
  const validated = useMemo(() => new Set(picture.validated), [picture]);
  // The cells known, by index among the shown rows: the picture's, then the windows asked for since.
  const known = useMemo(() => new Map(picture.cells.map((cells, i) => [picture.first + i, cells])), [picture]);
  const [, setArrived] = useState(0);
  const asked = useRef(new Set<number>());

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

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);

  // Rows in view the picture does not hold: asked for once, with a margin, and drawn when they come.
  useEffect(() => {
    let missing = -1;
    for (let i = first; i < last && missing < 0; i++) if (!known.has(i)) missing = i;
    if (missing < 0 || asked.current.has(missing)) return;
    const from = Math.max(0, first - FETCH_MARGIN);
    const count = last - from + FETCH_MARGIN;
    for (let i = from; i < from + count; i++) asked.current.add(i);
    void fetchRows(from, count).then(
      (window) => {
        if (!window || window.version !== picture.version || window.sheet !== picture.sheet) return;
        window.cells.forEach((cells, i) => known.set(window.first + i, cells));
        setArrived((n) => n + 1);
      },
      () => undefined,
    );
  }, [first, last, known, picture, fetchRows]);
  useEffect(() => asked.current.clear(), [picture]);

  if (width === 0) return <div className={styles.empty}>{t('grid.empty')}</div>;

  const columns = Array.from({ length: width }, (_, i) => i + 1);
  const tableWidth = ROW_NUMBER_WIDTH + widths.reduce((a, b) => a + b, 0);

  const renderCell = (cell: GridCell | undefined, column: number, header: boolean) => {
    const text = cell?.text ?? '';
    const className = mergeClasses(styles.cell, header && styles.header, cell?.numeric && !header && styles.number);
    const style = cell?.fill || cell?.fontColour ? { backgroundColor: cell.fill, color: cell.fontColour } : undefined;
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
      data-sheet={picture.sheet}
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
            {columns.map((c) => renderCell(picture.header[c - 1], c, true))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <Spacer height={first * ROW_HEIGHT} span={width + 1} />}
          {Array.from(rows.subarray(first, last), (row, i) => {
            const selected = row === selectedRow;
            const cells = known.get(first + i);
            return (
              <tr
                key={row}
                // A row whose cells are still on their way is not yet a row of the grid's contents.
                data-testid={cells ? 'grid-row' : 'grid-row-pending'}
                data-row={row}
                className={selected ? styles.selected : undefined}
                aria-selected={selected || undefined}
              >
                <th scope="row" className={mergeClasses(styles.cell, styles.rowNumber, selected && styles.selectedNumber)}>
                  {row}
                </th>
                {columns.map((c) => renderCell(cells?.[c - 1], c, false))}
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
