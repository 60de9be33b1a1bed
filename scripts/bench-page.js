#!/usr/bin/env node
/**
 * `npm run bench:page [-- SIZES…] [--page-of DIR] [--runs N]`: the standalone page's speed in real
 * Chromium (/usr/bin/chromium through playwright-core), on generated bases as a user opens them.
 *
 * For each size (`20000x150000`, the default; `100000x1000000` is long) the script writes the sample
 * base as an .xlsx (the CLI's `sample` command, kept in the temporary folder for the next time), builds
 * the page (production mode), serves it on 127.0.0.1, and measures:
 *   - first screen: from picking the file to the panel listing the clients (and the grid drawn);
 *   - «Всё сразу»: from the click to the result;
 *   - the page's longest frame while each goes on: the longest gap between animation frames, and the
 *     longest main-thread task (PerformanceObserver 'longtask'); for «Всё сразу», until the panel has drawn
 *     the duplicate groups it found.
 * The goals are printed beside the figures: first screen ≤ 3 s, «Всё сразу» ≤ 3 s, no frame > 200 ms.
 *
 * `--page-of DIR` measures the page of another checkout (its src/page/webpack.part.js), e.g. the main
 * branch's; `--runs N` repeats each measurement (the median is shown). `--against DIR` measures this
 * page and DIR's in one browser, run by run in turn, each round starting with the other page (A B B A …;
 * an even `--runs` balances the order): on a shared 2-core machine the figures of two separate runs of
 * this script differ by half a second, so a before/after comparison is made here.
 */
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const GOAL = { firstScreenMs: 3000, allMs: 3000, frameMs: 200 };
const CACHE = path.join(os.tmpdir(), 'crm-bench-page');

function parseArgs(argv) {
  const options = { sizes: [], pageOf: ROOT, against: null, runs: 1 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--page-of') options.pageOf = path.resolve(argv[++i]);
    else if (arg === '--against') options.against = path.resolve(argv[++i]);
    else if (arg === '--runs') options.runs = Math.max(1, Number(argv[++i]) || 1);
    else if (/^\d+x\d+$/.test(arg)) {
      const [clients, orders] = arg.split('x').map(Number);
      options.sizes.push({ clients, orders });
    } else throw new Error(`Unknown argument: ${arg} (sizes are CLIENTSxORDERS, e.g. 20000x150000)`);
  }
  if (options.sizes.length === 0) options.sizes.push({ clients: 20000, orders: 150000 });
  return options;
}

/** The sample base of that size as an .xlsx, written once by the CLI. */
function baseFile({ clients, orders }) {
  fs.mkdirSync(CACHE, { recursive: true });
  const file = path.join(CACHE, `base-${clients}x${orders}.xlsx`);
  if (fs.existsSync(file)) return file;
  if (!fs.existsSync(path.join(ROOT, 'build', 'cli', 'main.js'))) execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'inherit' });
  console.log(`Writing the sample base ${clients} clients / ${orders} orders…`);
  const partial = `${file}.part.xlsx`;
  execFileSync(process.execPath, [path.join(ROOT, 'bin', 'crm-base.js'), 'sample', '-o', partial, '--clients', String(clients), '--orders', String(orders)], { stdio: 'inherit' });
  fs.renameSync(partial, file);
  return file;
}

/** Builds the page of checkout `dir` (production mode) into a temporary folder. */
function buildPage(dir) {
  const webpack = require(path.join(dir, 'node_modules', 'webpack'));
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-bench-page-build-'));
  const configs = require(path.join(dir, 'src', 'page', 'webpack.part.js'))({ PAGE_OUT: out }, { mode: 'production' });
  return new Promise((resolve, reject) => {
    webpack(configs, (error, stats) => {
      if (error) return reject(error);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve(out);
    });
  });
}

/** Installed in the page before its scripts: records animation-frame gaps and long tasks, with their times. */
function instrument() {
  const record = { frames: [], tasks: [] };
  window.__bench = record;
  let last = performance.now();
  const tick = (now) => {
    record.frames.push([last, now - last]);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) record.tasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: the frame gaps still tell.
  }
}

/** The longest frame gap and long task that began in [from, to] (page time, ms). */
async function longestWithin(page, from, to) {
  return page.evaluate(([a, b]) => {
    const within = (list) => list.filter(([start]) => start >= a && start <= b).reduce((m, [, d]) => Math.max(m, d), 0);
    return { frame: within(window.__bench.frames), task: within(window.__bench.tasks) };
  }, [from, to]);
}

const pageNow = (page) => page.evaluate(() => performance.now());
const clientTotal = async (page) => Number(((await page.getByTestId('client-count').textContent()) || '').replace(/[\s\u00a0\u202f]/g, '').match(/из(\d+)|of(\d+)/)?.slice(1).find(Boolean));

async function measureOnce(browser, url, file, clients) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'ru-RU' });
  await page.addInitScript(instrument);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(url);
    await page.getByTestId('client-count').filter({ hasText: /\d/ }).waitFor({ timeout: 120_000 });
    const openFrom = await pageNow(page);
    const started = Date.now();
    // By path: the browser reads the file itself, as from a user's pick (a buffer would be decoded on the page's thread).
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('file-name').filter({ hasText: path.basename(file) }).waitFor({ timeout: 30 * 60_000 });
    await page.waitForFunction((n) => (document.querySelector('[data-testid="client-count"]')?.textContent || '').replace(/[\s\u00a0\u202f]/g, '').includes(String(n)), clients, { timeout: 30 * 60_000, polling: 100 });
    await page.locator('[data-testid="grid-row"]').first().waitFor({ timeout: 60_000 });
    const firstScreenMs = Date.now() - started;
    const open = await longestWithin(page, openFrom, await pageNow(page));
    const total = await clientTotal(page);

    await page.getByTestId('tab-analysis').click();
    const allFrom = await pageNow(page);
    const allStarted = Date.now();
    await page.getByTestId('run-all').click();
    await page.getByTestId('run-result').or(page.getByTestId('error')).waitFor({ timeout: 60 * 60_000 });
    const allMs = Date.now() - allStarted;
    const failed = await page.getByTestId('error').count();
    // Frames are watched until the panel has drawn what the run found (the duplicate groups come last), not
    // only until the result line appears: drawing the results may hold the page too.
    // The count comes with the groups, also when there are none; an older page (--page-of) has only the groups.
    if (failed === 0) await page.getByTestId('dup-count').or(page.getByTestId('dup-group')).first().waitFor({ timeout: 60_000 });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const all = await longestWithin(page, allFrom, await pageNow(page));
    return { firstScreenMs, allMs, open, all, total, failed: failed > 0 ? await page.getByTestId('error').textContent() : null, errors };
  } finally {
    await page.close();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const millis = (ms) => `${Math.round(ms)} ms`;
const verdict = (value, goal) => (value <= goal ? 'ok' : 'MISSED');

function printTable(size, runs, pageOf) {
  const pick = (f) => median(runs.map(f));
  const rows = [
    ['first screen (open the .xlsx)', seconds(pick((r) => r.firstScreenMs)), `≤ ${seconds(GOAL.firstScreenMs)}`, verdict(pick((r) => r.firstScreenMs), GOAL.firstScreenMs)],
    ['  longest frame while opening', millis(pick((r) => r.open.frame)), `≤ ${GOAL.frameMs} ms`, verdict(pick((r) => r.open.frame), GOAL.frameMs)],
    ['  longest main-thread task', millis(pick((r) => r.open.task)), `≤ ${GOAL.frameMs} ms`, verdict(pick((r) => r.open.task), GOAL.frameMs)],
    ['«Всё сразу»', seconds(pick((r) => r.allMs)), `≤ ${seconds(GOAL.allMs)}`, verdict(pick((r) => r.allMs), GOAL.allMs)],
    ['  longest frame during it', millis(pick((r) => r.all.frame)), `≤ ${GOAL.frameMs} ms`, verdict(pick((r) => r.all.frame), GOAL.frameMs)],
    ['  longest main-thread task', millis(pick((r) => r.all.task)), `≤ ${GOAL.frameMs} ms`, verdict(pick((r) => r.all.task), GOAL.frameMs)],
  ];
  console.log(`\nPage of ${pageOf}: ${size.clients} clients, ${size.orders} orders (${runs.length} run${runs.length > 1 ? 's, median' : ''}; ${os.cpus().length} CPUs)`);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ['measure', 'figure', 'goal', ''][i].length));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(line(['measure', 'figure', 'goal', '']));
  for (const row of rows) console.log(line(row));
  for (const run of runs) {
    if (run.total !== size.clients) console.log(`  note: the panel counted ${run.total} clients`);
    if (run.failed) console.log(`  «Всё сразу» failed: ${run.failed}`);
    if (run.errors.length) console.log(`  page errors: ${run.errors.join('; ')}`);
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const files = options.sizes.map(baseFile);
  const pages = [options.pageOf, ...(options.against ? [options.against] : [])];
  const outs = [];
  const servers = [];
  const { serveStatic } = require('./start.js');
  const { chromium } = require('playwright-core');
  let browser = null;
  try {
    for (const dir of pages) {
      console.log(`Building the page of ${dir} (production mode)…`);
      outs.push(await buildPage(dir));
      servers.push(await serveStatic(outs.at(-1), { port: 0, host: '127.0.0.1' }));
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'] });
    const urls = servers.map((server) => `http://127.0.0.1:${server.address().port}/`);
    for (const [i, size] of options.sizes.entries()) {
      const runs = pages.map(() => []);
      for (let run = 0; run < options.runs; run++) {
        // Each round starts with the other page (A B, B A, …): measured first in a round, one build's «Всё
        // сразу» took 3.8–3.9 s, measured second 2.8–3.2 s.
        const order = run % 2 ? [...urls.keys()].reverse() : [...urls.keys()];
        for (const k of order) runs[k].push(await measureOnce(browser, urls[k], files[i], size.clients));
      }
      pages.forEach((dir, k) => printTable(size, runs[k], dir));
      if (pages.length === 2) {
        const ratio = (f) => (median(runs[0].map(f)) / median(runs[1].map(f))).toFixed(2);
        console.log(`\n${pages[0]} against ${pages[1]}, medians of ${options.runs} runs taken in turn (A B B A …): first screen ×${ratio((r) => r.firstScreenMs)}, «Всё сразу» ×${ratio((r) => r.allMs)}`);
      }
    }
  } finally {
    await browser?.close();
    for (const server of servers) await new Promise((done) => server.close(done));
    for (const out of outs) fs.rmSync(out, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack || error.message : error);
  process.exit(1);
});
