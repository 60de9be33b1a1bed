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

/**
 * jsdom works out a computed style by matching every rule of every style sheet against the element, and
 * Fluent UI's are many (the theme alone sets hundreds of custom properties on the provider): role
 * queries, which ask every element whether it is visible, took seconds each, and a panel test a minute.
 * Here an element's computed style is its inline style. What is hidden stays hidden to the queries: by
 * the `hidden` attribute or aria-hidden (which they check themselves), by an inline `display: none`, or
 * by not being rendered at all, the way the panel hides what it does not show. The panel's CSS is checked
 * in real Chromium (test/e2e).
 */
window.getComputedStyle = (element: Element) => (element as HTMLElement).style ?? document.createElement('div').style;

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
