// The shell's AppHistory over the browser's History API. The dev server answers every path with
// index.html, so deep links (/queries, /overview/alb) survive a reload.
import type { AppHistory } from '../../public/services';

export function createBrowserHistory(): AppHistory {
  const listeners = new Set<(location: { pathname: string }) => void>();
  const notify = () => listeners.forEach((listener) => listener({ pathname: location.pathname }));
  window.addEventListener('popstate', notify);
  return {
    get location() {
      return { pathname: window.location.pathname };
    },
    push(path: string) {
      window.history.pushState(null, '', path);
      notify();
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
