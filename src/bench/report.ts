/** Timing and the figures table of the benchmark. */

export interface Figure {
  name: string;
  /** Measured value in `unit`. */
  value: number;
  unit: 's' | 'MB';
  /** The goal (an upper bound) in the same unit, when the figure has one. */
  goal?: number;
  note?: string;
}

/** Runs `work` and returns its result with the wall-clock seconds it took. */
export async function timed<T>(work: () => T | Promise<T>): Promise<{ result: T; seconds: number }> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { result, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

/** Peak resident memory of this process so far, in MB (the kernel's high-water mark, not a sample). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function cell(value: number, unit: Figure['unit']): string {
  return unit === 's' ? `${value.toFixed(2)} s` : `${Math.round(value)} MB`;
}

/** A plain-text table: figure, measured, goal, verdict, note. */
export function formatFigures(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.name,
    cell(f.value, f.unit),
    f.goal === undefined ? '' : `≤ ${cell(f.goal, f.unit)}`,
    f.goal === undefined ? '' : f.value <= f.goal ? 'ok' : 'OVER',
    f.note ?? '',
  ]);
  const all = [['Figure', 'Measured', 'Goal', '', 'Note'], ...rows];
  const widths = all[0].map((_, c) => Math.max(...all.map((r) => r[c].length)));
  return all.map((r) => r.map((text, c) => text.padEnd(widths[c])).join('  ').trimEnd()).join('\n');
}
