/** A JSON value with every message in it rendered in one language: what a reader of text (the CLI, a log, a file) gets. */
import type { Language } from '../model';
import { isMessage, render } from './message';

export type Rendered<T> = T extends { key: string; params?: unknown } ? string : T extends Array<infer I> ? Array<Rendered<I>> : T extends object ? { [K in keyof T]: Rendered<T[K]> } : T;

export function rendered<T>(value: T, language: Language): Rendered<T> {
  if (isMessage(value)) return render(value, language) as Rendered<T>;
  if (Array.isArray(value)) return value.map((item: unknown) => rendered(item, language)) as Rendered<T>;
  if (value instanceof Date || value === null || typeof value !== 'object') return value as Rendered<T>;
  return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, rendered(item, language)])) as Rendered<T>;
}
