/**
 * The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "Counting your customers the easy way"):
 * while alive a client buys at a Poisson rate λ, after each purchase leaves for good with probability p;
 * λ ~ Gamma(r, α) over clients, p ~ Beta(a, b). Time is in days (ARCHITECTURE.md «Definitions»).
 *
 * Per client the model sees (x, t_x, T): x repeat purchases, the last at t_x, the client observed for T
 * since the first. The four parameters are fitted by maximum likelihood (Nelder–Mead over their logs).
 */
import { minimise } from './nelder-mead';
import { hypergeometric2F1, logAddExp, logGamma } from './special-functions';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Clients' (x, t_x, T), one entry per client, or per group of equal ones with its `weight`. */
export interface RepeatData {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  /** The distinct values of x, and for each entry the index of its x among them: the likelihood's terms in x alone are computed once per distinct x. */
  distinctX: Float64Array;
  xIndex: Int32Array;
}

/** The data with clients of equal (x, t_x, T) counted once with a weight: whole days repeat a lot. */
export function groupRepeatData(x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>): RepeatData {
  const index = new Map<string, number>();
  const xs: number[] = [];
  const txs: number[] = [];
  const Ts: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const key = `${x[i]},${tx[i]},${T[i]}`;
    const at = index.get(key);
    if (at !== undefined) weights[at]++;
    else {
      index.set(key, xs.length);
      xs.push(x[i]);
      txs.push(tx[i]);
      Ts.push(T[i]);
      weights.push(1);
    }
  }
  const distinct = [...new Set(xs)];
  const position = new Map(distinct.map((value, i) => [value, i]));
  return {
    x: Float64Array.from(xs),
    tx: Float64Array.from(txs),
    T: Float64Array.from(Ts),
    weight: Float64Array.from(weights),
    distinctX: Float64Array.from(distinct),
    xIndex: Int32Array.from(xs, (value) => position.get(value) ?? 0),
  };
}

/**
 * The log-likelihood (FHL 2005, eq. 6, in logs):
 * ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *        + ln[ (α+T)^−(r+x) + δ(x>0) · a/(b+x−1) · (α+t_x)^−(r+x) ],
 * the last term summed in logs so that neither power underflows. The terms in x alone are computed once
 * per distinct x.
 */
export function bgNbdLogLikelihood(params: BgNbdParams, data: RepeatData): number {
  const { r, alpha, a, b } = params;
  const lgR = logGamma(r);
  const lgBeta = logGamma(a + b) - logGamma(b);
  const xTerms = data.distinctX.map((x) => logGamma(r + x) - lgR + logGamma(b + x) - logGamma(a + b + x) + lgBeta);
  const logA = Math.log(a);
  let total = 0;
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i];
    const alive = -(r + x) * Math.log(alpha + data.T[i]);
    const gone = x > 0 ? logA - Math.log(b + x - 1) - (r + x) * Math.log(alpha + data.tx[i]) : -Infinity;
    total += data.weight[i] * (xTerms[data.xIndex[i]] + logAddExp(alive, gone));
  }
  let clients = 0;
  for (let i = 0; i < data.weight.length; i++) clients += data.weight[i];
  return total + clients * r * Math.log(alpha);
}

/** The maximum-likelihood parameters; the start is the method-of-moments-free guess (1, mean T, 1, 1). */
export function fitBgNbd(data: RepeatData): BgNbdParams & { logLikelihood: number } {
  let weightSum = 0;
  let tSum = 0;
  for (let i = 0; i < data.T.length; i++) {
    weightSum += data.weight[i];
    tSum += data.weight[i] * data.T[i];
  }
  const start = [0, Math.log(Math.max(1, tSum / Math.max(1, weightSum) / 10)), 0, 0];
  const toParams = (v: number[]): BgNbdParams => ({ r: Math.exp(v[0]), alpha: Math.exp(v[1]), a: Math.exp(v[2]), b: Math.exp(v[3]) });
  const scale = Math.max(1, weightSum);
  // Beyond e^±25 the data do not identify the model (a handful of clients): the search stops there.
  const best = minimise((v) => (v.some((value) => Math.abs(value) > 25) ? Infinity : -bgNbdLogLikelihood(toParams(v), data) / scale), start);
  return { ...toParams(best.point), logLikelihood: -best.value * scale };
}

/** ln of a/(b+x−1) · ((α+T)/(α+t_x))^(r+x), the odds of "left after the last purchase" against "alive". */
function logOddsGone(p: BgNbdParams, x: number, tx: number, T: number): number {
  return Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
}

/** P(alive | x, t_x, T) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))  (FHL 2005 / Fader et al. note). */
export function probabilityAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const odds = logOddsGone(p, x, tx, T);
  return odds > 700 ? 0 : 1 / (1 + Math.exp(odds));
}

/**
 * E[Y(t) | x, t_x, T], the expected purchases in the next t days (FHL 2005, eq. 10):
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; z)] / (1 + δ(x>0) · odds),
 *   z = t/(α+T+t).
 * By Euler's transformation 2F1(A, B; C; z) = (1−z)^(C−A−B) 2F1(C−A, C−B; C; z), and since
 * (α+T)/(α+T+t) = 1 − z, the bracket's product is (1−z)^(a−1) · 2F1(a+b−1−r, a−1; a+b+x−1; z): no power
 * of (r+x) that overflows for a frequent buyer, and a series whose parameters do not grow with x.
 */
export function expectedPurchases(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  const z = t / (p.alpha + T + t);
  const product = Math.exp((p.a - 1) * Math.log1p(-z)) * hypergeometric2F1(p.a + p.b - 1 - p.r, p.a - 1, p.a + p.b + x - 1, z);
  const numerator = ((p.a + p.b + x - 1) / (p.a - 1)) * (1 - product);
  return x === 0 ? numerator : numerator * probabilityAlive(p, x, tx, T);
}
