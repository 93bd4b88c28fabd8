import { errors } from '@elastic/elasticsearch';
import type { Client } from '@elastic/elasticsearch';
import { loadEsAssets } from '../assets/load_es_assets';
import { missingProcessors, processorTypes } from './ingest_capabilities';

const pipelines = loadEsAssets('ingest_pipeline');

test('collects every processor type our pipelines use, on_failure handlers included', () => {
  expect([...processorTypes(pipelines)].sort()).toEqual([
    'append',
    'community_id',
    'dissect',
    'geoip',
    'json',
    'pipeline',
    'remove',
    'rename',
    'reroute',
    'script',
    'set',
    'user_agent',
  ]);
  const nested = processorTypes([
    {
      kind: 'ingest_pipeline',
      name: 'p',
      body: { processors: [{ rename: { on_failure: [{ fail: {} }] } }], on_failure: [{ set: {} }] },
    },
  ]);
  expect([...nested].sort()).toEqual(['fail', 'rename', 'set']);
});

const nodesClient = (offered: string[][] | Error) =>
  ({
    nodes: {
      info: async () => {
        if (offered instanceof Error) throw offered;
        return {
          nodes: Object.fromEntries(
            offered.map((types, i) => [
              `n${i}`,
              { ingest: { processors: types.map((type) => ({ type })) } },
            ])
          ),
        };
      },
    },
  }) as unknown as Pick<Client, 'nodes'>;

test('names what no node offers, across nodes', async () => {
  const all = [...processorTypes(pipelines)];
  expect(await missingProcessors(nodesClient([all.slice(0, 3), all.slice(3)]))).toEqual([]);
  expect(await missingProcessors(nodesClient([all.filter((t) => t !== 'reroute')]))).toEqual([
    'reroute',
  ]);
  expect(await missingProcessors(nodesClient([]))).toEqual([...all].sort());
});

test('claims nothing when the user may not read node information', async () => {
  const forbidden = new errors.ResponseError({
    body: { error: { type: 'security_exception', reason: 'no' }, status: 403 },
    statusCode: 403,
    headers: {},
    warnings: null,
    meta: {} as never,
  });
  expect(await missingProcessors(nodesClient(forbidden))).toBeUndefined();
});
