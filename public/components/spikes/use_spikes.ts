// The spikes of one source over the page's range and KQL, fetched once for every time-series
// panel of the overview. Only asked for when there is a chart to mark (`enabled`).
import type { SourceId } from '../../../common/constants';
import { INTERNAL_API_BASE } from '../../../common/constants';
import type { SpikesRequest, SpikesResponse } from '../../../common/investigations/spikes';
import { useQueryState } from '../../context/query_state_context';
import { useServices } from '../../context/services_context';
import type { AsyncState } from '../../hooks/use_async';
import { useAsync } from '../../hooks/use_async';

export type SpikesState = AsyncState<SpikesResponse | undefined>;

export function useSpikes(source: SourceId, enabled: boolean): SpikesState {
  const { http } = useServices();
  const { range, kql, refreshKey } = useQueryState();
  return useAsync(
    (signal) => {
      if (!enabled) return Promise.resolve(undefined);
      const request: SpikesRequest = {
        source,
        from: range.from,
        to: range.to,
        ...(kql ? { kql } : {}),
      };
      return http.post<SpikesResponse>(`${INTERNAL_API_BASE}/spikes`, request, { signal });
    },
    [http, source, range.from, range.to, kql, refreshKey, enabled]
  );
}
