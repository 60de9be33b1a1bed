/**
 * The standalone page: a toolbar (open an .xlsx, download the result, back to the sample), the workbook
 * as a grid with sheet tabs, and the side panel beside it — the same panel as in Excel and Google Sheets,
 * over the same actions, here on an .xlsx held in the browser by the page's worker (worker-host.ts): the
 * page only draws, so it never freezes, whatever the worker is busy with.
 */
import { useEffect, useRef, useState } from 'react';
import type { PanelActions } from '../actions/panel';
import { Button, FluentProvider, MessageBar, MessageBarBody, Text, Tooltip, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { BusySpinner } from '../ui/components/BusySpinner';
import { ArrowDownloadRegular, DocumentTableRegular, FolderOpenRegular } from '@fluentui/react-icons';
import type { Language } from '../core/model';
import { ClientBasePanel } from '../ui/App';
import { errorText } from '../ui/hooks/useBusy';
import { pageTranslator } from './i18n';
import type { SheetPicture } from './grid-picture';
import { downloadXlsx, resultFileName, type SampleSize } from './page-files';
import type { WorkerClient } from './worker-client';
import { WorkbookView } from './WorkbookView';

export const DEFAULT_PANEL_WIDTH = 340;
/** Below this width the panel and the grid do not fit side by side: the grid goes above the panel, both full width. */
const NARROW = '@media (max-width: 700px)';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100%', backgroundColor: tokens.colorNeutralBackground2 },
  toolbar: {
    display: 'flex',
    // A narrow window puts the buttons on a second line rather than past its right edge.
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { display: 'flex', flexDirection: 'column', marginRight: tokens.spacingHorizontalL, minWidth: 0, flexShrink: 0 },
  subtitle: { '@media (max-width: 1100px)': { display: 'none' } },
  button: { flexShrink: 0 },
  brandTitle: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  file: { marginLeft: 'auto', paddingLeft: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2, display: 'flex', alignItems: 'center', minWidth: 0, overflow: 'hidden' },
  main: { display: 'flex', flexGrow: 1, minHeight: 0, [NARROW]: { flexDirection: 'column', overflowY: 'auto' } },
  sheet: { display: 'flex', flexGrow: 1, minWidth: 0, borderRight: `1px solid ${tokens.colorNeutralStroke2}`, [NARROW]: { flexGrow: 0, height: '45vh', flexShrink: 0, borderRight: 'none' } },
  panel: { flexShrink: 0, overflowY: 'auto', overflowX: 'hidden', backgroundColor: tokens.colorNeutralBackground1, [NARROW]: { width: '100% !important', overflowY: 'visible' } },
  waiting: { margin: 'auto' },
  hiddenInput: { display: 'none' },
});

type Busy = { kind: 'sample' } | { kind: 'open'; name: string } | { kind: 'download' } | null;

interface Props {
  language: Language;
  panelWidth: number;
  /** The worker holding the workbook. */
  worker: WorkerClient;
  /** The sample's size (the default when empty). */
  sampleSize?: SampleSize;
}

/** The workbook the worker has open, as the page knows it. */
interface LoadedBook {
  /** Null for the sample; the file's name otherwise. */
  fileName: string | null;
  /** The grid's first picture of it. */
  picture: SheetPicture;
  actions: PanelActions;
}

export function PageApp({ language, panelWidth, worker, sampleSize = {} }: Props) {
  const styles = useStyles();
  const t = pageTranslator(language);
  const [book, setBook] = useState<LoadedBook | null>(null);
  // Each loaded workbook gets a fresh panel: its filters and drafts belong to the old one.
  const [generation, setGeneration] = useState(0);
  const [busy, setBusy] = useState<Busy>({ kind: 'sample' });
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const show = ({ fileName, picture }: { fileName: string | null; picture: SheetPicture }) => {
    setBook({ fileName, picture, actions: worker.actions() });
    setGeneration((g) => g + 1);
  };

  const openSample = async () => {
    setError(null);
    setBusy({ kind: 'sample' });
    try {
      show(await worker.request({ kind: 'sample', language, ...sampleSize }));
    } catch (failure) {
      setError(errorText(failure, language));
    } finally {
      setBusy(null);
    }
  };

  useEffect(() => {
    void openSample();
    // Once, on the first render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const openFile = async (file: File) => {
    setError(null);
    setBusy({ kind: 'open', name: file.name });
    try {
      const data = await file.arrayBuffer();
      show(await worker.request({ kind: 'open', language, name: file.name, data }, { transfer: [data] }));
    } catch (failure) {
      const reason = failure instanceof Error && failure.name === 'NotXlsxError' ? t('page.notXlsx') : errorText(failure, language);
      setError(t('page.openFailed', { name: file.name, reason }));
    } finally {
      setBusy(null);
    }
  };

  const download = async () => {
    if (!book) return;
    setError(null);
    setBusy({ kind: 'download' });
    try {
      const data = await worker.request({ kind: 'download' });
      downloadXlsx(data, resultFileName(book.fileName, (vars) => t('page.resultName', vars), t('page.sampleFile')));
    } catch (failure) {
      setError(t('page.downloadFailed', { reason: errorText(failure, language) }));
    } finally {
      setBusy(null);
    }
  };

  const busyText =
    busy?.kind === 'sample' ? t('page.loadingSample') : busy?.kind === 'open' ? t('page.opening', { name: busy.name }) : busy?.kind === 'download' ? t('page.saving') : null;

  return (
    // applyStylesToPortals off: otherwise the provider copies this full-height layout class onto the portal
    // node of dropdown lists and tooltips, which then lies over the page and swallows clicks.
    <FluentProvider theme={webLightTheme} className={styles.page} lang={language} applyStylesToPortals={false}>
      <header className={styles.toolbar}>
        <div className={styles.brand}>
          <span className={styles.brandTitle}>{t('page.title')}</span>
          <Text size={200} className={styles.subtitle}>
            {t('page.subtitle')}
          </Text>
        </div>
        <Button appearance="primary" icon={<FolderOpenRegular />} className={styles.button} data-testid="open-file" disabled={busy !== null} onClick={() => fileInput.current?.click()}>
          {t('page.open')}
        </Button>
        <input
          ref={fileInput}
          className={styles.hiddenInput}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="file-input"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            // Cleared so that picking the same file again still counts as a change.
            event.currentTarget.value = '';
            if (file) void openFile(file);
          }}
        />
        <Button icon={<ArrowDownloadRegular />} className={styles.button} data-testid="download" disabled={busy !== null || !book} onClick={() => void download()}>
          {t('page.download')}
        </Button>
        <Tooltip content={t('page.sampleHint')} relationship="description">
          <Button appearance="subtle" icon={<DocumentTableRegular />} className={styles.button} data-testid="load-sample" disabled={busy !== null} onClick={() => void openSample()}>
            {t('page.sample')}
          </Button>
        </Tooltip>
        <span className={styles.file} data-testid="file-name">
          {busyText ? <BusySpinner size="extra-tiny" label={busyText} /> : book && <Text truncate wrap={false}>{book.fileName ?? t('page.sampleName')}</Text>}
        </span>
      </header>
      {error && (
        <MessageBar intent="error" data-testid="page-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <main className={styles.main}>
        <div className={styles.sheet}>
          {book ? (
            <WorkbookView key={generation} worker={worker} initial={book.picture} t={t} />
          ) : (
            <BusySpinner className={styles.waiting} label={busyText ?? undefined} />
          )}
        </div>
        <aside className={styles.panel} style={{ width: panelWidth }} data-testid="panel">
          {book && <ClientBasePanel key={generation} actions={book.actions} language={language} host="browser" />}
        </aside>
      </main>
    </FluentProvider>
  );
}
