/**
 * The charts of an .xlsx as its package holds them, followed the way a reader follows them: sheet →
 * `<drawing r:id>` → the sheet's rels → drawing → its rels → chart parts. Also what a reader would trip
 * on: chart or drawing parts no sheet reaches, parts `[Content_Types].xml` does not name, relationships
 * whose target is missing. Written for the tests, apart from the writer's code.
 */
import JSZip from 'jszip';
import { decodeXml } from '../../src/xlsx/package';

export interface PackageChart {
  path: string;
  xml: string;
  /** The `<c:f>` references, in document order (categories, values, per series). */
  refs: string[];
  /** The chart groups: `barChart:col`, `barChart:bar`, `lineChart`, `pieChart`. */
  groups: string[];
  /** The numbers cached for each series' values. */
  valueCaches: number[][];
  title: string;
}

export interface PackageCharts {
  bySheet: Map<string, PackageChart[]>;
  /** Chart and drawing parts (and their rels) no sheet reaches. */
  orphans: string[];
  /** Chart and drawing parts without their content type override. */
  untyped: string[];
  /** Relationship targets that are not in the package. */
  dangling: string[];
}

const resolve = (from: string, target: string) => {
  const parts = from.split('/').slice(0, -1);
  for (const step of target.split('/')) {
    if (step === '..') parts.pop();
    else if (step !== '.') parts.push(step);
  }
  return parts.join('/');
};

async function relationships(zip: JSZip, part: string): Promise<Map<string, string>> {
  const relsPath = part.replace(/([^/]+)$/, '_rels/$1.rels');
  const xml = (await zip.file(relsPath)?.async('string')) ?? '';
  const targets = new Map<string, string>();
  for (const m of xml.matchAll(/<Relationship\b[^>]*\bId="([^"]+)"[^>]*\bTarget="([^"]+)"/g)) targets.set(m[1], resolve(part, decodeXml(m[2])));
  return targets;
}

function describeChart(path: string, xml: string): PackageChart {
  const groups = [...xml.matchAll(/<c:(barChart|lineChart|pieChart)>(?:<c:barDir val="(\w+)"\/>)?/g)].map((m) => (m[2] ? `${m[1]}:${m[2]}` : m[1]));
  const valueCaches = [...xml.matchAll(/<c:numCache>(.*?)<\/c:numCache>/g)].map((m) => [...m[1].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => Number(v[1])));
  const title = [...(/<c:title>(.*?)<\/c:title>/.exec(xml)?.[1] ?? '').matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decodeXml(m[1])).join('');
  return { path, xml, refs: [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => decodeXml(m[1])), groups, valueCaches, title };
}

export async function packageCharts(data: Uint8Array): Promise<PackageCharts> {
  const zip = await JSZip.loadAsync(data);
  const has = (path: string) => zip.file(path) !== null;
  const dangling: string[] = [];
  const reached = new Set<string>();
  const bySheet = new Map<string, PackageChart[]>();
  const workbookTargets = await relationships(zip, 'xl/workbook.xml');
  const workbook = (await zip.file('xl/workbook.xml')!.async('string'));
  for (const m of workbook.matchAll(/<sheet\b[^>]*\bname="([^"]*)"[^>]*\br:id="([^"]+)"/g)) {
    const name = decodeXml(m[1]);
    const sheetPath = workbookTargets.get(m[2])!;
    const sheetXml = await zip.file(sheetPath)!.async('string');
    const sheetTargets = await relationships(zip, sheetPath);
    const charts: PackageChart[] = [];
    for (const drawingId of [...sheetXml.matchAll(/<drawing r:id="([^"]+)"\/>/g)].map((d) => d[1])) {
      const drawingPath = sheetTargets.get(drawingId);
      if (!drawingPath || !has(drawingPath)) {
        dangling.push(`${sheetPath} → ${drawingPath ?? drawingId}`);
        continue;
      }
      reached.add(drawingPath).add(drawingPath.replace(/([^/]+)$/, '_rels/$1.rels'));
      const drawingXml = await zip.file(drawingPath)!.async('string');
      const drawingTargets = await relationships(zip, drawingPath);
      for (const chartId of [...drawingXml.matchAll(/<c:chart\b[^>]*\br:id="([^"]+)"/g)].map((c) => c[1])) {
        const chartPath = drawingTargets.get(chartId);
        if (!chartPath || !has(chartPath)) {
          dangling.push(`${drawingPath} → ${chartPath ?? chartId}`);
          continue;
        }
        reached.add(chartPath);
        charts.push(describeChart(chartPath, await zip.file(chartPath)!.async('string')));
      }
    }
    bySheet.set(name, charts);
  }
  const contentTypes = await zip.file('[Content_Types].xml')!.async('string');
  const typed = new Set([...contentTypes.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => m[1]));
  const drawn = Object.keys(zip.files).filter((p) => /^xl\/(charts|drawings)\//.test(p) && !zip.files[p].dir);
  return {
    bySheet,
    orphans: drawn.filter((p) => !reached.has(p)),
    untyped: drawn.filter((p) => !p.endsWith('.rels') && !typed.has(p)),
    dangling,
  };
}
