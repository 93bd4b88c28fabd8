// How a route gets at saved objects: Kibana builds a port from the request's core context;
// the standalone dev server has no Kibana and passes a factory returning undefined.
import type { CoreRequestHandlerContext } from '@kbn/core/server';
import type { SavedObjectsPort } from '../../lib/installer/setup';

export type SavedObjectsPortFactory = (
  core: CoreRequestHandlerContext
) => SavedObjectsPort | undefined;
