/**
 * The standalone page in real Chromium: the side panel over the bundled sample workbook («Чистый город»,
 * 2,000 clients, 15,000 orders, analysed as of 01.11.2026), with the workbook drawn as a grid beside it.
 * Screenshots of the main screens go to artifacts/screenshots/.
 */
import { readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { sheetName } from '../../src/core/schema';
import { generateSampleWorkbook, SAMPLE_DEFAULTS, SAMPLE_SHEETS } from '../../src/sample';
import { analyseBase } from '../../src/core/analysis';
import { readBase } from '../../src/core/base';
import { campaignList, chosenClients } from '../../src/core/campaign';
import { isoToDay } from '../../src/core/normalise/date';
import { answerMatchRequest, matchRequest } from '../../src/core/duplicates/match-request';
import { GROUPS_PER_PAGE } from '../../src/ui/analysis/DuplicatesPanel';
import { MemoryWorkbook } from '../../src/workbook/memory';
import { describeWithTool } from '../support/tools';
import { clientCount, gridRow, gridRowCount, openSamplePage, pageErrors, screenshot, showSheet, startPageHarness, type PageHarness } from './page-harness';

const CLIENTS = SAMPLE_SHEETS.clients;
const ORDERS = SAMPLE_SHEETS.orders;
const UI_TIMEOUT = 20_000;

/** A cell's text in the clients sheet by its header, read from the grid. */
async function clientCell(page: Page, row: number, header: string): Promise<string> {
  const headers = await page.locator('[data-testid="grid-header"] th').allTextContents();
  // The first header cell is the row number; cells may end with the dropdown mark.
  const column = headers.slice(1).findIndex((h) => h.replace('▾', '').trim() === header);
  if (column < 0) throw new Error(`No column «${header}» in ${headers.join(' | ')}`);
  return (await gridRow(page, row))[column];
}

/** `+7 929 9213884` → `8 (929) 921-38-84`: the same number as a Russian user would type it. */
function retypedPhone(phone: string): string {
  const d = phone.replace(/\D/g, '').slice(-10);
  return `8 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`;
}

/**
 * The «Анализ» tab's charts after «Всё сразу»: both drawn, inside the panel, which does not scroll sideways,
 * their text at least 10 px high; a picture of each goes to the screenshots.
 */
async function expectChartsWithinPanel(page: Page, width: number): Promise<void> {
  const pareto = page.getByTestId('pareto-chart');
  await pareto.waitFor({ timeout: UI_TIMEOUT });
  expect(await pareto.getAttribute('aria-label')).toMatch(/^Кривая Парето: класс A — [\d\s]+ клиент\S* из [\d\s]+ \(\d+(,\d)?\s%\), \d+(,\d)?\s% выручки \(граница 75\s%\)/);
  // 2,000 clients, most with revenue: the curve is sampled at 100 steps.
  expect(await pareto.getByTestId('pareto-bar').count()).toBe(100);
  expect((await pareto.getByTestId('pareto-line').getAttribute('points'))!.split(' ')).toHaveLength(101);
  const segments = page.getByTestId('segment-chart');
  expect(await segments.getByTestId('segment-bar').count()).toBe(2 * (await segments.locator('g[data-testid^="segment-"]').count()));
  expect(await segments.getAttribute('aria-label')).toMatch(/^RFM-сегменты: Чемпионы — [\d\s]+ клиент/);
  const fit = await page.evaluate(() => {
    const panel = document.querySelector('[data-testid="panel"]')!;
    const box = panel.getBoundingClientRect();
    const charts = ['pareto-chart', 'segment-chart'].map((id) => {
      const svg = document.querySelector(`[data-testid="${id}"]`)!;
      const chart = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll('text')].map((text) => text.getBoundingClientRect());
      // A label cut by the chart's edge («00 %» for «100 %») is unreadable.
      const clipped = texts.filter((text) => text.left < chart.left - 0.5 || text.right > chart.right + 0.5 || text.top < chart.top - 0.5 || text.bottom > chart.bottom + 0.5);
      return { id, inside: chart.left >= box.left - 0.5 && chart.right <= box.right + 0.5, clipped: clipped.length, textHeight: Math.min(...texts.map((text) => text.height)) };
    });
    return { sideways: panel.scrollWidth - panel.clientWidth, page: document.documentElement.scrollWidth - window.innerWidth, charts };
  });
  expect({ sideways: fit.sideways, page: Math.max(0, fit.page) }).toEqual({ sideways: 0, page: 0 });
  for (const chart of fit.charts) {
    expect({ id: chart.id, inside: chart.inside, clipped: chart.clipped }).toEqual({ id: chart.id, inside: true, clipped: 0 });
    expect(chart.textHeight).toBeGreaterThanOrEqual(10);
  }
  for (const id of ['pareto-chart', 'segment-chart']) {
    // The panel scrolls within itself: each chart is brought to its top before the picture.
    await page.getByTestId(id).evaluate((chart) => chart.scrollIntoView({ block: 'start' }));
    await screenshot(page, `12-${id}-at-${width}px`);
  }
}

/** The client names of a «Сегодня» section (the first span of each item). */
async function sectionNames(page: Page, kind: string): Promise<string[]> {
  const section = page.getByTestId(`today-${kind}`);
  if ((await section.count()) === 0) return [];
  return section.getByTestId('today-item').locator('span:first-child').allTextContents();
}

describeWithTool('chromium', 'the standalone page (side panel over the sample workbook)', () => {
  let harness: PageHarness;
  let page: Page;

  beforeAll(async () => {
    harness = await startPageHarness();
  }, 180_000);

  afterAll(async () => {
    await harness?.close();
  });

  beforeEach(async () => {
    page = await openSamplePage(harness);
  }, 60_000);

  afterEach(async () => {
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('opens on the sample: every client is listed and the clients sheet is in the grid', async () => {
    expect(await clientCount(page)).toEqual({ matching: 2000, total: 2000 });
    expect(await page.getByTestId('client-row').count()).toBeGreaterThan(10);
    const grid = page.getByTestId('grid');
    expect(await grid.getAttribute('data-sheet')).toBe(CLIENTS);
    expect(await grid.getAttribute('data-rows')).toBe('2000');
    // The panel lists the sheet's first client first.
    const firstName = await clientCell(page, 2, 'Клиент');
    expect(firstName).not.toBe('');
    await expect(page.getByTestId('client-row').first().textContent()).resolves.toContain(firstName);
    expect(await page.locator('meta[charset]').getAttribute('charset')).toBe('utf-8');
    await screenshot(page, '01-clients');
  });

  it('shows a manager their day in «Сегодня» and opens a client from it', async () => {
    await page.getByTestId('tab-today').click();
    const asOf = page.getByTestId('today-as-of');
    await asOf.waitFor({ timeout: UI_TIMEOUT });
    // The sample is as of 01.11.2026: its cold clients and the birthdays of its first week of November.
    expect(await asOf.textContent()).toMatch(/^На 01\.11\.2026: [\d\s]+ дел/);
    const everyone = await page.getByTestId('today-item').count();
    await page.getByTestId('today-manager').click();
    const manager = (await page.getByRole('option').nth(1).textContent())!;
    const before = (await asOf.textContent())!;
    await page.getByRole('option').nth(1).click();
    await asOf.filter({ hasNotText: before }).waitFor({ timeout: UI_TIMEOUT });
    const rows = await page.getByTestId('today-item').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(everyone);
    for (const row of rows) expect(row).toContain(manager);
    await screenshot(page, '02-today');
    const first = page.getByTestId('today-item').first();
    const name = (await first.locator('span').first().textContent())!;
    await first.click();
    await expect(page.getByTestId('card-name').textContent()).resolves.toContain(name);
    await page.getByTestId('card-back').click();
    expect(pageErrors(page)).toEqual([]);
  });

  // The sample has no next contacts yet: the contact's date is the only one «Сегодня» can list.
  it('logs a call from the card: the timeline, the «История» sheet and «Сегодня» show it', async () => {
    await page.getByTestId('tab-today').click();
    await page.getByTestId('today-as-of').waitFor({ timeout: UI_TIMEOUT });
    expect(await sectionNames(page, 'today')).toEqual([]);
    const cold = page.getByTestId('today-cold').getByTestId('today-item').first();
    const name = (await cold.locator('span').first().textContent())!;
    await cold.click();
    await expect(page.getByTestId('card-name').textContent()).resolves.toContain(name);

    // Proposed: three days after the sample's 01.11.2026; the manager makes it today.
    const next = page.getByTestId('contact-next');
    expect(await next.inputValue()).toBe('2026-11-04');
    await page.getByTestId('contact-result').fill('Обещали вернуться к заказу');
    await page.getByTestId('contact-next-step').fill('Перезвонить после обеда');
    await next.fill('2026-11-01');
    await page.getByTestId('log-contact').click();

    const contact = page.getByTestId('timeline-contact').first();
    await contact.waitFor({ timeout: UI_TIMEOUT });
    expect(await contact.textContent()).toContain('Звонок');
    expect(await contact.textContent()).toContain('Обещали вернуться к заказу');
    expect(await contact.textContent()).toContain('следующий контакт 01.11.2026');
    // Newest first: the contact stands above the client's orders.
    const first = await page.getByTestId('card-history').locator('> div').first().getAttribute('data-testid');
    expect(first).toBe('timeline-contact');
    await contact.scrollIntoViewIfNeeded();
    await screenshot(page, '20-contact-logged');

    await showSheet(page, 'История');
    const row = await gridRow(page, 2);
    expect(row.slice(1, 8)).toEqual([expect.stringMatching(/^К-\d{5}$/), name, expect.any(String), 'звонок', 'Обещали вернуться к заказу', 'Перезвонить после обеда', '01.11.2026']);
    expect(row[0]).toMatch(/^01\.11\.2026 \d\d:\d\d$/);

    await page.getByTestId('card-back').click();
    await page.getByTestId('tab-today').click();
    await page.getByTestId('today-today').waitFor({ timeout: UI_TIMEOUT });
    expect(await sectionNames(page, 'today')).toEqual([name]);
    expect(await sectionNames(page, 'cold')).not.toContain(name);
    await screenshot(page, '21-today-after-contact');
  });

  it('marks a birthday client congratulated: the mark in «Сегодня», a «поздравление» row in «История» and in the timeline', async () => {
    await page.getByTestId('tab-today').click();
    const birthdays = page.getByTestId('today-birthday');
    await birthdays.waitFor({ timeout: UI_TIMEOUT });
    // The sample is as of 01.11.2026: birthdays today, in its first week of November and later that month.
    expect(await birthdays.getByTestId('birthdays-today').getByTestId('birthday-item').count()).toBeGreaterThan(0);
    const item = birthdays.getByTestId('birthday-item').filter({ has: page.getByTestId('birthday-mark') }).first();
    const name = (await item.getByTestId('today-item').locator('span').first().textContent())!;
    const greeting = (await item.getByTestId('birthday-greeting').textContent())!;
    expect(greeting).toMatch(/^\S.*, с днём рождения! /);
    await item.getByTestId('birthday-mark').click();
    const marked = birthdays.getByTestId('birthday-item').filter({ hasText: name }).first();
    await marked.getByTestId('birthday-congratulated').waitFor({ timeout: UI_TIMEOUT });
    expect(await marked.getByTestId('birthday-congratulated').textContent()).toBe('✓ Поздравлен в этом году');
    expect(await marked.getByTestId('birthday-mark').count()).toBe(0);
    await marked.scrollIntoViewIfNeeded();
    await screenshot(page, '22-birthday-congratulated');

    // The first contact of the sample: «История» is created with it.
    expect(await gridRowCount(page, 'История')).toBe(1);
    const row = await gridRow(page, 2);
    expect(row.slice(1, 6)).toEqual([expect.stringMatching(/^К-\d{5}$/), name, expect.any(String), 'поздравление', greeting]);

    await marked.getByTestId('today-item').click();
    const contact = page.getByTestId('timeline-contact').first();
    await contact.waitFor({ timeout: UI_TIMEOUT });
    expect(await contact.textContent()).toContain('Поздравление');
    expect(await contact.textContent()).toContain(greeting);
    await page.getByTestId('card-back').click();
    expect(pageErrors(page)).toEqual([]);
  });

  it('filters by a city with a mouse click on the dropdown: the count and the list change', async () => {
    const firstBefore = await page.getByTestId('client-row').first().getAttribute('data-client-id');
    const city = page.getByTestId('filter-city');
    await city.click();
    await expect(city.getAttribute('aria-expanded')).resolves.toBe('true');
    // A multi-choice dropdown's options are menu item checkboxes.
    await page.getByRole('menuitemcheckbox', { name: 'Казань', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('client-count').filter({ hasNotText: /2\s000 из/ }).waitFor({ timeout: UI_TIMEOUT });
    const { matching, total } = await clientCount(page);
    expect(total).toBe(2000);
    expect(matching).toBeGreaterThan(0);
    expect(matching).toBeLessThan(2000);
    const rows = await page.getByTestId('client-row').allTextContents();
    expect(rows.length).toBe(Math.min(matching, 100));
    for (const row of rows) expect(row).toContain('Казань');
    expect(await page.getByTestId('client-row').first().getAttribute('data-client-id')).not.toBe(firstBefore);
    await screenshot(page, '02-filtered-by-city');
  });

  it('runs ABC: the ABC sheet with classes A/B/C appears in the grid and the panel shows the shares', async () => {
    await page.getByTestId('tab-analysis').click();
    await page.getByTestId('run-abc').click();
    await page.getByTestId('abc-shares').waitFor({ timeout: UI_TIMEOUT });
    const abc = sheetName('abc', 'ru');
    await page.locator(`[data-testid="grid"][data-sheet="${abc}"]`).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.locator(`[data-testid="sheet-tab"][data-sheet="${abc}"]`).count()).toBe(1);
    // Ranked clients in A:G (class in G), the class summary in I:L.
    const header = await page.locator('[data-testid="grid-header"] th').allTextContents();
    expect(header[7]).toBe('Класс');
    expect((await gridRow(page, 2))[6]).toBe('A');
    const summaryClasses = await Promise.all([2, 3, 4].map(async (row) => (await gridRow(page, row))[8]));
    expect(summaryClasses).toEqual(['A', 'B', 'C']);
    const shares = await page.getByTestId('abc-shares').textContent();
    for (const cls of ['A', 'B', 'C']) expect(shares).toMatch(new RegExp(`${cls}: [\\d\\s\\u00a0]+ клиент\\S* · \\d+(,\\d)?\\s?%`));
    await screenshot(page, '03-abc');
  });

  it('runs «Ценность клиентов» and «ABC-XYZ»: each sheet appears in the grid, most value at risk first, and the result says how many', async () => {
    await page.getByTestId('tab-analysis').click();
    await page.getByTestId('run-clientValue').click();
    await page.getByTestId('run-result').filter({ hasText: 'Ценность клиентов посчитана для' }).waitFor({ timeout: UI_TIMEOUT });
    const value = sheetName('clientValue', 'ru');
    await page.locator(`[data-testid="grid"][data-sheet="${value}"]`).waitFor({ timeout: UI_TIMEOUT });
    const header = await page.locator('[data-testid="grid-header"] th').allTextContents();
    expect(header.slice(1, 12)).toContain('Под риском');
    const atRisk = await Promise.all([2, 3, 4].map(async (row) => Number((await gridRow(page, row))[10].replace(/[\s\u00a0]/g, '').replace(',', '.'))));
    expect(atRisk.every((v) => v > 0)).toBe(true);
    expect([...atRisk].sort((a, b) => b - a)).toEqual(atRisk);
    await page.getByTestId('run-abcXyz').click();
    await page.getByTestId('run-result').filter({ hasText: 'ABC-XYZ:' }).waitFor({ timeout: UI_TIMEOUT });
    const matrix = sheetName('abcXyz', 'ru');
    await page.locator(`[data-testid="grid"][data-sheet="${matrix}"]`).waitFor({ timeout: UI_TIMEOUT });
    expect((await gridRow(page, 2))[0]).toBe('AX');
    await screenshot(page, '03b-client-value');
  });

  it('runs RFM (segments appear), finds duplicates, merges a group and undoes the merge', async () => {
    await page.getByTestId('tab-analysis').click();
    await page.getByTestId('run-rfm').click();
    await page.locator('[data-testid^="segment-"]').first().waitFor({ timeout: UI_TIMEOUT });
    const segments = await page.locator('[data-testid^="segment-"]').allTextContents();
    expect(segments.length).toBeGreaterThan(3);
    expect(segments.some((s) => /Чемпионы · \d/.test(s))).toBe(true);
    await page.locator(`[data-testid="grid"][data-sheet="${sheetName('rfm', 'ru')}"]`).waitFor({ timeout: UI_TIMEOUT });
    await screenshot(page, '04-rfm');

    const before = await gridRowCount(page, CLIENTS);
    await page.getByTestId('load-duplicates').click();
    const group = page.getByTestId('dup-group').first();
    await group.waitFor({ timeout: UI_TIMEOUT });
    const members = await group.getByTestId('dup-keep').count();
    expect(members).toBeGreaterThan(1);
    // Why, field by field, in words an owner reads.
    await expect(group.getByTestId('dup-evidence').textContent()).resolves.toMatch(/у дубликатов в [\d\s\u00a0]+ раза? чаще/);
    // The groups the core finds in the sample, matched by the page worker's helper on a core of its own.
    const sample = await new MemoryWorkbook(generateSampleWorkbook()).read();
    const groups = answerMatchRequest(matchRequest(sample, readBase(sample))).groups.length;
    expect(groups).toBeGreaterThan(GROUPS_PER_PAGE);
    const groupsCounted = (count: number) => page.getByTestId('dup-count').filter({ hasText: new RegExp(`: ${count}$`) }).waitFor({ timeout: UI_TIMEOUT });
    await groupsCounted(groups);
    // Listed a page at a time: hundreds of cards at once held the panel for a second.
    expect(await page.getByTestId('dup-group').count()).toBe(GROUPS_PER_PAGE);
    const helper = page.workers().find((worker) => worker.url().endsWith('/match-worker.js'));
    expect(helper).toBeDefined();
    expect(await helper!.evaluate(() => typeof postMessage)).toBe('function');
    await screenshot(page, '05-duplicates');

    await group.getByTestId('merge').click();
    await page.getByTestId('merge-done').waitFor({ timeout: UI_TIMEOUT });
    expect(await gridRowCount(page, CLIENTS)).toBe(before - (members - 1));
    await screenshot(page, '06-merged');

    await page.getByTestId('undo-merge').click();
    await page.getByTestId('dup-done').waitFor({ timeout: UI_TIMEOUT });
    expect(await gridRowCount(page, CLIENTS)).toBe(before);
    // The list reloads after the undo: the merged group is back before one is dismissed.
    await groupsCounted(groups);

    await page.getByTestId('dup-group').first().getByTestId('dismiss').click();
    await page.getByTestId('dup-done').filter({ hasText: 'не дубликаты' }).waitFor({ timeout: UI_TIMEOUT });
    await page.locator('[data-testid="sheet-tab"][data-sheet="Не дубликаты"]').waitFor({ timeout: UI_TIMEOUT });
    await groupsCounted(groups - 1);
    expect(await gridRowCount(page, CLIENTS)).toBe(before);
  });

  it('exports the «Под угрозой» segment for SMS: only clients who consented, the CSV the core lists, the law said above the button', async () => {
    await page.getByTestId('tab-analysis').click();
    await expect(page.getByTestId('campaign-law').textContent()).resolves.toMatch(/38-ФЗ/);
    await page.getByTestId('campaign-audience').click();
    await page.getByRole('option', { name: 'RFM: Под угрозой' }).click();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('campaign-export').click()]);
    expect(download.suggestedFilename()).toBe('рассылка-sms-под-угрозой-2026-11-01.csv');
    const file = join(tmpdir(), `campaign-${process.pid}.csv`);
    await download.saveAs(file);
    const csv = readFileSync(file, 'utf8');
    rmSync(file, { force: true });
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('"phone","email","name","first_name","segment"');
    const phones = lines.slice(1).map((line) => JSON.parse(line.split(',')[0]) as string);
    // The same list the core gives for the same sample and date: consent for SMS and a valid phone.
    const base = readBase(generateSampleWorkbook());
    const expected = campaignList(chosenClients(analyseBase(base, isoToDay(SAMPLE_DEFAULTS.asOf)!), { segment: 'at_risk' }), 'sms');
    expect(expected.rows.length).toBeGreaterThan(0);
    expect(phones).toEqual(expected.rows.map((row) => row.phone));
    for (const line of lines.slice(1)) expect(line).toMatch(/^"\+7\d{10}",""(,"(?:[^"]|"")*"){2},"Под угрозой"$/);
    const summary = await page.getByTestId('campaign-result').textContent();
    expect(summary).toContain(`В списке ${expected.rows.length}`);
    expect(summary).toMatch(/без согласия — \d+/);
    await screenshot(page, '05b-campaign');
  });

  it('warns about a client whose phone is already in the base before anything is saved', async () => {
    const name = await clientCell(page, 2, 'Клиент');
    const phone = await clientCell(page, 2, 'Телефон');
    expect(phone.replace(/\D/g, '').length).toBeGreaterThanOrEqual(10);
    await page.getByTestId('tab-add').click();
    await page.getByTestId('new-client-name').fill('Петров Пётр');
    await page.getByTestId('new-client-phone').fill(retypedPhone(phone));
    const warning = page.getByTestId('duplicate-warning');
    await warning.waitFor({ timeout: UI_TIMEOUT });
    expect(await warning.textContent()).toContain(name);
    // Nothing was written: the warning came before saving.
    expect(await gridRowCount(page, CLIENTS)).toBe(2000);
    await screenshot(page, '07-duplicate-warning');
  });

  it('keeps the typed last-order dates the orders have moved on, and replaces them only after the user confirms', async () => {
    await page.getByTestId('tab-analysis').click();
    await page.getByTestId('run-tracker').click();
    const bar = page.getByTestId('typed-differing');
    await bar.waitFor({ timeout: UI_TIMEOUT });
    expect(await bar.textContent()).toMatch(/оставлены как есть/);
    const archive = sheetName('valueArchive', 'ru');
    expect(await page.locator(`[data-testid="sheet-tab"][data-sheet="${archive}"]`).count()).toBe(0);
    await screenshot(page, '09-typed-differing');
    // The first click only asks; nothing is written until the second.
    await page.getByTestId('typed-differing-update').click();
    expect(await bar.textContent()).toMatch(/Архив значений/);
    expect(await page.locator(`[data-testid="sheet-tab"][data-sheet="${archive}"]`).count()).toBe(0);
    await page.getByTestId('typed-differing-confirm').click();
    await page.getByTestId('run-result').filter({ hasText: 'Обновлено значений' }).waitFor({ timeout: UI_TIMEOUT });
    await page.locator(`[data-testid="sheet-tab"][data-sheet="${archive}"]`).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByTestId('typed-differing').count()).toBe(0);
  });

  it('fixes the formats only after the user confirms: text dates and amounts become real, the originals go to the archive', async () => {
    await page.getByTestId('tab-setup').click();
    await page.getByTestId('fix-values').click();
    const confirm = page.getByTestId('fix-values-confirm');
    await confirm.waitFor({ timeout: UI_TIMEOUT });
    const archive = sheetName('valueArchive', 'ru');
    // Asking wrote nothing.
    expect(await page.locator(`[data-testid="sheet-tab"][data-sheet="${archive}"]`).count()).toBe(0);
    await screenshot(page, '10-fix-values-confirm');
    await page.getByTestId('fix-values-run').click();
    const done = page.getByTestId('fix-values-done');
    await done.waitFor({ timeout: UI_TIMEOUT });
    expect(await done.textContent()).toMatch(/Превращено в настоящие даты и числа: [\d\s\u00a0]+\. Прежние значения — на листе «Архив значений»/);
    await page.locator(`[data-testid="sheet-tab"][data-sheet="${archive}"]`).waitFor({ timeout: UI_TIMEOUT });
  });

  it("records an order: the client's last order date and order count change", async () => {
    const row = page.getByTestId('client-row').first();
    const name = (await row.locator('span').first().textContent())!;
    await row.click();
    await page.getByTestId('client-card').waitFor();
    const ordersBefore = Number((await page.getByTestId('card-orders').textContent())!.replace(/\D/g, ''));
    const lastBefore = await page.getByTestId('card-last-order').textContent();
    const asOf = SAMPLE_DEFAULTS.asOf.split('-').reverse().join('.');
    expect(lastBefore).not.toBe(asOf);
    const ordersSheetBefore = await gridRowCount(page, ORDERS);

    await page.getByTestId('tab-add').click();
    const picker = page.getByTestId('order-client');
    await picker.click();
    // One word: Playwright types Cyrillic as inserted text without key events, and the combobox takes a
    // Space without a preceding key event as "pick the highlighted option".
    await picker.pressSequentially(name.split(' ').sort((a, b) => b.length - a.length)[0]);
    await page.getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first().click();
    await page.getByTestId('order-service').click();
    await page.getByRole('option').first().click();
    await page.getByTestId('order-amount').fill('1 234,56');
    // The date offered is the sample's as-of day (shown on the Clients tab), so the order counts at once.
    expect(await page.getByTestId('order-date').inputValue()).toBe(SAMPLE_DEFAULTS.asOf);
    await page.getByTestId('save-order').click();
    const saved = page.getByTestId('order-saved');
    await saved.waitFor({ timeout: UI_TIMEOUT });
    expect(await saved.getByTestId('card-last-order').textContent()).toBe(asOf);
    expect(Number((await saved.getByTestId('card-orders').textContent())!.replace(/\D/g, ''))).toBe(ordersBefore + 1);
    expect(await gridRowCount(page, ORDERS)).toBe(ordersSheetBefore + 1);
    await screenshot(page, '08-order-recorded');
  });

  it('downloads the result as .xlsx and opens that file again as a user would open their own', async () => {
    await page.getByTestId('tab-analysis').click();
    await page.getByTestId('run-abc').click();
    await page.getByTestId('abc-shares').waitFor({ timeout: UI_TIMEOUT });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('download').click()]);
    expect(download.suggestedFilename()).toBe('Клиентская база — образец — результат.xlsx');
    const file = join(tmpdir(), `crm-e2e-${process.pid}.xlsx`);
    await download.saveAs(file);
    try {
      expect(readFileSync(file).subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
      // How the spinners shown while the file opens turn: in steps, not a new frame 60 times a second.
      await page.evaluate(() => {
        const timings = new Set<string>();
        Object.assign(window, { spinnerTimings_: timings });
        new MutationObserver(() => {
          for (const part of document.querySelectorAll('.fui-Spinner__spinner, .fui-Spinner__spinnerTail')) timings.add(getComputedStyle(part).animationTimingFunction);
        }).observe(document.body, { subtree: true, childList: true });
      });
      await page.getByTestId('file-input').setInputFiles({ name: 'моя база.xlsx', mimeType: 'application/octet-stream', buffer: readFileSync(file) });
      await page.getByTestId('file-name').filter({ hasText: 'моя база.xlsx' }).waitFor({ timeout: 60_000 });
      await page.getByTestId('client-count').filter({ hasText: /из/ }).waitFor({ timeout: UI_TIMEOUT });
      expect((await clientCount(page)).total).toBe(2000);
      expect(await page.evaluate(() => [...(window as unknown as { spinnerTimings_: Set<string> }).spinnerTimings_])).toEqual(['steps(12)']);
      // The ABC sheet written before the download is in the file.
      expect(await page.locator(`[data-testid="sheet-tab"][data-sheet="${sheetName('abc', 'ru')}"]`).count()).toBe(1);
      // A file that is not an .xlsx is refused with a message, and the open workbook stays.
      await page.getByTestId('file-input').setInputFiles({ name: 'clients.csv', mimeType: 'text/csv', buffer: Buffer.from('Клиент;Телефон\n') });
      await expect(page.getByTestId('page-error').textContent()).resolves.toContain('clients.csv');
      expect(await page.getByTestId('file-name').textContent()).toBe('моя база.xlsx');
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('stays usable at 300 px: no tab of the panel scrolls sideways and the dropdowns open with a click', async () => {
    const narrow = await openSamplePage(harness, { width: 1000, height: 800, query: '?panel=300' });
    try {
      const panel = narrow.getByTestId('panel');
      expect((await panel.boundingBox())!.width).toBe(300);
      const overflow = () => panel.evaluate((el) => el.scrollWidth - el.clientWidth);
      for (const tab of ['clients', 'today', 'add', 'analysis', 'setup']) {
        await narrow.getByTestId(`tab-${tab}`).click();
        await narrow.waitForTimeout(300);
        if (tab === 'today') await narrow.getByTestId('today-as-of').waitFor({ timeout: UI_TIMEOUT });
        if (tab === 'analysis') {
          await narrow.getByTestId('run-abc').click();
          await narrow.getByTestId('abc-shares').waitFor({ timeout: UI_TIMEOUT });
          // The longest reason of a duplicate group takes three lines at 300 px: its badge grows with them.
          await narrow.getByTestId('load-duplicates').click();
          const longest = narrow.getByTestId('dup-reason').filter({ hasText: 'других клиентов с таким именем нет' });
          while ((await longest.count()) === 0) await narrow.getByTestId('dup-more').click();
          const spill = await longest.first().evaluate((el) => [el.scrollHeight - el.clientHeight, el.getBoundingClientRect().height]);
          expect(spill[0]).toBeLessThanOrEqual(1);
          expect(spill[1]).toBeGreaterThan(30);
        }
        if (tab === 'setup') await narrow.getByTestId('layout-clients').waitFor({ timeout: UI_TIMEOUT });
        expect({ tab, overflow: await overflow() }).toEqual({ tab, overflow: 0 });
        await screenshot(narrow, `09-panel-300-${tab}`);
      }
      await narrow.getByTestId('tab-clients').click();
      const status = narrow.getByTestId('filter-status');
      await status.click();
      await expect(status.getAttribute('aria-expanded')).resolves.toBe('true');
      await narrow.getByRole('menuitemcheckbox').first().waitFor();
      expect(pageErrors(narrow)).toEqual([]);
    } finally {
      await narrow.close();
    }
  });

  it.each([320, 768, 1100, 1440])('fits a %i px window after «Всё сразу»: nothing runs past its edge or under the panel', async (width) => {
    const sized = await openSamplePage(harness, { width, height: 800 });
    try {
      await sized.getByTestId('tab-analysis').click();
      await sized.getByTestId('run-all').click();
      await sized.getByTestId('run-result').waitFor({ timeout: 60_000 });
      await sized.locator('[data-testid="sheet-tab"][data-sheet="Дубликаты"]').waitFor({ timeout: UI_TIMEOUT });
      const layout = await sized.evaluate(() => {
        const box = (element: Element | null) => element?.getBoundingClientRect() ?? null;
        const tabs = box(document.querySelector('[data-testid="sheet-tabs"]'));
        const shownTab = box(document.querySelector('[data-testid="sheet-tab"][aria-selected="true"]'));
        const panel = box(document.querySelector('[data-testid="panel"]'));
        const buttons = ['open-file', 'download', 'load-sample'].map((id) => box(document.querySelector(`[data-testid="${id}"]`))!.right);
        return { page: document.documentElement.scrollWidth, window: window.innerWidth, tabs, shownTab, panel, buttons };
      });
      await screenshot(sized, `11-all-at-${width}px`);
      expect(layout.page).toBeLessThanOrEqual(layout.window);
      for (const right of layout.buttons) expect(right).toBeLessThanOrEqual(layout.window);
      const [tabs, panel, shownTab] = [layout.tabs!, layout.panel!, layout.shownTab!];
      // Side by side, the tabs end where the panel begins; stacked (a narrow window), the panel is below them.
      if (panel.top < tabs.top) expect(tabs.right).toBeLessThanOrEqual(panel.left + 1);
      else expect(panel.top).toBeGreaterThanOrEqual(tabs.bottom - 1);
      // The tab of the sheet shown is scrolled into view.
      expect(shownTab.left).toBeGreaterThanOrEqual(tabs.left - 1);
      expect(shownTab.right).toBeLessThanOrEqual(tabs.right + 1);
      await expectChartsWithinPanel(sized, width);
      expect(pageErrors(sized)).toEqual([]);
    } finally {
      await sized.close();
    }
  }, 120_000);

  it('keeps painting during «Всё сразу» (the core runs in a worker), names its steps, and stops on «Остановить» leaving the workbook as it was', async () => {
    // Animation frames counted from now: a page whose thread is busy draws none.
    const frames = () =>
      page.evaluate(() => {
        const record = { gaps: [] as number[], last: performance.now() };
        (window as unknown as { frames_: typeof record }).frames_ = record;
        const tick = (now: number) => {
          record.gaps.push(now - record.last);
          record.last = now;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    const gaps = () => page.evaluate(() => (window as unknown as { frames_: { gaps: number[] } }).frames_.gaps.splice(0));
    await page.getByTestId('tab-analysis').click();

    await frames();
    // Every step the bar shows, as the page shows it: a fast run passes several within a tenth of a second.
    await page.evaluate(() => {
      const seen = new Set<string>();
      const bars = new Set<string>();
      Object.assign(window, { steps_: seen, bars_: bars });
      new MutationObserver(() => {
        const step = document.querySelector('[data-testid="run-step"]')?.textContent;
        if (step) seen.add(step);
        // How the bar moves to each new share: a sliding bar repainted the page all through a run.
        const bar = document.querySelector('[data-testid="run-progress"] > *');
        if (bar) bars.add(getComputedStyle(bar).transitionProperty);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    // Every step the core's worker reports: the bar may skip some of a fast run, never showing them at all.
    type Sent = { kind?: string; progress?: { step: { key: string } } };
    for (const worker of page.workers()) {
      await worker.evaluate(() => {
        const scope = self as unknown as { postMessage(message: Sent, transfer?: Transferable[]): void; stepsSent_: string[] };
        const post = scope.postMessage.bind(scope);
        scope.stepsSent_ = [];
        scope.postMessage = (message, transfer) => {
          if (message?.kind === 'progress') scope.stepsSent_.push(message.progress!.step.key);
          post(message, transfer);
        };
      });
    }
    const started = Date.now();
    await page.getByTestId('run-all').click();
    await page.getByTestId('run-result').waitFor({ timeout: 120_000 });
    const steps = new Set(await page.evaluate(() => [...(window as unknown as { steps_: Set<string> }).steps_]));
    const stepsSent = new Set<string>();
    for (const worker of page.workers()) {
      for (const key of await worker.evaluate(() => (self as unknown as { stepsSent_?: string[] }).stepsSent_ ?? [])) stepsSent.add(key);
    }
    expect(await page.evaluate(() => [...(window as unknown as { bars_: Set<string> }).bars_])).toEqual(['none']);
    const during = await gaps();
    const runMs = Date.now() - started;
    // The run reports its steps (reading each sheet, the calculation, writing), and the bar names the ones it
    // shows with a share of the whole, e.g. «Чтение листа «Заказы» — 29 %», «Расчёт — 58 %».
    expect(stepsSent.size).toBeGreaterThanOrEqual(3);
    expect(stepsSent).toContain('step.calculating');
    expect([...steps].filter((step) => /^\S.* — \d+ %$/.test(step)).length).toBeGreaterThanOrEqual(1);
    // The page drew all along: on the page's own thread the run was one frame, the page frozen from the
    // click to the result. Bounds loose enough for a slow, shared 2-core machine (frames of 10 to 300 ms there).
    expect(during.length).toBeGreaterThan(10);
    expect(Math.max(...during)).toBeLessThan(runMs / 2);

    // Again, on a fresh sample, stopped part way: nothing of the run is kept. A stop that reaches the worker
    // once the run has begun its last writes is refused by design («Остановить не удалось: запись уже
    // началась»): on a busy machine the bar may show the first share past the structure plan that late (or
    // not before the end), and the run is stopped again, up to three times.
    const sheetTabs = () => page.locator('[data-testid="sheet-tab"]').evaluateAll((tabs) => tabs.map((tab) => (tab as HTMLElement).dataset.sheet));
    let tabs: (string | undefined)[] = [];
    let header: string[] = [];
    let row2: string[] = [];
    let stopped = '';
    for (let attempt = 0; attempt < 3 && !stopped.includes('книга осталась как была'); attempt++) {
      await page.getByTestId('load-sample').click();
      await page.getByTestId('client-count').filter({ hasText: /\d/ }).waitFor({ timeout: UI_TIMEOUT });
      tabs = await sheetTabs();
      await showSheet(page, CLIENTS);
      [header, row2] = [await page.locator('[data-testid="grid-header"] th').allTextContents(), await gridRow(page, 2)];
      await page.getByTestId('tab-analysis').click();
      // Stopped from within the page the moment the bar is past the structure plan (the first quarter of the
      // run, which has written the clients' IDs by then): a round trip from the test could come after the end.
      await page.evaluate(() => {
        const watch = new MutationObserver(() => {
          const step = document.querySelector('[data-testid="run-step"]')?.textContent ?? '';
          if (!/— (2[6-9]|[3-9]\d) %/.test(step)) return;
          watch.disconnect();
          (window as unknown as { stoppedAt: string }).stoppedAt = step;
          document.querySelector<HTMLButtonElement>('[data-testid="run-cancel"]')?.click();
        });
        watch.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await page.getByTestId('run-all').click();
      // Stopped, or ended before the bar showed a share past the structure plan (then nothing was stopped).
      await page.getByTestId('run-stopped').or(page.getByTestId('run-result')).first().waitFor({ timeout: 60_000 });
      stopped = (await page.getByTestId('run-stopped').count()) > 0 ? ((await page.getByTestId('run-stopped').textContent()) ?? '') : '';
    }
    expect(stopped).toContain('книга осталась как была');
    expect(await page.evaluate(() => (window as unknown as { stoppedAt: string }).stoppedAt)).toMatch(/ %$/);
    expect(await page.getByTestId('run-result').count()).toBe(0);
    expect(await sheetTabs()).toEqual(tabs);
    // The sheet shown was one the run had written, gone with it: the clients sheet is shown again.
    await page.locator(`[data-testid="grid"][data-sheet="${CLIENTS}"]`).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.locator('[data-testid="grid-header"] th').allTextContents()).toEqual(header);
    expect(await gridRow(page, 2)).toEqual(row2);
    await screenshot(page, '12-all-stopped');
    await page.getByTestId('tab-clients').click();
    await page.getByTestId('client-count').filter({ hasText: /\d/ }).waitFor({ timeout: UI_TIMEOUT });
    expect(await clientCount(page)).toEqual({ matching: 2000, total: 2000 });
  }, 180_000);
});
