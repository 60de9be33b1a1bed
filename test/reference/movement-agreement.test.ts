/**
 * «Воронка: движение» against an independent Python implementation of its definitions
 * (movement_reference.py) on random histories: moves in and out of every status, statuses of the
 * user's own, rows seen by the analysis, undated rows and rows after the as-of day, clients by ID and by name.
 */
import { spawnSync } from 'child_process';
import { join } from 'path';
import { readHistory } from '../../src/core/contact-history';
import { CHAIN, computeFunnelMovement } from '../../src/core/funnel-movement';
import { isoToDay } from '../../src/core/normalise/date';
import { SEEN_NOTES } from '../../src/core/status-diff';
import { FUNNEL_STATUSES } from '../../src/core/statuses';
import type { CellValue } from '../../src/workbook/snapshot';
import { describeWithTool, DEBIAN_PYTHON } from '../support/tools';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function history(seed: number): { rows: Array<{ when: Date | null; id: string; name: string; result: string }> } {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const statuses = [...FUNNEL_STATUSES.map((s) => s.ru), 'Думает', 'зелёный', ''];
  const rows = [];
  for (let i = 0; i < 600; i++) {
    const client = Math.floor(next() * 60);
    const when = next() < 0.03 ? null : new Date(Date.UTC(2025, 6, 1) + Math.floor(next() * 420) * 86_400_000 + 3_600_000);
    const to = pick(statuses);
    rows.push({ when, id: client % 5 === 0 ? '' : `К-${client}`, name: `Клиент ${client}`, result: `${pick(statuses) || '—'} → ${to || '—'}${next() < 0.1 ? SEEN_NOTES.ru : ''}` });
  }
  return { rows };
}

describeWithTool('openpyxl', 'funnel movement against the Python reference', () => {
  it.each([1, 2, 3])('agrees on random history %i', (seed) => {
    const asOf = '2026-06-15';
    const { rows } = history(seed);
    const header: CellValue[] = ['Дата и время', 'ID клиента', 'Клиент', 'Менеджер', 'Вид', 'Результат'];
    const snapshot = { sheets: [{ name: 'История', header, rows: rows.map((r) => [r.when, r.id, r.name, 'Анна', 'статус', r.result]) }] };
    const ours = computeFunnelMovement(readHistory(snapshot), isoToDay(asOf)!);
    const input = {
      asOf,
      statuses: FUNNEL_STATUSES.map((s) => s.ru),
      chain: CHAIN.map((key) => FUNNEL_STATUSES.findIndex((s) => s.key === key)),
      seenNote: SEEN_NOTES.ru,
      rows: rows.map((r) => ({ ...r, when: r.when ? r.when.toISOString() : null })),
    };
    const run = spawnSync(DEBIAN_PYTHON, [join(__dirname, 'movement_reference.py')], { input: JSON.stringify(input), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const theirs = JSON.parse(run.stdout) as {
      months: [string, number[], [number, number][], (number | null)[]][];
      conversions: [number, number][];
      days: [number, number | null][];
      undated: number;
      later: number;
    };
    expect(ours.months.map((m) => [m.month, m.entered, m.conversions.map((c) => [c.entered, c.converted]), m.medianDays])).toEqual(theirs.months);
    expect(ours.conversions.map((c) => [c.entered, c.converted])).toEqual(theirs.conversions);
    expect(ours.days.map((d) => [d.stays, d.medianDays])).toEqual(theirs.days);
    expect([ours.undated, ours.later]).toEqual([theirs.undated, theirs.later]);
    expect(ours.months.length).toBeGreaterThan(10);
    expect(ours.conversions.some((c) => c.converted > 0)).toBe(true);
    // The monthly figures are not all empty: cohorts that moved on and stays with a median.
    expect(ours.months.some((m) => m.conversions.some((c) => c.converted > 0))).toBe(true);
    expect(ours.months.some((m) => m.medianDays.some((d) => d !== null))).toBe(true);
  });
});
