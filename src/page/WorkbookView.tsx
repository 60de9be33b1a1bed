/**
 * The workbook side of the page: the active sheet's grid and the sheet tabs under it, like a spreadsheet.
 * It follows the workbook: redraws after every plan, brings a freshly written result sheet (ABC, RFM, …)
 * to the front, and shows the row of the client the panel opened.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Language } from '../core/model';
import { SheetGrid } from './SheetGrid';
import type { PageTranslate } from './i18n';
import type { WatchedWorkbook } from './watched-workbook';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0, flexGrow: 1 },
  bar: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    paddingRight: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  // Fluent's TabList does not shrink by itself: eleven result sheets would run on under the panel.
  tabs: { flexGrow: 1, flexShrink: 1, minWidth: 0, overflowX: 'auto' },
  counts: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
});

interface Props {
  workbook: WatchedWorkbook;
  language: Language;
  t: PageTranslate;
  /** The sheet shown first (the clients sheet, say). */
  initialSheet?: string;
}

export function WorkbookView({ workbook, language, t, initialSheet }: Props) {
  const styles = useStyles();
  const [version, setVersion] = useState(workbook.version);
  const [active, setActive] = useState<string | undefined>(initialSheet);
  const [selection, setSelection] = useState<{ sheet: string; row: number } | null>(null);
  const [counts, setCounts] = useState({ shown: 0, total: 0 });

  useEffect(
    () =>
      workbook.subscribe((event) => {
        if (event.kind === 'changed') {
          setVersion(workbook.version);
          if (event.resultSheets.length) setActive(event.resultSheets[0]);
        } else {
          setActive(event.sheet);
          setSelection({ sheet: event.sheet, row: event.row });
        }
      }),
    [workbook],
  );

  const sheets = workbook.sheets.filter((s) => !s.hidden);
  const sheet = sheets.find((s) => s.name === active) ?? sheets[0];
  const onRowCounts = useCallback((next: { shown: number; total: number }) => setCounts(next), []);
  // The tabs scroll sideways when there are many: the sheet shown keeps its tab in view.
  const tabs = useRef<HTMLDivElement>(null);
  const shownName = sheet?.name;
  useEffect(() => {
    if (!shownName) return;
    const tab = [...(tabs.current?.querySelectorAll<HTMLElement>('[data-testid="sheet-tab"]') ?? [])].find((element) => element.dataset.sheet === shownName);
    tab?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [shownName]);

  if (!sheet) return <div className={styles.view} />;
  return (
    <section className={styles.view} aria-label={sheet.name}>
      <SheetGrid
        key={sheet.name}
        sheet={sheet}
        version={version}
        selectedRow={selection?.sheet === sheet.name ? selection.row : null}
        language={language}
        t={t}
        onRowCounts={onRowCounts}
      />
      <div className={styles.bar}>
        <TabList
          ref={tabs}
          className={styles.tabs}
          size="small"
          aria-label={t('grid.sheets')}
          data-testid="sheet-tabs"
          selectedValue={sheet.name}
          onTabSelect={(_, data) => setActive(String(data.value))}
        >
          {sheets.map((s) => (
            <Tab key={s.name} value={s.name} data-testid="sheet-tab" data-sheet={s.name}>
              {s.name}
            </Tab>
          ))}
        </TabList>
        <Text size={200} className={styles.counts} data-testid="grid-counts">
          {counts.shown < counts.total ? t('grid.filtered', { shown: counts.shown, count: counts.total }) : t('grid.rows', { count: counts.total })}
        </Text>
      </div>
    </section>
  );
}
