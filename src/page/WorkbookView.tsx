/**
 * The workbook side of the page: the active sheet's grid and the sheet tabs under it, like a spreadsheet.
 * It follows the workbook in the worker: redraws with the picture the worker sends after every plan
 * (a freshly written result sheet — ABC, RFM, … — comes to the front), and shows the row of the client
 * the panel opened.
 */
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SheetPicture } from './grid-picture';
import { SheetGrid } from './SheetGrid';
import type { PageTranslate } from './i18n';
import type { WorkerClient } from './worker-client';

/** Rows of a sheet's first picture: a tall window's worth, with some below. */
const PICTURE_ROWS = 80;

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
  worker: WorkerClient;
  /** The picture shown first (the clients sheet, say). */
  initial: SheetPicture;
  t: PageTranslate;
}

export function WorkbookView({ worker, initial, t }: Props) {
  const styles = useStyles();
  const [picture, setPicture] = useState(initial);
  const [selection, setSelection] = useState<{ sheet: string; row: number } | null>(null);
  const [counts, setCounts] = useState({ shown: 0, total: 0 });
  // A picture asked for before a change must not replace the one the change sent.
  // Drawn as a transition: React draws a new sheet in slices between frames, so the page keeps painting.
  const show = useCallback((next: SheetPicture) => startTransition(() => setPicture((shown) => (next.version >= shown.version ? next : shown))), []);

  useEffect(
    () =>
      worker.subscribe((event) => {
        show(event.picture);
        if (event.kind === 'selected') setSelection({ sheet: event.picture.sheet, row: event.row });
      }),
    [worker, show],
  );

  const choose = (sheet: string) => {
    worker.request({ kind: 'picture', sheet, first: 0, count: PICTURE_ROWS }).then(show, () => undefined);
  };
  const fetchRows = useCallback(
    (first: number, count: number) => worker.request({ kind: 'window', sheet: picture.sheet, version: picture.version, first, count }),
    [worker, picture],
  );

  const onRowCounts = useCallback((next: { shown: number; total: number }) => setCounts(next), []);
  // The tabs scroll sideways when there are many: the sheet shown keeps its tab in view.
  const tabs = useRef<HTMLDivElement>(null);
  const shownName = picture.sheet;
  useEffect(() => {
    if (!shownName) return;
    const tab = [...(tabs.current?.querySelectorAll<HTMLElement>('[data-testid="sheet-tab"]') ?? [])].find((element) => element.dataset.sheet === shownName);
    tab?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [shownName]);

  if (!picture.sheet) return <div className={styles.view} />;
  return (
    <section className={styles.view} aria-label={picture.sheet}>
      <SheetGrid
        key={picture.sheet}
        picture={picture}
        fetchRows={fetchRows}
        selectedRow={selection?.sheet === picture.sheet ? selection.row : null}
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
          selectedValue={picture.sheet}
          onTabSelect={(_, data) => choose(String(data.value))}
        >
          {picture.tabs.map((name) => (
            <Tab key={name} value={name} data-testid="sheet-tab" data-sheet={name}>
              {name}
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
