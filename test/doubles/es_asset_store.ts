// The component-template, index-template and pipeline APIs as Elasticsearch answers them on the
// installer's paths (server/lib/installer/es_assets.ts): GET of a missing name is a 404
// ResponseError (RestGetPipelineAction, RestGetComponentTemplateAction,
// RestGetComposableIndexTemplateAction), GET returns what was PUT, wrapped as each API wraps it.
import { errors } from '@elastic/elasticsearch';

export function notFound(): errors.ResponseError {
  return new errors.ResponseError({
    statusCode: 404,
    body: { error: { type: 'resource_not_found_exception', reason: 'not found' }, status: 404 },
    headers: {},
    warnings: null,
    meta: {} as never,
  });
}

/** A client holding assets in `stored` under c/<name>, i/<name> and p/<id>. */
export function esAssetStore() {
  const stored = new Map<string, unknown>();
  const get = async (key: string) => {
    if (!stored.has(key)) throw notFound();
    return structuredClone(stored.get(key));
  };
  const put = async (key: string, body: Record<string, unknown>) => {
    const { name: _name, id: _id, ...rest } = body;
    stored.set(key, structuredClone(rest));
    return { acknowledged: true };
  };
  return {
    stored,
    cluster: {
      getComponentTemplate: async ({ name }: { name: string }) => ({
        component_templates: [{ name, component_template: await get(`c/${name}`) }],
      }),
      putComponentTemplate: (body: { name: string }) => put(`c/${body.name}`, body),
    },
    indices: {
      getIndexTemplate: async ({ name }: { name: string }) => ({
        index_templates: [{ name, index_template: await get(`i/${name}`) }],
      }),
      putIndexTemplate: (body: { name: string }) => put(`i/${body.name}`, body),
    },
    ingest: {
      getPipeline: async ({ id }: { id: string }) => ({ [id]: await get(`p/${id}`) }),
      putPipeline: (body: { id: string }) => put(`p/${body.id}`, body),
    },
  };
}
