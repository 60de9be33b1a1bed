/** @jest-environment jsdom */
import '../testing/setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderPanel, settingsLoaded } from './render';
import { FIXTURE_TODAY, fixtureBook } from '../testing/fixtureBook';
import type { ActionName, NewOrder } from '../../actions/panel';
import type { Language } from '../../core/model';
import { MemoryWorkbook } from '../../workbook/memory';
import { createActions } from '../../actions/local';
import { errorText } from '../hooks/useBusy';
import { isoToDay } from '../../core/normalise/date';
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import { cellText } from '../../core/normalise/text';
import { statusNames } from '../../core/statuses';
import { fieldHeader, sheetName, TABLE_FIELDS, type TableKind } from '../../core/schema';

// The panel speaks its own language whatever the workbook's: every message crossing the panel protocol
// (action results, problems, errors, progress, duplicate reasons, merge and undo) is rendered by the panel.
// What the panel shows of the workbook itself — sheet names, headers, cell values, the status names the
// workbook writes — is the user's and stays as typed: the checks strip exactly those before looking.

const RUN: ActionName[] = ['structure', 'check', 'duplicates', 'tracker', 'abc', 'rfm', 'funnel', 'managers', 'all'];

/** Every text the workbook holds (sheet names, headers, cells) and the status names it writes, longest first. */
async function userData(workbook: MemoryWorkbook, books: WorkbookSnapshot[], language: Language): Promise<string[]> {
  const texts = new Set<string>(statusNames(language));
  for (const book of [...books, await workbook.read()]) {
    for (const sheet of book.sheets) {
      texts.add(sheet.name);
      for (const row of [sheet.header, ...sheet.rows]) for (const cell of row) texts.add(cellText(cell).trim());
    }
  }
  // A one-letter value (a class, an initial) would strip that letter out of every word: only longer values go.
  return [...texts].filter((text) => text.length > 1).sort((a, b) => b.length - a.length);
}

/** The fixture base with its sheets and headers named in English (the values stay as typed). */
function renameToEnglish(book: WorkbookSnapshot): WorkbookSnapshot {
  const kinds: TableKind[] = ['services', 'clients', 'orders'];
  return {
    sheets: book.sheets.map((sheet) => {
      const kind = kinds.find((k) => sheetName(k, 'ru') === sheet.name);
      if (!kind) return sheet;
      const fields = TABLE_FIELDS[kind] as readonly string[];
      const english = (header: string) => {
        const field = fields.find((f) => fieldHeader(kind, f as never, 'ru') === header);
        return field ? fieldHeader(kind, field as never, 'en') : header;
      };
      return { ...sheet, name: sheetName(kind, 'en'), header: sheet.header.map((cell) => english(cellText(cell))) };
    }),
  };
}

/** The panel's text, one text node a line: a value then stands apart from the words around it. */
function panelText(): string {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const lines: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) lines.push(node.textContent ?? '');
  return lines.join('\n');
}

const seen: string[] = [];
function collect() {
  seen.push(panelText());
}

async function run(action: ActionName) {
  fireEvent.click(screen.getByTestId(`run-${action}`));
  await screen.findByTestId('run-result');
  await waitFor(() => expect((screen.getByTestId(`run-${action}`) as HTMLButtonElement).disabled).toBe(false));
  collect();
}

/** Runs every named action, merges and undoes the duplicate group, opens a card, fixes values: all the panel shows on the way. */
async function walk(): Promise<string[]> {
  seen.length = 0;
  fireEvent.click(screen.getByTestId('tab-analysis'));
  await settingsLoaded();
  for (const action of RUN) await run(action);
  expect(screen.getAllByTestId('problem').length).toBeGreaterThan(0);

  fireEvent.click(screen.getByTestId('run-duplicates'));
  const group = await screen.findByTestId('dup-group');
  collect();
  fireEvent.click(within(group).getByTestId('merge'));
  await screen.findByTestId('merge-done');
  collect();
  fireEvent.click(screen.getByTestId('undo-merge'));
  await screen.findByTestId('dup-done');
  await screen.findByTestId('dup-group');
  collect();

  const typed = screen.queryByTestId('typed-differing-update');
  if (typed) {
    fireEvent.click(typed);
    fireEvent.click(screen.getByTestId('typed-differing-confirm'));
    await waitFor(() => expect(screen.getByTestId('run-result').textContent).not.toBe(''));
    collect();
  }

  fireEvent.click(screen.getByTestId('tab-setup'));
  await screen.findByTestId('layout-clients');
  fireEvent.click(screen.getByTestId('fix-values'));
  fireEvent.click(await screen.findByTestId('fix-values-run'));
  await screen.findByTestId('fix-values-done');
  collect();

  fireEvent.click(screen.getByTestId('tab-clients'));
  const rows = await screen.findAllByTestId('client-row');
  fireEvent.click(rows[0]);
  await screen.findByTestId('card-name');
  collect();
  return [...seen];
}

/**
 * An error the actions throw (an order for a client no longer in the base, and an order whose amount is not
 * a number), as the panel's error bar
 * words it (`errorText` is what the bar renders): through the real actions.
 */
async function orderError(language: Language, book: WorkbookSnapshot): Promise<string> {
  const actions = createActions(new MemoryWorkbook(book), { today: () => isoToDay(FIXTURE_TODAY)! });
  const failed = (order: NewOrder) => actions.recordOrder(order).then(() => 'recorded', (error: unknown) => errorText(error, language));
  return [
    await failed({ clientId: 'К-99999', service: 'Аудит', amount: 100, date: '2024-06-30' }),
    await failed({ clientId: 'К-00004', service: 'Аудит', amount: '12 тыс' as unknown as number, date: '2024-06-30' }),
  ].join(' ');
}

/** The fixture base and a client whose cells the check finds wrong, so the problems list is walked too. */
const withProblems = () => fixtureBook([{ id: 'К-00099', name: 'Жуков Олег', phone: '123', email: 'zhukov@', status: 'Лиловый', service: 'Полёт на Луну', firstContact: '2030-01-01' }]);
const englishBook = renameToEnglish(withProblems());

jest.setTimeout(180_000);

describe('The panel in its own language', () => {
  it('in English over a Russian workbook shows no Russian outside the user’s data', async () => {
    const book = withProblems();
    const { workbook } = renderPanel({ language: 'en', book });
    await screen.findAllByTestId('client-row');
    const texts = await walk();
    const data = await userData(workbook, [book], 'ru');
    const cyrillic = texts.map((text) => stripped(text, data)).join('\n');
    expect(cyrillic.match(/[^\n]{0,40}[А-Яа-яЁё][^\n]{0,40}/g)).toBeNull();
    // the messages were there to be checked: the run's result and the problems, in English
    expect(texts.join(' ')).toContain('Done:');
    expect(texts.join(' ')).toContain('Merge undone');
  });

  it('in English, a form error of the core reads in English', async () => {
    const error = await orderError('en', fixtureBook());
    expect(error).toBe('Client К-99999 not found. The amount is not a number: "12 тыс".');
  });

  it('in Russian over an English workbook shows the product’s sentences in Russian', async () => {
    const { workbook, unmount } = renderPanel({ language: 'ru', book: englishBook });
    await screen.findAllByTestId('client-row');
    const texts = await walk();
    const data = await userData(workbook, [englishBook], 'en');
    const shown = texts.map((text) => stripped(text, data)).join('\n');
    // an English sentence of the product: three English words in a row outside the user's data
    expect(shown.match(/\b(?:the|is|are|was|not|no|of|in|and|to|found|done|sheet|rows?)\b(?:[ ,:]+[A-Za-z]+){2,}/gi)).toBeNull();
    expect(texts.join(' ')).toContain('Готово:');
    unmount();
    const error = await orderError('ru', englishBook);
    expect(error).toBe('Клиент К-99999 не найден. Сумма не распознана: «12 тыс».');
  });
});

/** The text without the user's data: each value only where it stands whole, not inside a word («да» in «данных»). */
function stripped(text: string, data: readonly string[]): string {
  let out = text;
  for (const value of data) out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu'), ' ');
  return out;
}
