// Whether an element has come near the viewport yet, so a list of cards loads only what is
// seen (and what is about to be: `rootMargin` looks ahead). Once seen stays seen: scrolling a
// loaded card away does not cancel or repeat its request. Where IntersectionObserver does not
// exist (jsdom, very old browsers) everything counts as seen, which is the behaviour before.
import type { RefCallback } from 'react';
import { useEffect, useState } from 'react';

/** Look one screen ahead below the viewport, so scrolling finds counts already there. */
export const LOOK_AHEAD_MARGIN = '0px 0px 100% 0px';

export function useVisibleOnce<T extends Element>(
  rootMargin = LOOK_AHEAD_MARGIN
): [RefCallback<T>, boolean] {
  const [element, setElement] = useState<T | null>(null);
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (seen || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
      },
      { rootMargin }
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, seen, rootMargin]);
  return [setElement, seen];
}
