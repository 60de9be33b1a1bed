/**
 * The Gamma-Gamma model of order value (Fader & Hardie, "The Gamma-Gamma model of monetary value", 2013):
 * a client's order values are Gamma(p, ν) around their own mean, ν ~ Gamma(q, γ) over clients. Fitted by
 * maximum likelihood on each repeat buyer's number of repeat orders x ≥ 1 and their mean value m > 0.
 */
import { minimise } from './nelder-mead';
import { logGamma } from './special-functions';
import { expectedPurchases, type BgNbdParams } from './bgnbd';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/**
 * ln L = Σ ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(γ + m x)
 * over the clients with x ≥ 1 and m > 0 (the density of the mean of x Gamma(p, ν) values, ν integrated out).
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, x: ArrayLike<number>, m: ArrayLike<number>): number {
  const { p, q, gamma } = params;
  const lgQ = logGamma(q);
  const qLogGamma = q * Math.log(gamma);
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    const px = p * x[i];
    total += logGamma(px + q) - logGamma(px) - lgQ + qLogGamma + (px - 1) * Math.log(m[i]) + px * Math.log(x[i]) - (px + q) * Math.log(gamma + m[i] * x[i]);
  }
  return total;
}

/** The maximum-likelihood (p, q, γ) from the start (1, 2, mean m) in logs; clients with x < 1 or m ≤ 0 are left out. */
export function fitGammaGamma(x: ArrayLike<number>, m: ArrayLike<number>): GammaGammaParams & { logLikelihood: number } {
  const xs: number[] = [];
  const ms: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (x[i] >= 1 && m[i] > 0) {
      xs.push(x[i]);
      ms.push(m[i]);
    }
  }
  const mean = ms.reduce((s, v) => s + v, 0) / Math.max(1, ms.length);
  const toParams = (v: number[]): GammaGammaParams => ({ p: Math.exp(v[0]), q: Math.exp(v[1]), gamma: Math.exp(v[2]) });
  const scale = Math.max(1, xs.length);
  const best = minimise((v) => (v.some((value) => Math.abs(value) > 25) ? Infinity : -gammaGammaLogLikelihood(toParams(v), xs, ms) / scale), [0, Math.log(2), Math.log(Math.max(mean, 1e-9))]);
  return { ...toParams(best.point), logLikelihood: -best.value * scale };
}

/**
 * E[order value | x, m] = p(γ + m x)/(px + q − 1): a weighted mean of the population's mean γp/(q−1) and
 * the client's own m (q > 1). A client with no repeat order gets the population's mean.
 */
export function expectedOrderValue(params: GammaGammaParams, x: number, m: number): number {
  const { p, q, gamma } = params;
  if (x < 1 || !(m > 0)) return (gamma * p) / (q - 1);
  return (p * (gamma + m * x)) / (p * x + q - 1);
}

/** Days in a month for the CLV's monthly steps: 365/12, so twelve months are the 365 days of expectedOrders365. */
export const DAYS_PER_MONTH = 365 / 12;

/**
 * Σ_{k=1..months} (E[Y(k·M)] − E[Y((k−1)·M)]) / (1+d)^k, M = 365/12 days, d the monthly discount rate
 * (0.01 = 1 %): each month's expected orders, discounted to the as-of date from the end of that month.
 */
export function discountedExpectedOrders(model: BgNbdParams, client: { x: number; tx: number; T: number }, months: number, monthlyDiscount: number): number {
  let total = 0;
  let before = 0;
  for (let k = 1; k <= months; k++) {
    const upTo = expectedPurchases(model, k * DAYS_PER_MONTH, client.x, client.tx, client.T);
    total += (upTo - before) / Math.pow(1 + monthlyDiscount, k);
    before = upTo;
  }
  return total;
}

/**
 * The CLV over the next `months` months: the discounted expected orders at the client's expected order
 * value (as the `lifetimes` package does, with months of 365/12 days instead of 30).
 */
export function customerLifetimeValue(
  model: BgNbdParams,
  value: number,
  client: { x: number; tx: number; T: number },
  months: number,
  monthlyDiscount: number,
): number {
  return discountedExpectedOrders(model, client, months, monthlyDiscount) * value;
}
