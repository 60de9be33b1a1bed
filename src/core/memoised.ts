/**
 * A pure function of a text, remembered per distinct input: a base repeats a few cities, statuses or
 * history results many times. With `limit`, the memory starts afresh once it holds that many (a function
 * remembered for the life of the module, over every base it meets).
 */
export function memoised<T extends NonNullable<unknown> | null>(compute: (text: string) => T, limit = Infinity): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let result = known.get(text);
    if (result === undefined) {
      result = compute(text);
      if (known.size >= limit) known.clear();
      known.set(text, result);
    }
    return result;
  };
}
