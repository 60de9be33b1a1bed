/**
 * The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "Counting your customers the easy way"):
 * while alive a client buys at a Poisson rate λ, after each purchase leaves for good with probability p;
 * λ ~ Gamma(r, α) over clients, p ~ Beta(a, b). Time is in days (ARCHITECTURE.md «Definitions»).
 *
 * Per client the model sees (x, t_x, T): x repeat purchases, the last at t_x, the client observed for T
 * since the first. The four parameters are fitted by maximum likelihood (BFGS over their logs).
 */
import { maximumLikelihood } from './bfgs';
import { digamma, hypergeometric2F1, logGamma } from './special-functions';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Clients' (x, t_x, T), one entry per client. */
export interface RepeatData {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /**
   * The distinct values of x, t_x and T, and for each client the index of its value among them: the
   * likelihood's logarithms of α+T and α+t_x, and its terms in x alone, are computed once per distinct
   * value (whole days: a few thousand), not once per client.
   */
  distinctX: Float64Array;
  xIndex: Int32Array;
  /** How many clients have each distinct x. */
  xCount: Float64Array;
  distinctTx: Float64Array;
  txIndex: Int32Array;
  distinctT: Float64Array;
  TIndex: Int32Array;
}

/** The distinct values of `values` and each value's index among them. */
function distinctValues(values: ArrayLike<number>): { distinct: Float64Array; index: Int32Array } {
  const position = new Map<number, number>();
  const index = Int32Array.from(values, (value) => {
    let at = position.get(value);
    if (at === undefined) {
      at = position.size;
      position.set(value, at);
    }
    return at;
  });
  return { distinct: Float64Array.from(position.keys()), index };
}

/** The clients' (x, t_x, T) with their distinct values indexed. */
export function repeatData(x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>): RepeatData {
  const byX = distinctValues(x);
  const byTx = distinctValues(tx);
  const byT = distinctValues(T);
  const xCount = new Float64Array(byX.distinct.length);
  for (let i = 0; i < byX.index.length; i++) xCount[byX.index[i]]++;
  return {
    x: Float64Array.from(x),
    tx: Float64Array.from(tx),
    T: Float64Array.from(T),
    distinctX: byX.distinct,
    xIndex: byX.index,
    xCount,
    distinctTx: byTx.distinct,
    txIndex: byTx.index,
    distinctT: byT.distinct,
    TIndex: byT.index,
  };
}

/** ln(α + v) and 1/(α + v) for each distinct v. */
function shiftedLogs(alpha: number, values: Float64Array): { log: Float64Array; inverse: Float64Array } {
  const log = new Float64Array(values.length);
  const inverse = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) {
    log[k] = Math.log(alpha + values[k]);
    inverse[k] = 1 / (alpha + values[k]);
  }
  return { log, inverse };
}

/** The log-likelihood and its gradient in (r, α, a, b). */
export interface BgNbdLikelihood {
  value: number;
  gradient: [number, number, number, number];
}

/**
 * The log-likelihood (FHL 2005, eq. 6, in logs) and its gradient:
 * ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b) + ln(e^A₁ + δ(x>0) e^A₂),
 * A₁ = −(r+x) ln(α+T), A₂ = ln a − ln(b+x−1) − (r+x) ln(α+t_x); the last term summed in logs so that
 * neither power underflows. With w₂ = e^A₂/(e^A₁ + e^A₂) (the weight of "left after the last purchase")
 * and w₁ = 1 − w₂, its derivatives are −w₁ ln(α+T) − w₂ ln(α+t_x) in r, −(r+x)(w₁/(α+T) + w₂/(α+t_x))
 * in α, w₂/a in a and −w₂/(b+x−1) in b; the terms in x alone differentiate to digammas.
 */
export function bgNbdLikelihood(params: BgNbdParams, data: RepeatData): BgNbdLikelihood {
  const { r, alpha, a, b } = params;
  let value = 0;
  let dr = 0;
  let dAlpha = 0;
  let da = 0;
  let db = 0;
  let clients = 0;
  const lgR = logGamma(r);
  const lgBeta = logGamma(a + b) - logGamma(b);
  const psiR = digamma(r);
  const psiAB = digamma(a + b);
  const psiB = digamma(b);
  const logBx = new Float64Array(data.distinctX.length);
  // Plain loops, no callbacks: a sum a closure captures is boxed, and each `+=` below would allocate.
  for (let k = 0; k < data.distinctX.length; k++) {
    const x = data.distinctX[k];
    const w = data.xCount[k];
    clients += w;
    value += w * (logGamma(r + x) - lgR + logGamma(b + x) - logGamma(a + b + x) + lgBeta);
    const psiABX = digamma(a + b + x);
    dr += w * (digamma(r + x) - psiR);
    da += w * (psiAB - psiABX);
    db += w * (digamma(b + x) - psiABX + psiAB - psiB);
    logBx[k] = x > 0 ? Math.log(b + x - 1) : 0;
  }
  const byT = shiftedLogs(alpha, data.distinctT);
  const byTx = shiftedLogs(alpha, data.distinctTx);
  const logA = Math.log(a);
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i];
    const t = data.TIndex[i];
    const alive = -(r + x) * byT.log[t];
    if (x === 0) {
      value += alive;
      dr -= byT.log[t];
      dAlpha -= (r + x) * byT.inverse[t];
      continue;
    }
    const k = data.xIndex[i];
    const last = data.txIndex[i];
    const gone = logA - logBx[k] - (r + x) * byTx.log[last];
    const difference = gone - alive;
    const e = Math.exp(-Math.abs(difference));
    const goneWeight = difference < 0 ? e / (1 + e) : 1 / (1 + e);
    const aliveWeight = 1 - goneWeight;
    value += Math.max(alive, gone) + Math.log1p(e);
    dr -= aliveWeight * byT.log[t] + goneWeight * byTx.log[last];
    dAlpha -= (r + x) * (aliveWeight * byT.inverse[t] + goneWeight * byTx.inverse[last]);
    da += goneWeight / a;
    db -= goneWeight / (b + x - 1);
  }
  value += clients * r * Math.log(alpha);
  dr += clients * Math.log(alpha);
  dAlpha += (clients * r) / alpha;
  return { value, gradient: [dr, dAlpha, da, db] };
}

/** The log-likelihood alone. */
export function bgNbdLogLikelihood(params: BgNbdParams, data: RepeatData): number {
  return bgNbdLikelihood(params, data).value;
}

/** The maximum-likelihood parameters (bfgs.ts), from the guess (1, mean T / 10, 1, 1). */
export function fitBgNbd(data: RepeatData): BgNbdParams & { logLikelihood: number } {
  const clients = data.T.length;
  const meanT = data.T.reduce((sum, T) => sum + T, 0) / Math.max(1, clients);
  const start = [0, Math.log(Math.max(1, meanT / 10)), 0, 0];
  const toParams = ([r, alpha, a, b]: number[]): BgNbdParams => ({ r, alpha, a, b });
  const best = maximumLikelihood((params) => bgNbdLikelihood(toParams(params), data), start, clients);
  return { ...toParams(best.params), logLikelihood: best.logLikelihood };
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
 * E[Y(t) | x, t_x, T], the expected purchases in the next t days (FHL 2005, eq. 10), is P(alive) times
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; z)],  z = t/(α+T+t),
 * the purchases expected of a client still alive, which depends on x and T alone: a base's clients share
 * it by (x, T) and the series is summed once per pair.
 * By Euler's transformation 2F1(A, B; C; z) = (1−z)^(C−A−B) 2F1(C−A, C−B; C; z), and since
 * (α+T)/(α+T+t) = 1 − z, the bracket's product is (1−z)^(a−1) · 2F1(a+b−1−r, a−1; a+b+x−1; z): no power
 * of (r+x) that overflows for a frequent buyer, and a series whose parameters do not grow with x.
 */
export function expectedPurchasesIfAlive(p: BgNbdParams, t: number, x: number, T: number): number {
  if (t <= 0) return 0;
  const z = t / (p.alpha + T + t);
  const product = Math.exp((p.a - 1) * Math.log1p(-z)) * hypergeometric2F1(p.a + p.b - 1 - p.r, p.a - 1, p.a + p.b + x - 1, z);
  return ((p.a + p.b + x - 1) / (p.a - 1)) * (1 - product);
}

/** E[Y(t) | x, t_x, T] (above). */
export function expectedPurchases(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  return expectedPurchasesIfAlive(p, t, x, T) * probabilityAlive(p, x, tx, T);
}
