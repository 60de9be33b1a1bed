/**
 * The Excel task pane opened in a plain browser, in real Chromium: the built taskpane.html, served as
 * `npm start` serves it. Without Excel around it the page is not blank: it says to open the add-in from
 * Excel, links Microsoft's sideloading guide and names the standalone page — whether Office.js could not
 * be loaded at all (no access to its CDN) or loaded and found no host (`Office.onReady` gives host null).
 */
import { mkdtempSync, rmSync } from 'fs';
import type { Server } from 'http';
import type { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import webpack from 'webpack';
import { CHROMIUM_PATH, describeWithTool } from '../support/tools';

// Plain JavaScript modules of the build; typed here by what the test uses of them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const addinPart = require('../../addin/webpack.part.js') as (env: Record<string, string>, argv: Record<string, string>) => webpack.Configuration[];
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveStatic } = require('../../scripts/start.js') as { serveStatic(root: string, options: { port: number; host: string }): Promise<Server> };

const OFFICE_CDN = 'https://appsforoffice.microsoft.com/**';
/**
 * What Office.js does in a tab that no Office host opened: `Office.onReady` resolves with host and
 * platform null (the documented outcome outside Office), and the host types are there to compare with.
 */
const OFFICE_IN_A_PLAIN_TAB = `window.Office = {
  HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
  onReady: (callback) => Promise.resolve({ host: null, platform: null }).then((info) => { if (callback) callback(info); return info; }),
};`;

function buildTaskpane(out: string): Promise<void> {
  const [config] = addinPart({}, { mode: 'development' });
  return new Promise((done, fail) => {
    webpack({ ...config, devtool: false, output: { ...config.output, path: out } }, (error, stats) => {
      if (error) return fail(error);
      if (stats?.hasErrors()) return fail(new Error(stats.toString({ all: false, errors: true })));
      done();
    });
  });
}

describeWithTool('chromium', 'the task pane outside Excel', () => {
  let out: string;
  let server: Server;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'crm-taskpane-'));
    await buildTaskpane(out);
    server = await serveStatic(out, { port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/taskpane.html`;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    rmSync(out, { recursive: true, force: true });
  });

  async function open(locale: string, office: 'unreachable' | 'plain tab'): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ locale });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route(OFFICE_CDN, (route) => (office === 'unreachable' ? route.abort('internetdisconnected') : route.fulfill({ contentType: 'text/javascript', body: OFFICE_IN_A_PLAIN_TAB })));
    await page.goto(url);
    await page.getByRole('alert').waitFor({ timeout: 30_000 });
    return { page, errors };
  }

  it('without Office.js: says to open it from Excel, why Office.js is missing, and where to try it', async () => {
    const { page, errors } = await open('ru-RU', 'unreachable');
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading').textContent()).resolves.toBe('Откройте надстройку из Excel');
    await expect(alert.textContent()).resolves.toMatch(/Office\.js не загрузилась.*appsforoffice\.microsoft\.com/);
    await expect(alert.textContent()).resolves.toContain('http://127.0.0.1:8080/page/');
    await expect(alert.getByRole('link').getAttribute('href')).resolves.toMatch(/^https:\/\/learn\.microsoft\.com\/ru-ru\/office\/dev\/add-ins\/testing\/sideload/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in a plain tab with Office.js: the same in English for an English browser, without the CDN sentence', async () => {
    const { page, errors } = await open('en-US', 'plain tab');
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading').textContent()).resolves.toBe('Open the add-in from Excel');
    await expect(alert.textContent()).resolves.not.toMatch(/did not load/);
    await expect(alert.getByRole('link').getAttribute('href')).resolves.toMatch(/\/en-us\/office\/dev\/add-ins\/testing\/sideload/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
