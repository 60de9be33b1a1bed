/** The small static server of `npm start` and the e2e tests (scripts/start.js). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import type { Server } from 'http';
import { get } from 'https';
import type { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serveStatic, resolveFile } = require('../../scripts/start.js') as {
  serveStatic(root: string, options: { port: number; host: string; tls?: { key: string; cert: string } }): Promise<Server>;
  resolveFile(root: string, urlPath: string): string | null;
};

describe('the static server', () => {
  let root: string;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'crm-static-'));
    mkdirSync(join(root, 'page'));
    writeFileSync(join(root, 'page', 'index.html'), '<meta charset="utf-8"><p>Клиенты</p>');
    writeFileSync(join(root, 'page', 'page.js'), 'console.log(1)');
    server = await serveStatic(root, { port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
    rmSync(root, { recursive: true, force: true });
  });

  it('serves a folder’s index.html as UTF-8 and scripts as JavaScript', async () => {
    const page = await fetch(`${origin}/page/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('Клиенты');
    expect((await fetch(`${origin}/page/page.js?v=1`)).headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('redirects a folder without its slash, so relative script paths resolve', async () => {
    const answer = await fetch(`${origin}/page`, { redirect: 'manual' });
    expect(answer.status).toBe(301);
    expect(answer.headers.get('location')).toBe('/page/');
  });

  it('answers 404 for a missing file and never leaves its folder', async () => {
    expect((await fetch(`${origin}/nothing.js`)).status).toBe(404);
    expect((await fetch(`${origin}/%2e%2e/%2e%2e/etc/passwd`)).status).not.toBe(200);
    expect(resolveFile(root, '/../../etc/passwd')).toBe(join(root, 'etc', 'passwd'));
    expect(resolveFile(root, '/%E0%A4%A')).toBeNull();
  });
});

describe('the static server over HTTPS (the add-in, as Office loads it)', () => {
  it('serves the task pane with the certificate it is given', async () => {
    const root = mkdtempSync(join(tmpdir(), 'crm-static-tls-'));
    writeFileSync(join(root, 'taskpane.html'), '<p>Клиентская база</p>');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const selfsigned = require('selfsigned') as { generate(attrs: unknown, options: unknown): Promise<{ private: string; cert: string }> };
    const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }] }],
    });
    const server = await serveStatic(root, { port: 0, host: '127.0.0.1', tls: { key: pems.private, cert: pems.cert } });
    try {
      const port = (server.address() as AddressInfo).port;
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        // trust exactly this certificate, as a machine with the dev certificate installed does
        get({ host: '127.0.0.1', servername: 'localhost', port, path: '/taskpane.html', ca: pems.cert }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        }).on('error', reject);
      });
      expect(answer).toEqual({ status: 200, body: '<p>Клиентская база</p>' });
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
      rmSync(root, { recursive: true, force: true });
    }
  });
});
