#!/usr/bin/env node
/**
 * `npm start`: builds the browser pages (development mode: seconds instead of a minute) and serves dist/:
 *   - the standalone page, the side panel over the bundled sample workbook, over plain HTTP:
 *     http://127.0.0.1:8080/page/
 *   - the Excel add-in, over HTTPS as Office requires, at the address manifest.xml names:
 *     https://localhost:3000/taskpane.html (sideload manifest.xml to use it in Excel). The certificate is
 *     the one `npx office-addin-dev-certs install` makes and trusts, when it is there; otherwise a
 *     self-signed one made at start, which a browser must be told to accept once.
 *
 * `node scripts/start.js --no-build` serves what is already in dist/; `--port N` picks the page's port
 * (default 8080, or PORT); `--addin-port N` the add-in's (default 3000; `--no-addin` serves no add-in);
 * `--host H` listens elsewhere than 127.0.0.1.
 *
 * Also a module: `serveStatic(root, {port, host, tls})` is the server the end-to-end tests use.
 */
'use strict';
const fs = require('fs');
const http = require('http');
const https = require('https');
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
 * `/folder/` so relative script paths work), over HTTPS when given `tls` ({key, cert}). Resolves to the
 * listening server once it is up; `port: 0` takes any free port (see `server.address().port`).
 */
function serveStatic(root, { port = 0, host = '127.0.0.1', tls = null } = {}) {
  const base = path.resolve(root);
  const handle = (req, res) => {
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
  };
  const server = tls ? https.createServer(tls, handle) : http.createServer(handle);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/**
 * The add-in's HTTPS certificate: office-addin-dev-certs' (trusted by the machine once installed), or a
 * self-signed one for localhost made now.
 */
async function addinCertificate() {
  const { devCertificate } = require(path.join(ROOT, 'addin', 'webpack.part.js'));
  const installed = devCertificate();
  if (installed) return { tls: installed, trusted: true };
  const selfsigned = require('selfsigned');
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }],
  });
  return { tls: { key: pems.private, cert: pems.cert }, trusted: false };
}

/** The add-in over HTTPS on `port`, or the reason it could not start (the page is served regardless). */
async function serveAddin(port) {
  if (!fs.existsSync(path.join(DIST, 'taskpane.html'))) return { lines: ['The Excel add-in was not built, so it is not served.'] };
  const { tls, trusted } = await addinCertificate();
  try {
    const server = await serveStatic(DIST, { port, host: 'localhost', tls });
    const origin = `https://localhost:${server.address().port}`;
    const lines = [`Excel add-in (sideload manifest.xml; Excel loads it from here):  ${origin}/taskpane.html`];
    if (!trusted) {
      lines.push(
        '  Its certificate is self-signed: for Excel to load it, run `npx office-addin-dev-certs install` once',
        '  (a trusted localhost certificate) and start again.',
      );
    }
    return { lines };
  } catch (error) {
    return { lines: [`The Excel add-in is not served: port ${port} is busy (${error.code || error.message}); try --addin-port N.`] };
  }
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
  if (!args.includes('--no-addin')) lines.push(...(await serveAddin(Number(option(args, '--addin-port', 3000)))).lines);
  lines.push('', 'Press Ctrl+C to stop.');
  console.log(lines.join('\n'));
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

module.exports = { serveStatic, resolveFile };
