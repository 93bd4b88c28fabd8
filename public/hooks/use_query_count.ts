// Live count of one catalog query for the shared time range and KQL. Nothing is requested while
// `enabled` is false (the card is not on screen yet, or a parameter is invalid); a request in
// flight is aborted when the parameters, the range, the KQL or `enabled` change, and when the
// card goes away (a search that filters it out), so an old answer never lands and the server is
// not kept busy for nothing.
import { useCallback, useEffect, useState } from 'react';
import { INTERNAL_API_BASE } from '../../common/constants';
import type { QueryCountRequest } from '../../common/api_types';
import type { QueryCountAnswer } from '../../common/queries';
import { useQueryState } from '../context/query_state_context';
import { useServices } from '../context/services_context';
import { errorMessage, isAbortError } from '../lib/http_error';
import type { AsyncState } from './use_async';

export function useQueryCount(
  id: string,
  params: Record<string, string> | undefined,
  enabled = true
): AsyncState<QueryCountAnswer> {
  const { http } = useServices();
  const { range, kql, refreshKey } = useQueryState();
  const [state, setState] = useState<{
    /** The inputs the state is for (see `inputs`). */
    inputs?: string;
    loading: boolean;
    error?: string;
    data?: QueryCountAnswer;
  }>({ loading: false });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  // Params as a string so a new object with the same values does not refetch.
  const paramsKey = JSON.stringify(params ?? {});
  const inputs = JSON.stringify([id, paramsKey, range.from, range.to, kql, refreshKey, attempt]);

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const body: QueryCountRequest = {
      id,
      from: range.from,
      to: range.to,
      ...(kql ? { kql } : {}),
      ...(params && Object.keys(params).length ? { params } : {}),
    };
    // The previous number stays on screen, marked as updating, until the new one arrives.
    setState((previous) => ({ inputs, loading: true, data: previous.data }));
    http
      .post<QueryCountAnswer>(`${INTERNAL_API_BASE}/query_count`, body, {
        signal: controller.signal,
      })
      .then(
        (data) => {
          if (!controller.signal.aborted) setState({ inputs, loading: false, data });
        },
        (error: unknown) => {
          if (controller.signal.aborted || isAbortError(error)) return;
          setState({ inputs, loading: false, error: errorMessage(error) });
        }
      );
    return () => controller.abort();
    // `inputs` stands for id, params, range, kql, refreshKey and attempt.
  }, [http, inputs, enabled]);

  // Between a change of inputs and the effect that asks for them, the state is of the old
  // inputs: it counts as loading (never as the answer), and an old error is not shown.
  const current = state.inputs === inputs;
  return {
    loading: enabled && (!current || state.loading),
    error: current ? state.error : undefined,
    data: state.data,
    reload,
  };
}
