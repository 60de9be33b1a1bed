/**
 * The special functions the customer-value models need: log-gamma and its derivative (digamma) and the
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

/**
 * ψ(x) = d/dx ln Γ(x) for x > 0: the recurrence ψ(x) = ψ(x+1) − 1/x up to x ≥ 10, then the asymptotic
 * series ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ) to x⁻¹² (the next term is below 1e-15 there).
 */
export function digamma(x: number): number {
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  const series = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - (inv2 * 691) / 32760)))));
  return shift + Math.log(x) - 0.5 / x - series;
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
