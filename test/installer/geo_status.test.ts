// Setup status's geo line against the real nodes: the local Elasticsearch (the Maven Central
// build has no ingest-geoip module, so it has no geoip processor; a full Elasticsearch at ES_URL
// answers with its databases) and the OpenSearch ingest engine, whose ingest-geoip module bundles
// GeoLite2 City, Country and ASN (dev/opensearch/README.md), through the same app server route
// `npm start` uses.
import { startAppServer } from '../../dev/app_server/server';
import {
  enginePipelineHost,
  installEnginePipelines,
} from '../../dev/ingest_bridge/engine_pipelines';
import { API_BASE } from '../../common/constants';
import type { StatusWithGeo } from '../../common/geo_status';
import { clusterSimulate, downloaderStats, geoStatus } from '../../server/lib/installer/geo_status';
import { setupStatus } from '../../server/lib/installer/setup';
import { esUrl, testClient } from '../support/es_env';
import { ingestEngine } from '../support/ingest_engine';

const client = testClient();
afterAll(() => client.close());

test("the cluster's own geo line follows what its ingest nodes offer", async () => {
  const info = await client.nodes.info({ metric: 'ingest' });
  const hasGeoip = Object.values(info.nodes).some((node) =>
    node.ingest?.processors?.some((p) => p.type === 'geoip')
  );
  const status = await geoStatus(
    clusterSimulate(client),
    'this cluster',
    await downloaderStats(client)
  );
  if (!hasGeoip) {
    expect(status.state).toBe('no_processor');
    expect(status.message).toBe(
      'Geo disabled: this cluster has no geoip processor (ingest-geoip module missing); lines are parsed without geo and ASN fields.'
    );
    expect(status.downloader).toBeUndefined();
  } else {
    // A full Elasticsearch: enabled once its downloader (or config/ingest-geoip) provided both.
    expect(['enabled', 'disabled']).toContain(status.state);
    expect(status.databases.map((d) => d.name)).toEqual([
      'GeoLite2-City.mmdb',
      'GeoLite2-ASN.mmdb',
    ]);
  }
});

describe('with the pipelines on the ingest engine', () => {
  let engineUrl: string | undefined;
  beforeAll(async () => {
    const engine = await ingestEngine();
    if (!engine.isElasticsearch) {
      engineUrl = engine.url;
      await installEnginePipelines(engine.url);
    }
  });

  test('status probes the databases where the pipelines run: enabled on the engine', async () => {
    if (!engineUrl) return; // A full Elasticsearch runs the pipelines itself (test above).
    const status = await setupStatus(client, undefined, enginePipelineHost(engineUrl));
    expect(status.geo).toEqual({
      state: 'enabled',
      where: 'the local ingest engine',
      databases: [
        { name: 'GeoLite2-City.mmdb', state: 'available' },
        { name: 'GeoLite2-ASN.mmdb', state: 'available' },
      ],
      message:
        'Geo enabled: GeoLite2-City.mmdb and GeoLite2-ASN.mmdb available on the local ingest engine.',
    });
  });

  test("the app server's status route carries the geo line", async () => {
    if (!engineUrl) return;
    const app = await startAppServer({
      esUrl: esUrl(),
      port: 0,
      shellDir: __dirname,
      ingestEngineUrl: engineUrl,
    });
    try {
      const response = await fetch(`${app.url}${API_BASE}/status`, {
        headers: { 'kbn-xsrf': 'true' },
      });
      expect(response.status).toBe(200);
      const status = (await response.json()) as StatusWithGeo;
      expect(status.geo?.state).toBe('enabled');
    } finally {
      await app.close();
    }
  });

  test('an engine database file that does not exist reads as missing, naming it', async () => {
    if (!engineUrl) return;
    const host = enginePipelineHost(engineUrl);
    // The engine's real refusal of an unknown database file, as the probe would meet it.
    const renamed = (body: Parameters<NonNullable<typeof host.simulate>>[0]) => {
      const processors = body.pipeline.processors.map((p) => ({
        geoip: {
          ...(p.geoip as Record<string, unknown>),
          database_file: 'GeoLite2-Missing.mmdb',
        },
      }));
      return host.simulate!({ ...body, pipeline: { processors } });
    };
    const status = await geoStatus(renamed, host.label);
    expect(status.state).toBe('disabled');
    expect(status.databases.map((d) => d.state)).toEqual(['missing', 'missing']);
  });
});
