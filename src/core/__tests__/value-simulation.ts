/**
 * Customers simulated from the BG/NBD and Gamma-Gamma models with a seeded generator, for the
 * parameter-recovery tests: the generative story of each model, written out independently of the fit.
 */
import { Random } from '../../sample/random';
import type { BgNbdParams } from '../value/bgnbd';
import type { GammaGammaParams } from '../value/gamma-gamma';

/** The sample's seeded generator as a function giving uniform numbers on [0, 1). */
export function seededUniform(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

function standardNormal(uniform: () => number): number {
  const u = 1 - uniform();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
}

/** Gamma(shape, rate 1) by Marsaglia & Tsang (2000), boosted for shape < 1. */
export function gammaSample(shape: number, uniform: () => number): number {
  if (shape < 1) return gammaSample(shape + 1, uniform) * Math.pow(1 - uniform(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(uniform);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - uniform();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

export interface SimulatedClients {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
}

/**
 * BG/NBD: λ ~ Gamma(r, rate α), p ~ Beta(a, b); from the first purchase at 0, purchases at Poisson(λ)
 * times; after each repeat purchase the client leaves with probability p. Observed up to T, drawn
 * uniformly from [minT, maxT].
 */
export function simulateBgNbd(params: BgNbdParams, clients: number, minT: number, maxT: number, seed: number): SimulatedClients {
  const uniform = seededUniform(seed);
  const x = new Float64Array(clients);
  const tx = new Float64Array(clients);
  const T = new Float64Array(clients);
  for (let i = 0; i < clients; i++) {
    const lambda = gammaSample(params.r, uniform) / params.alpha;
    const g1 = gammaSample(params.a, uniform);
    const p = g1 / (g1 + gammaSample(params.b, uniform));
    T[i] = minT + (maxT - minT) * uniform();
    let t = 0;
    for (;;) {
      t += -Math.log(1 - uniform()) / lambda;
      if (t > T[i]) break;
      x[i]++;
      tx[i] = t;
      if (uniform() < p) break;
    }
  }
  return { x, tx, T };
}

/** Gamma-Gamma: ν ~ Gamma(q, rate γ) per client, each of its x values ~ Gamma(p, rate ν); returns the means. */
export function simulateOrderValues(params: GammaGammaParams, x: ArrayLike<number>, seed: number): Float64Array {
  const uniform = seededUniform(seed);
  const means = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    if (x[i] < 1) continue;
    const nu = gammaSample(params.q, uniform) / params.gamma;
    let sum = 0;
    for (let k = 0; k < x[i]; k++) sum += gammaSample(params.p, uniform) / nu;
    means[i] = sum / x[i];
  }
  return means;
}
