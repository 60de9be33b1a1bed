/**
 * The Gamma-Gamma model of order value (Fader & Hardie, "The Gamma-Gamma model of monetary value", 2013):
 * a client's order values are Gamma(p, ν) around their own mean, ν ~ Gamma(q, γ) over clients. Fitted by
 * maximum likelihood on each repeat buyer's number of repeat orders x ≥ 1 and their mean value m > 0.
 */
import { maximumLikelihood } from './bfgs';
import { digamma, logGamma } from './special-functions';
import { expectedPurchasesIfAlive, probabilityAlive, type BgNbdParams } from './bgnbd';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** The repeat buyers the model is fitted on (x ≥ 1, m > 0), with what the likelihood needs of them computed once. */
interface OrderValueData {
  x: Float64Array;
  m: Float64Array;
  /** Σ x ln m, Σ ln m and Σ x ln x: the likelihood's terms that do not depend on the parameters' interplay. */
  sumXLogM: number;
  sumLogM: number;
  sumXLogX: number;
  /** The distinct values of x and how many clients have each: ln Γ(px+q) − ln Γ(px) is computed once per value. */
  distinctX: Float64Array;
  xCount: Float64Array;
}

function orderValueData(x: ArrayLike<number>, m: ArrayLike<number>): OrderValueData {
  const xs: number[] = [];
  const ms: number[] = [];
  const counts = new Map<number, number>();
  let sumXLogM = 0;
  let sumLogM = 0;
  let sumXLogX = 0;
  for (let i = 0; i < x.length; i++) {
    if (!(x[i] >= 1 && m[i] > 0)) continue;
    xs.push(x[i]);
    ms.push(m[i]);
    counts.set(x[i], (counts.get(x[i]) ?? 0) + 1);
    sumXLogM += x[i] * Math.log(m[i]);
    sumLogM += Math.log(m[i]);
    sumXLogX += x[i] * Math.log(x[i]);
  }
  return { x: Float64Array.from(xs), m: Float64Array.from(ms), sumXLogM, sumLogM, sumXLogX, distinctX: Float64Array.from(counts.keys()), xCount: Float64Array.from(counts.values()) };
}

/**
 * ln L = Σ ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(γ + m x)
 * over the clients with x ≥ 1 and m > 0 (the density of the mean of x Gamma(p, ν) values, ν integrated
 * out), and its gradient in (p, q, γ):
 *   ∂p = Σ x(ψ(px+q) − ψ(px) + ln m + ln x − ln(γ+mx)),  ∂q = Σ ψ(px+q) − ψ(q) + ln γ − ln(γ+mx),
 *   ∂γ = Σ q/γ − (px+q)/(γ+mx).
 */
function gammaGammaLikelihood(params: GammaGammaParams, data: OrderValueData): { value: number; gradient: [number, number, number] } {
  const { p, q, gamma } = params;
  const n = data.x.length;
  const logGammaQ = Math.log(gamma);
  let value = n * (q * logGammaQ - logGamma(q)) + p * (data.sumXLogM + data.sumXLogX) - data.sumLogM;
  let dp = data.sumXLogM + data.sumXLogX;
  let dq = n * (logGammaQ - digamma(q));
  let dGamma = (n * q) / gamma;
  // Plain loops, no callbacks: a sum a closure captures is boxed, and each `+=` below would allocate.
  for (let k = 0; k < data.distinctX.length; k++) {
    const x = data.distinctX[k];
    const count = data.xCount[k];
    const px = p * x;
    value += count * (logGamma(px + q) - logGamma(px));
    const psiPXQ = digamma(px + q);
    dp += count * x * (psiPXQ - digamma(px));
    dq += count * psiPXQ;
  }
  for (let i = 0; i < n; i++) {
    const x = data.x[i];
    const shifted = gamma + data.m[i] * x;
    const log = Math.log(shifted);
    value -= (p * x + q) * log;
    dp -= x * log;
    dq -= log;
    dGamma -= (p * x + q) / shifted;
  }
  return { value, gradient: [dp, dq, dGamma] };
}

/** The log-likelihood alone; clients with x < 1 or m ≤ 0 are left out. */
export function gammaGammaLogLikelihood(params: GammaGammaParams, x: ArrayLike<number>, m: ArrayLike<number>): number {
  return gammaGammaLikelihood(params, orderValueData(x, m)).value;
}

/**
 * The maximum-likelihood (p, q, γ) (bfgs.ts) from (1, 2, mean m), with the likelihood's evaluations it
 * took; clients with x < 1 or m ≤ 0 are left out.
 */
export function fitGammaGamma(x: ArrayLike<number>, m: ArrayLike<number>): GammaGammaParams & { logLikelihood: number; evaluations: number } {
  const data = orderValueData(x, m);
  const mean = data.m.reduce((s, v) => s + v, 0) / Math.max(1, data.m.length);
  const toParams = ([p, q, gamma]: number[]): GammaGammaParams => ({ p, q, gamma });
  const best = maximumLikelihood((params) => gammaGammaLikelihood(toParams(params), data), [0, Math.log(2), Math.log(Math.max(mean, 1e-9))], data.x.length);
  return { ...toParams(best.params), logLikelihood: best.logLikelihood, evaluations: best.evaluations };
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
 * (0.01 = 1 %): each month's expected orders, discounted to the as-of date from the end of that month —
 * for a client still alive, so by x and T alone (bgnbd.ts); times P(alive) it is the client's.
 */
export function discountedExpectedOrdersIfAlive(model: BgNbdParams, x: number, T: number, months: number, monthlyDiscount: number): number {
  let total = 0;
  let before = 0;
  for (let k = 1; k <= months; k++) {
    const upTo = expectedPurchasesIfAlive(model, k * DAYS_PER_MONTH, x, T);
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
  return discountedExpectedOrdersIfAlive(model, client.x, client.T, months, monthlyDiscount) * probabilityAlive(model, client.x, client.tx, client.T) * value;
}
