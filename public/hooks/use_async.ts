// Loads data for a component: loading, error and result, aborting the previous request when
// the inputs change so a slow old answer never overwrites a newer one.
import type { DependencyList } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, HttpError, isAbortError } from '../lib/http_error';

export interface AsyncState<T> {
  loading: boolean;
  error?: string;
  /** The HTTP status of the failure, when the server answered (400: the request was refused). */
  errorStatus?: number;
  /** The last data loaded, kept through a later failure so a refused query leaves it on screen. */
  data?: T;
  reload(): void;
}

export function useAsync<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList
): AsyncState<T> {
  const [state, setState] = useState<Omit<AsyncState<T>, 'reload'>>({ loading: true });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    // Keep the previous data while reloading so charts do not flash empty.
    setState((previous) => ({ loading: true, data: previous.data }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ loading: false, data });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        setState((previous) => ({
          loading: false,
          error: errorMessage(error),
          errorStatus: error instanceof HttpError ? error.status : undefined,
          data: previous.data,
        }));
      }
    );
    return () => controller.abort();
    // The caller's deps decide when to reload; `load` is a fresh closure on every render.
  }, [...deps, attempt]);

  return { ...state, reload };
}
