// A stand-in for the browser's IntersectionObserver (jsdom has none) that lets a test say which
// elements scroll into view. It follows the DOM contract the app uses: observe(), disconnect(),
// and the callback receiving entries with `target` and `isIntersecting`
// (https://www.w3.org/TR/intersection-observer/).
import { act } from '@testing-library/react';

type Callback = (
  entries: Array<Pick<IntersectionObserverEntry, 'target' | 'isIntersecting'>>
) => void;

const observers = new Set<{ callback: Callback; targets: Set<Element> }>();

class FakeIntersectionObserver {
  private readonly record: { callback: Callback; targets: Set<Element> };
  constructor(callback: Callback) {
    this.record = { callback, targets: new Set() };
    observers.add(this.record);
  }
  observe(target: Element) {
    this.record.targets.add(target);
  }
  unobserve(target: Element) {
    this.record.targets.delete(target);
  }
  disconnect() {
    observers.delete(this.record);
  }
  takeRecords() {
    return [];
  }
}

/** Installs the fake as window.IntersectionObserver around each test of the calling block. */
export function withFakeIntersectionObserver(): void {
  const global = window as unknown as { IntersectionObserver?: unknown };
  let previous: unknown;
  beforeEach(() => {
    previous = global.IntersectionObserver;
    global.IntersectionObserver = FakeIntersectionObserver;
  });
  afterEach(() => {
    observers.clear();
    if (previous === undefined) delete global.IntersectionObserver;
    else global.IntersectionObserver = previous;
  });
}

/** Reports `element` as scrolled into view to every observer watching it. */
export function scrollIntoView(element: Element): void {
  act(() => {
    for (const { callback, targets } of [...observers]) {
      if (targets.has(element)) callback([{ target: element, isIntersecting: true }]);
    }
  });
}

/** How many elements are being watched (not yet seen). */
export function observedCount(): number {
  return [...observers].reduce((n, o) => n + o.targets.size, 0);
}
