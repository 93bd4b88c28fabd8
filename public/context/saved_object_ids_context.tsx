// Points the app's links at our saved objects as they exist in the current Kibana space: a
// space where our ids were taken holds them under ids Kibana gave on import. Asks the server
// once per mount; until it answers (and in the standalone shell) links use the shipped ids.
import React, { useEffect, useMemo, useState } from 'react';
import { INTERNAL_API_BASE } from '../../common/constants';
import type { SavedObjectIdsResponse } from '../../common/api_types';
import { dataViewId } from '../lib/data_views';
import type { AppServices } from '../services';
import { ServicesProvider, useServices } from './services_context';

/** Wraps navigation so dashboard and Discover links use the ids of this space. */
export function withSpaceIds(services: AppServices, ids: Map<string, string>): AppServices {
  if (ids.size === 0) return services;
  const { navigation } = services;
  return {
    ...services,
    navigation: {
      ...navigation,
      discoverUrl: (target) =>
        navigation.discoverUrl({
          ...target,
          dataViewId: ids.get(`index-pattern/${dataViewId(target.dataset)}`),
        }),
      openDiscover: (target) =>
        navigation.openDiscover({
          ...target,
          dataViewId: ids.get(`index-pattern/${dataViewId(target.dataset)}`),
        }),
      dashboardUrl: navigation.dashboardUrl
        ? (id) => navigation.dashboardUrl?.(ids.get(`dashboard/${id}`) ?? id)
        : undefined,
    },
  };
}

export function SavedObjectIdsProvider({ children }: { children: React.ReactNode }) {
  const services = useServices();
  const [ids, setIds] = useState(new Map<string, string>());
  useEffect(() => {
    const controller = new AbortController();
    services.http
      .get<SavedObjectIdsResponse>(`${INTERNAL_API_BASE}/saved_objects`, {
        signal: controller.signal,
      })
      .then(({ objects }) =>
        setIds(
          new Map(objects.filter((o) => o.id !== o.name).map((o) => [`${o.type}/${o.name}`, o.id]))
        )
      )
      // Links then use the shipped ids, which is right wherever Kibana kept them.
      .catch(() => undefined);
    return () => controller.abort();
  }, [services]);
  const resolved = useMemo(() => withSpaceIds(services, ids), [services, ids]);
  return <ServicesProvider services={resolved}>{children}</ServicesProvider>;
}
