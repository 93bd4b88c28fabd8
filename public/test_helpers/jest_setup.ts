// Setup for the jsdom component tests: DOM matchers, and browser APIs jsdom lacks but EUI uses.
import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

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

// Browser tests and Kibana's functional tests select by data-test-subj; so do these.
configure({ testIdAttribute: 'data-test-subj' });

// jsdom's CSS parser rejects some modern rules Emotion injects for EUI (container queries); the
// styles do not matter to these tests, so that one message is dropped to keep failures readable.
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  const first = args[0];
  const message = first instanceof Error ? first.message : String(first);
  if (message.includes('Could not parse CSS stylesheet')) return;
  consoleError(...args);
};
