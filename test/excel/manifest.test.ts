/**
 * Offline checks of manifest.xml: what Microsoft's validator and the Office clients would refuse, and
 * that the manifest, the code and the build agree with each other.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { RIBBON_COMMANDS } from '../../addin/ribbon';

const ROOT = join(__dirname, '..', '..');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the webpack part is plain CommonJS
const part = require('../../addin/webpack.part.js');
/** xml2js (office-addin-manifest's own parser; no type declarations installed), strict mode. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CommonJS module
const { parseString } = require('xml2js') as { parseString: (xml: string, done: (error: Error | null, result: unknown) => void) => void };

function attributes(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]);
}

function section(xml: string, tag: string): string {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml);
  if (!m) throw new Error(`no <${tag}>`);
  return m[1];
}

function decode(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('manifest.xml', () => {
  it('is well-formed XML', async () => {
    await expect(new Promise((resolve, reject) => parseString(MANIFEST, (error, result) => (error ? reject(error) : resolve(result))))).resolves.toBeTruthy();
  });

  it('asks for ExcelApi 1.9 and the shared runtime', () => {
    expect(MANIFEST).toMatch(/<Set Name="ExcelApi" MinVersion="1.9"\/>/);
    expect(MANIFEST).toMatch(/<bt:Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    expect(MANIFEST).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(MANIFEST).toMatch(/<FunctionFile resid="Taskpane.Url"\/>/);
  });

  it('resolves every resid to a resource', () => {
    const resources = section(MANIFEST, 'Resources');
    const ids = new Set(attributes(resources, 'id'));
    const missing = attributes(MANIFEST, 'resid').filter((resid) => !ids.has(resid));
    expect(missing).toEqual([]);
    const unused = [...ids].filter((id) => !attributes(MANIFEST, 'resid').includes(id));
    expect(unused).toEqual([]);
  });

  it('keeps short strings within 125 and long strings within 250 characters, in both languages', () => {
    const check = (tag: string, limit: number) => {
      const block = section(MANIFEST, tag);
      const values = [...attributes(block, 'DefaultValue'), ...attributes(block, 'Value')].map(decode);
      expect(values.length).toBeGreaterThan(0);
      expect(values.filter((v) => v.length > limit || v.trim() === '')).toEqual([]);
    };
    check('bt:ShortStrings', 125);
    check('bt:LongStrings', 250);
    const strings = section(MANIFEST, 'bt:ShortStrings') + section(MANIFEST, 'bt:LongStrings');
    expect((strings.match(/<bt:String /g) ?? []).length).toBe((strings.match(/<bt:Override Locale="en-US"/g) ?? []).length);
    expect(MANIFEST).toMatch(/<DefaultLocale>ru-RU<\/DefaultLocale>/);
  });

  it('uses https for every URL', () => {
    const urls = [...attributes(MANIFEST, 'DefaultValue'), ...[...MANIFEST.matchAll(/<AppDomain>([^<]*)</g)].map((m) => m[1])].filter((v) => /^[a-z]+:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(20);
    expect(urls.filter((u) => !u.startsWith('https://'))).toEqual([]);
  });

  it('names exactly the ribbon functions the code associates', () => {
    const functions = [...MANIFEST.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]).sort();
    expect(functions).toEqual(Object.keys(RIBBON_COMMANDS).sort());
    const commands = readFileSync(join(ROOT, 'addin', 'commands.ts'), 'utf8');
    expect(commands).toMatch(/for \(const command of Object\.keys\(RIBBON_COMMANDS\)[^)]*\) \{\s*Office\.actions\.associate\(command,/);
    expect(readFileSync(join(ROOT, 'addin', 'taskpane.tsx'), 'utf8')).toMatch(/associateRibbonCommands\(\)/);
  });

  it('has a ribbon tab with the nine buttons, the panel button opening the task pane', () => {
    expect(MANIFEST).toMatch(/<CustomTab id="CrmBase.Tab">/);
    expect((MANIFEST.match(/<Control xsi:type="Button"/g) ?? []).length).toBe(9);
    expect((MANIFEST.match(/<Action xsi:type="ShowTaskpane">/g) ?? []).length).toBe(1);
    expect(MANIFEST).toMatch(/id="Tab.Label" DefaultValue="Клиентская база">\s*<bt:Override Locale="en-US" Value="Client base"\/>/);
  });

  it('office-addin-manifest reads it', () => {
    const output = execFileSync(join(ROOT, 'node_modules', '.bin', 'office-addin-manifest'), ['info', join(ROOT, 'manifest.xml')], { encoding: 'utf8' });
    expect(output).toMatch(/Id: 6f1c3e2a-8d4b-4f7a-9c1e-2b5d7a9e4c31/);
    expect(output).toMatch(/Hosts: Workbook/);
  });
});

describe('the add-in build', () => {
  const [config] = part({}, { mode: 'production' });

  /** Every file the build puts into dist/: the HTML pages and what the copy patterns copy. */
  function builtFiles(): Set<string> {
    const files = new Set<string>();
    for (const plugin of config.plugins) {
      const name = plugin.constructor.name;
      if (name === 'HtmlWebpackPlugin') files.add(plugin.userOptions.filename);
      if (name === 'CopyPlugin') {
        for (const pattern of plugin.patterns) {
          if (pattern.from === 'addin/assets/*.png') readdirSync(join(ROOT, 'addin', 'assets')).filter((f) => f.endsWith('.png')).forEach((f) => files.add(`assets/${f}`));
          else files.add(pattern.to);
        }
      }
    }
    return files;
  }

  it('puts every page and icon the manifest refers to into dist/', () => {
    const files = builtFiles();
    const referenced = [...new Set(attributes(MANIFEST, 'DefaultValue').filter((v) => v.startsWith('https://localhost:3000/')).map((v) => v.slice('https://localhost:3000/'.length)))];
    expect(referenced).toEqual(expect.arrayContaining(['taskpane.html', 'assets/panel-16.png', 'assets/abc-80.png']));
    expect(referenced.filter((f) => !files.has(f))).toEqual([]);
    expect(files.has('manifest.xml')).toBe(true);
    if (existsSync(join(ROOT, 'dist', 'manifest.xml'))) {
      expect(referenced.filter((f) => !existsSync(join(ROOT, 'dist', f)))).toEqual([]);
    }
  });

  it('writes the base URL given at build time into dist/manifest.xml, and refuses http', () => {
    const rewritten = part.manifestFor(MANIFEST, part.baseUrl({ BASE_URL: 'https://crm.example.ru/addin/' }));
    expect(rewritten).not.toMatch(/localhost/);
    expect(rewritten).toMatch(/<SourceLocation DefaultValue="https:\/\/crm.example.ru\/addin\/taskpane.html"\/>/);
    expect(() => part.baseUrl({ BASE_URL: 'http://crm.example.ru' })).toThrow(/https/);
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    writeFileSync(join(dir, 'manifest.xml'), rewritten);
    const output = execFileSync(join(ROOT, 'node_modules', '.bin', 'office-addin-manifest'), ['info', join(dir, 'manifest.xml')], { encoding: 'utf8' });
    expect(output).toMatch(/Source Location: https:\/\/crm.example.ru\/addin\/taskpane.html/);
  });

  it('serves https://localhost:3000 when the dev certificate is installed, plain http otherwise', () => {
    expect(config.devServer.port).toBe(3000);
    expect(['https', 'http']).toContain(config.devServer.server.type);
    expect(config.entry).toEqual({ taskpane: './addin/taskpane.tsx' });
  });
});
