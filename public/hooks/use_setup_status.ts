// The install status, which several pages need to decide between data and "install first".
import { API_BASE } from '../../common/constants';
import type { StatusResponse } from '../../common/api_types';
import { useServices } from '../context/services_context';
import type { AsyncState } from './use_async';
import { useAsync } from './use_async';

export function useSetupStatus(refreshKey: number = 0): AsyncState<StatusResponse> {
  const { http } = useServices();
  return useAsync(
    (signal) => http.get<StatusResponse>(`${API_BASE}/status`, { signal }),
    [http, refreshKey]
  );
}
