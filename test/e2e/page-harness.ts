/**
 * What the end-to-end tests of the standalone page share: one build of the page (webpack's Node API, in
 * development mode, into a temporary folder so it never races with a build of dist/), the static
 * server `npm start` uses, on a random loopback port, and Debian's Chromium through playwright-core.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'fs';
import type { Server } from 'http';
import type { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import webpack from 'webpack';
import { CHROMIUM_PATH } from '../support/tools';

const ROOT = resolve(__dirname, '..', '..');
export const SCREENSHOTS = join(ROOT, 'artifacts', 'screenshots');

// Plain JavaScript modules of the build; typed here by what the tests use of them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pagePart = require('../../src/page/webpack.part.js') as (env: Record<string, string>, argv: Record<string, string>) => webpack.Configuration[];
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveStatic } = require('../../scripts/start.js') as { serveStatic(root: string, options: { port: number; host: string }): Promise<Server> };

function buildPage(out: string): Promise<void> {
  return new Promise((done, fail) => {
    webpack(pagePart({ PAGE_OUT: out }, { mode: 'development' }), (error, stats) => {
      if (error) return fail(error);
      if (stats?.hasErrors()) return fail(new Error(stats.toString({ all: false, errors: true })));
      done();
    });
  });
}

export interface PageHarness {
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

export async function startPageHarness(): Promise<PageHarness> {
  const out = mkdtempSync(join(tmpdir(), 'crm-page-'));
  await buildPage(out);
  const server = await serveStatic(out, { port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    browser,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    async close() {
      await browser.close();
      await new Promise<void>((done) => server.close(() => done()));
      rmSync(out, { recursive: true, force: true });
    },
  };
}

const errorsOf = new WeakMap<Page, string[]>();

/** A fresh page over the sample; resolves once the panel lists the clients. Page errors fail the test. */
export async function openSamplePage(harness: PageHarness, options: { width?: number; height?: number; query?: string } = {}): Promise<Page> {
  // A Russian browser, as the product's users have: date inputs show dd.mm.yyyy.
  const page = await harness.browser.newPage({ viewport: { width: options.width ?? 1400, height: options.height ?? 900 }, locale: 'ru-RU' });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  errorsOf.set(page, errors);
  await page.goto(harness.url + (options.query ?? ''));
  await page.getByTestId('client-count').filter({ hasText: /\d/ }).waitFor({ timeout: 30_000 });
  return page;
}

/** Uncaught exceptions and console errors of a page opened by `openSamplePage`. */
export function pageErrors(page: Page): string[] {
  return errorsOf.get(page) ?? [];
}

export function screenshot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** `Найдено: 1 234 из 2 000` → {matching: 1234, total: 2000} (Intl puts non-breaking spaces in the numbers). */
export async function clientCount(page: Page): Promise<{ matching: number; total: number }> {
  const text = (await page.getByTestId('client-count').textContent()) ?? '';
  const numbers = text.replace(/[\s\u00a0\u202f]/g, '').match(/\d+/g)?.map(Number) ?? [];
  if (numbers.length !== 2) throw new Error(`Unexpected client count text: ${text}`);
  return { matching: numbers[0], total: numbers[1] };
}

/** The texts of a grid row's cells (without the row number), by spreadsheet row number. */
export async function gridRow(page: Page, row: number): Promise<string[]> {
  return page.locator(`[data-testid="grid-row"][data-row="${row}"] td`).allTextContents();
}

/** Shows a sheet in the grid and waits until it is drawn. */
export async function showSheet(page: Page, name: string): Promise<void> {
  await page.locator(`[data-testid="sheet-tab"][data-sheet="${name}"]`).click();
  await page.locator(`[data-testid="grid"][data-sheet="${name}"]`).waitFor();
}

export async function gridRowCount(page: Page, sheet: string): Promise<number> {
  await showSheet(page, sheet);
  return Number(await page.getByTestId('grid').getAttribute('data-rows'));
}
