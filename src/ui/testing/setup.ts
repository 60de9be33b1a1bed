/**
 * What jsdom lacks and Fluent UI uses: import this first in a panel test
 * (the test file also needs the `@jest-environment jsdom` docblock).
 */
import { configure } from '@testing-library/react';

class NoopObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
  takeRecords(): [] {
    return [];
  }
}

if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
const globals = globalThis as unknown as Record<string, unknown>;
globals.ResizeObserver ??= NoopObserver;
globals.IntersectionObserver ??= NoopObserver;
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;

// Two shared cores make a busy machine; the panel's debounced requests need more than a second there.
configure({ asyncUtilTimeout: 5000 });

// jsdom's CSS parser does not know `@container` rules, and Griffel reports each Fluent UI rule it
// could not insert. Only that report is dropped: the styles themselves are checked in real Chromium.
const reportError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  const [first] = args;
  if (typeof first === 'string' && first.startsWith('There was a problem inserting the following rule: "@container')) return;
  reportError(...args);
};
