/**
 * How the fake stays honest to @types/office-js: each fake class `implements Mirror<Excel.X, props, methods>`,
 * which takes the property types straight from Office's declarations and requires every fake method to
 * accept the parameters Office's method accepts. A misspelt member (`autofitColumns` for
 * `autoFitColumns`) or a changed signature is a compile error in the fake, not a silently passing test.
 * Methods return the fake's own proxies, so return types are left open; the gateway is typed against the
 * real `Excel` namespace and gets the fake through one cast in `FakeExcel.run`.
 */
export type Mirror<T, Props extends keyof T, Methods extends keyof T = never> = Pick<T, Props> & {
  [K in Methods]: T[K] extends (...args: infer A) => unknown ? (...args: A) => unknown : never;
};
