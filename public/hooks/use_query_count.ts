// Live hit count of one catalog query for the shared time range and KQL.
import { INTERNAL_API_BASE } from '../../common/constants';
import type { QueryCountRequest, QueryCountResponse } from '../../common/api_types';
import { useQueryState } from '../context/query_state_context';
import { useServices } from '../context/services_context';
import type { AsyncState } from './use_async';
import { useAsync } from './use_async';

export function useQueryCount(
  id: string,
  params: Record<string, string> | undefined
): AsyncState<QueryCountResponse> {
  const { http } = useServices();
  const { range, kql, refreshKey } = useQueryState();
  // Params as a string so a new object with the same values does not refetch.
  const paramsKey = JSON.stringify(params ?? {});
  return useAsync(
    (signal) => {
      const body: QueryCountRequest = {
        id,
        from: range.from,
        to: range.to,
        ...(kql ? { kql } : {}),
        ...(params && Object.keys(params).length ? { params } : {}),
      };
      return http.post<QueryCountResponse>(`${INTERNAL_API_BASE}/query_count`, body, { signal });
    },
    [http, id, paramsKey, range.from, range.to, kql, refreshKey]
  );
}
