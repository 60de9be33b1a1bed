/**
 * Minimisation by the Nelder–Mead simplex (Nelder & Mead 1965, with the standard coefficients 1, 2, ½, ½),
 * restarted from its own best point until a restart no longer improves it: a simplex can collapse before
 * the minimum, and a fresh one around the best point finds out. No derivatives, so it is robust to the
 * flat, curved likelihoods of the customer-value models; they are minimised over log-parameters.
 */
export interface Minimum {
  point: number[];
  value: number;
  evaluations: number;
}

export interface NelderMeadOptions {
  /** Stop when the simplex's values and its size are this small (relative); 1e-12 by default. */
  tolerance?: number;
  /** The first simplex's step along each axis; 0.5 by default. */
  step?: number;
  maxEvaluations?: number;
}

function simplexRun(f: (x: number[]) => number, start: number[], step: number, tolerance: number, budget: number): Minimum {
  const n = start.length;
  const points: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const p = start.slice();
    p[i] += step;
    points.push(p);
  }
  const values = points.map(f);
  let evaluations = n + 1;
  const along = (from: number[], to: number[], t: number) => from.map((v, i) => v + t * (to[i] - v));
  while (evaluations < budget) {
    const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
    const sorted = order.map((i) => points[i]);
    const sortedValues = order.map((i) => values[i]);
    for (let i = 0; i <= n; i++) {
      points[i] = sorted[i];
      values[i] = sortedValues[i];
    }
    const spread = Math.abs(values[n] - values[0]);
    const size = Math.max(...points.slice(1).map((p) => Math.max(...p.map((v, i) => Math.abs(v - points[0][i])))));
    if (spread <= tolerance * (Math.abs(values[0]) + tolerance) && size <= Math.sqrt(tolerance)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) centroid[k] += points[i][k] / n;
    const reflected = along(points[n], centroid, 2);
    const fr = f(reflected);
    evaluations++;
    if (fr < values[0]) {
      const expanded = along(points[n], centroid, 3);
      const fe = f(expanded);
      evaluations++;
      [points[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < values[n - 1]) {
      [points[n], values[n]] = [reflected, fr];
    } else {
      const contracted = fr < values[n] ? along(points[n], centroid, 1.5) : along(points[n], centroid, 0.5);
      const fc = f(contracted);
      evaluations++;
      if (fc < Math.min(fr, values[n])) {
        [points[n], values[n]] = [contracted, fc];
      } else {
        for (let i = 1; i <= n; i++) {
          points[i] = along(points[0], points[i], 0.5);
          values[i] = f(points[i]);
        }
        evaluations += n;
      }
    }
  }
  let best = 0;
  for (let i = 1; i <= n; i++) if (values[i] < values[best]) best = i;
  return { point: points[best], value: values[best], evaluations };
}

/** The minimum of `f` from `start`; a non-finite value counts as +∞ (outside the model's domain). */
export function minimise(f: (x: number[]) => number, start: number[], options: NelderMeadOptions = {}): Minimum {
  const tolerance = options.tolerance ?? 1e-12;
  const budget = options.maxEvaluations ?? 20_000;
  const safe = (x: number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let result = simplexRun(safe, start, options.step ?? 0.5, tolerance, budget);
  let evaluations = result.evaluations;
  for (let restart = 0; restart < 10 && evaluations < budget; restart++) {
    const again = simplexRun(safe, result.point, 0.05, tolerance, budget - evaluations);
    evaluations += again.evaluations;
    const improved = result.value - again.value > tolerance * (Math.abs(result.value) + tolerance);
    if (again.value < result.value) result = again;
    if (!improved) break;
  }
  return { ...result, evaluations };
}
