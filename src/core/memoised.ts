/** A pure function of a text, remembered per distinct input: a base repeats a few cities, statuses or history results many times. */
export function memoised<T extends NonNullable<unknown> | null>(compute: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let result = known.get(text);
    if (result === undefined) {
      result = compute(text);
      known.set(text, result);
    }
    return result;
  };
}
