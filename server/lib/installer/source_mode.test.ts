// The licence decides the _source mode of our data streams: GET _license is read once per
// install; an active enterprise or trial licence gets synthetic source, everything else stored,
// written explicitly either way, and a licence change is applied by the next setup.
import { errors } from '@elastic/elasticsearch';
import { esAssetStore } from '../../../test/doubles/es_asset_store';
import { esAssetStatus, installEsAssets } from './es_assets';
import { sourceModeForLicense } from './source_mode';

/**
 * GET _license as Elasticsearch answers it: { license: { status, uid, type, ... } }
 * (x-pack/plugin/core GetLicenseResponse, RestGetLicenseAction); `calls` counts the requests.
 */
function licenseApi(license: { type: string; status: string } | Error) {
  const api = {
    calls: 0,
    get: async () => {
      api.calls += 1;
      if (license instanceof Error) throw license;
      return { license: { uid: 'b7f1', issue_date_in_millis: 0, ...license } };
    },
  };
  return api;
}

function responseError(statusCode: number) {
  return new errors.ResponseError({
    statusCode,
    body: { error: { type: 'security_exception', reason: 'denied' }, status: statusCode },
    headers: {},
    warnings: null,
    meta: {} as never,
  });
}

/** Component/index templates and pipelines stored as PUT, 404 for a missing name. */
function storeClient(license: ReturnType<typeof licenseApi>) {
  return { ...esAssetStore(), license };
}

const modeOf = (client: ReturnType<typeof storeClient>) =>
  (
    client.stored.get('c/netobs-settings') as {
      template: { settings: { index: { mapping: { source: { mode: string } } } } };
    }
  ).template.settings.index.mapping.source.mode;

test.each([
  [{ type: 'trial', status: 'active' }, 'synthetic'],
  [{ type: 'enterprise', status: 'active' }, 'synthetic'],
  [{ type: 'enterprise', status: 'expired' }, 'stored'],
  [{ type: 'platinum', status: 'active' }, 'stored'],
  [{ type: 'basic', status: 'active' }, 'stored'],
])('licence %o: %s _source', async (license, mode) => {
  expect(await sourceModeForLicense({ license: licenseApi(license) as never })).toBe(mode);
});

test('no licence API, or not allowed to read it: stored; a cluster that does not answer: the error', async () => {
  expect(await sourceModeForLicense({})).toBe('stored');
  for (const status of [403, 404]) {
    expect(
      await sourceModeForLicense({ license: licenseApi(responseError(status)) as never })
    ).toBe('stored');
  }
  await expect(
    sourceModeForLicense({ license: licenseApi(responseError(503)) as never })
  ).rejects.toThrow();
});

test('setup reads the licence once and writes the mode explicitly; a licence change updates only netobs-settings', async () => {
  const basic = licenseApi({ type: 'basic', status: 'active' });
  const client = storeClient(basic);
  await installEsAssets(client as never);
  expect(basic.calls).toBe(1);
  expect(modeOf(client)).toBe('stored');
  expect((await installEsAssets(client as never)).every((r) => r.action === 'unchanged')).toBe(
    true
  );

  client.license = licenseApi({ type: 'trial', status: 'active' });
  const upgraded = await installEsAssets(client as never);
  expect(client.license.calls).toBe(1);
  expect(upgraded.filter((r) => r.action !== 'unchanged')).toEqual([
    expect.objectContaining({
      name: 'netobs-settings',
      action: 'updated',
      note: expect.stringMatching(/synthetic _source/),
    }),
  ]);
  expect(modeOf(client)).toBe('synthetic');
  // What Elasticsearch stores is what the installer hashed: nothing reads as modified.
  expect((await esAssetStatus(client as never)).filter((s) => s.state !== 'installed')).toEqual([]);
});

test('an explicit sourceMode wins over the licence and reads no licence', async () => {
  const trial = licenseApi({ type: 'trial', status: 'active' });
  const client = storeClient(trial);
  await installEsAssets(client as never, { sourceMode: 'stored' });
  expect(trial.calls).toBe(0);
  expect(modeOf(client)).toBe('stored');
});
