// The shell's AppHistory over the browser's History API. The dev server answers every path with
// index.html, so deep links (/queries, /overview/alb?_g=…) survive a reload.
import type { AppHistory, AppLocation } from '../../public/services';

export function createBrowserHistory(): AppHistory {
  const listeners = new Set<(location: AppLocation) => void>();
  const current = (): AppLocation => ({
    pathname: window.location.pathname,
    search: window.location.search,
  });
  const notify = () => listeners.forEach((listener) => listener(current()));
  window.addEventListener('popstate', notify);
  return {
    get location() {
      return current();
    },
    push(path: string) {
      window.history.pushState(null, '', path);
      notify();
    },
    replace(path: string) {
      window.history.replaceState(null, '', path);
      notify();
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
