/**
 * The special functions the customer-value models need: log-gamma, a log-sum of two exponentials and the
 * Gaussian hypergeometric function 2F1 on [0, 1). Pure numbers, no dependencies.
 */

// Lanczos approximation, g = 7, n = 9 (Numerical Recipes' coefficients): relative error below 1e-15.
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (the reflection formula below ½). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln(e^a + e^b) without overflow; −∞ stands for a term that is absent. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const high = Math.max(a, b);
  return high + Math.log1p(Math.exp(-Math.abs(a - b)));
}

const MAX_TERMS = 1_000_000;

/**
 * 2F1(a, b; c; z) for 0 ≤ z < 1 by its power series Σ (a)ₙ(b)ₙ/((c)ₙ n!) zⁿ, c > 0. The terms' ratio
 * tends to z, so the series converges for every z < 1; it is summed until a term no longer changes the
 * sum (relative 1e-16) once the ratio has fallen below 1 — before that the terms may still grow. Near
 * z = 1 this takes about 40/(1 − z) terms; callers keep z away from 1 by the transformations they use
 * (bgnbd.ts). Throws when the series has not converged in a million terms rather than return noise.
 */
export function hypergeometric2F1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new RangeError(`2F1: z = ${z} is outside [0, 1)`);
  let term = 1;
  let sum = 1;
  for (let n = 0; n < MAX_TERMS; n++) {
    const ratio = ((a + n) * (b + n)) / ((c + n) * (n + 1));
    term *= ratio * z;
    sum += term;
    if (term === 0) return sum;
    if (Math.abs(ratio * z) < 1 && Math.abs(term) <= 1e-16 * Math.abs(sum)) {
      // The remaining terms are below term·q/(1 − q) with q the current ratio (decreasing from here on).
      return sum;
    }
  }
  throw new RangeError(`2F1(${a}, ${b}; ${c}; ${z}) did not converge`);
}
