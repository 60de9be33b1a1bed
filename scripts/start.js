#!/usr/bin/env node
/**
 * `npm start`: builds the browser pages (development mode: seconds instead of a minute) and serves
 * dist/ over plain HTTP on localhost:
 *   - the standalone page, the side panel over the bundled sample workbook:  /page/
 *   - the Excel add-in's task pane, when built (it works only inside Excel):  /taskpane.html
 * Excel itself loads add-ins over HTTPS only: sideload from `npm run dev-server` (https://localhost:3000).
 *
 * `node scripts/start.js --no-build` serves what is already in dist/; `--port N` picks the port (default
 * 8080, or PORT); `--host H` listens elsewhere than 127.0.0.1.
 *
 * Also a module: `serveStatic(root, {port, host})` is the server the end-to-end tests use.
 */
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The file under `root` a URL path names, or null when it would leave `root`. */
function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

/**
 * Serves the files under `root` (GET and HEAD; a folder serves its index.html; `/folder` redirects to
 * `/folder/` so relative script paths work). Resolves to the listening server once it is up;
 * `port: 0` takes any free port (see `server.address().port`).
 */
function serveStatic(root, { port = 0, host = '127.0.0.1' } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const urlPath = (req.url || '/').split('?')[0];
    let file = resolveFile(base, urlPath);
    if (!file) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    fs.stat(file, (error, stat) => {
      if (!error && stat.isDirectory()) {
        if (!urlPath.endsWith('/')) {
          res.writeHead(301, { Location: urlPath + '/' }).end();
          return;
        }
        file = path.join(file, 'index.html');
      }
      fs.readFile(file, (readError, data) => {
        if (readError) {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`Not found: ${urlPath}`);
          return;
        }
        res.writeHead(200, {
          'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
          'Content-Length': data.length,
          // Always the latest build: this server is for development and tests.
          'Cache-Control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : data);
      });
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

function option(args, name, fallback) {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
}

/** The webpack configurations (by name, from webpack.config.js) whose output this server shows. */
const SERVED = ['page', 'addin'];

/**
 * Builds the page and the add-in's pages in development mode. The Sheets add-on is not built: its output
 * goes to Apps Script through clasp, not to this server. A failed add-in build is reported and the page
 * is served anyway; a failed page build stops here.
 */
function build() {
  const webpack = require('webpack');
  const configs = require(path.join(ROOT, 'webpack.config.js'))({}, { mode: 'development' }).filter((c) => SERVED.includes(c.name));
  return new Promise((resolve, reject) => {
    webpack(configs, (error, multiStats) => {
      if (error) return reject(error);
      for (const stats of multiStats.stats) {
        if (!stats.hasErrors()) continue;
        const report = stats.toString({ all: false, errors: true, colors: false });
        if (stats.compilation.name === 'page') return reject(new Error(report));
        console.warn(`The ${stats.compilation.name} build failed; serving the rest:\n${report}`);
      }
      resolve();
    });
  });
}

async function main() {
  const args = process.argv.slice(2);
  const port = Number(option(args, '--port', process.env.PORT || 8080));
  const host = option(args, '--host', '127.0.0.1');
  if (!args.includes('--no-build')) {
    console.log('Building the pages (webpack, development mode)…');
    const started = Date.now();
    await build();
    console.log(`Built into dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
  const server = await serveStatic(DIST, { port, host });
  const origin = `http://${host === '0.0.0.0' ? 'localhost' : host}:${server.address().port}`;
  const lines = [
    '',
    `Standalone page (the side panel over the sample workbook):  ${origin}/page/`,
    `  English:                                                   ${origin}/page/?lang=en`,
  ];
  if (fs.existsSync(path.join(DIST, 'taskpane.html'))) {
    lines.push(`Excel add-in task pane (works only inside Excel; here to check it is built): ${origin}/taskpane.html`);
  }
  lines.push(
    '',
    'To use the add-in inside Excel, run `npm run dev-server` (HTTPS on https://localhost:3000, which',
    'Office requires) and sideload manifest.xml; see README.md.',
    'Press Ctrl+C to stop.',
  );
  console.log(lines.join('\n'));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

module.exports = { serveStatic, resolveFile };
