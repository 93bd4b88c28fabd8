// How a route gets at saved objects: Kibana builds a port from the request's core context;
// the standalone dev server has no Kibana and passes a factory returning undefined. With the
// request, Kibana's port also reaches the request's alerting rules client (setup, status and
// uninstall pass it; routes that only read saved-object ids do not).
import type { CoreRequestHandlerContext, KibanaRequest } from '@kbn/core/server';
import type { SavedObjectsPort } from '../../lib/installer/setup';

export type SavedObjectsPortFactory = (
  core: CoreRequestHandlerContext,
  request?: KibanaRequest
) => SavedObjectsPort | undefined;
