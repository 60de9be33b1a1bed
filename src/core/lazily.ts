/** `compute()` run on the first call only, its result kept for the later ones: work a caller may never need is never done. */
export function lazily<T>(compute: () => T): () => T {
  let kept: { value: T } | null = null;
  return () => (kept ??= { value: compute() }).value;
}
