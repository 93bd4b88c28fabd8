import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, describeConfig, loadConfig } from './config';

describe('loadConfig', () => {
  test('defaults', async () => {
    const config = await loadConfig({ ES_URL: 'http://es:9200' });
    expect(config).toEqual({
      elasticsearch: {
        node: 'http://es:9200',
        cloudId: undefined,
        apiKey: undefined,
        username: undefined,
        password: undefined,
        caCert: undefined,
      },
      namespace: 'default',
      bulkBytes: 5 * 1024 * 1024,
      concurrency: 2,
      compressionLevel: 1,
      sourceHint: undefined,
      flowLogFormat: undefined,
      s3IdleTimeoutMs: 30_000,
    });
  });

  test('every setting', async () => {
    const config = await loadConfig({
      ES_CLOUD_ID: 'my-deployment:ZXhhbXBsZQ==',
      ES_API_KEY: 'k',
      NETOBS_NAMESPACE: 'prod_eu',
      NETOBS_BULK_BYTES: '1000000',
      NETOBS_CONCURRENCY: '4',
      NETOBS_SOURCE: 'vpcflow',
      NETOBS_FLOWLOG_FORMAT: 'version srcaddr dstaddr',
      NETOBS_S3_IDLE_TIMEOUT_MS: '5000',
      ES_CA_CERT: '-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----',
    });
    expect(config).toMatchObject({
      elasticsearch: { cloudId: 'my-deployment:ZXhhbXBsZQ==', apiKey: 'k' },
      namespace: 'prod_eu',
      bulkBytes: 1_000_000,
      concurrency: 4,
      sourceHint: 'vpcflow',
      flowLogFormat: 'version srcaddr dstaddr',
      s3IdleTimeoutMs: 5000,
    });
    expect(config.elasticsearch.caCert).toContain('BEGIN CERTIFICATE');
  });

  test('ES_CA_CERT may be a file path', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'netobs-ca-')), 'ca.pem');
    writeFileSync(file, '-----BEGIN CERTIFICATE-----\nfrom file\n');
    const config = await loadConfig({ ES_URL: 'https://es', ES_CA_CERT: file });
    expect(config.elasticsearch.caCert).toContain('from file');
  });

  test.each([
    [{}, /ES_URL or ES_CLOUD_ID/],
    [{ ES_URL: 'http://es', ES_USERNAME: 'u' }, /ES_USERNAME is set but ES_PASSWORD is not/],
    [{ ES_URL: 'http://es', NETOBS_NAMESPACE: 'Prod-1' }, /NETOBS_NAMESPACE .*"Prod-1"/],
    [{ ES_URL: 'http://es', NETOBS_SOURCE: 'waf' }, /NETOBS_SOURCE must be one of .*"waf"/],
    [
      { ES_URL: 'http://es', NETOBS_BULK_BYTES: '5MB' },
      /NETOBS_BULK_BYTES must be a positive integer, got "5MB"/,
    ],
    [
      { ES_URL: 'http://es', NETOBS_CONCURRENCY: '0' },
      /NETOBS_CONCURRENCY must be a positive integer/,
    ],
  ])('errors name the variable to set: %j', async (env, message) => {
    const attempt = loadConfig(env);
    await expect(attempt).rejects.toThrow(ConfigError);
    await expect(loadConfig(env)).rejects.toThrow(message);
  });
});

describe('describeConfig', () => {
  test('never contains a credential', async () => {
    const secrets = ['s3cr3t-api-key', 'hunter2', 'urlpass'];
    for (const env of [
      { ES_URL: 'https://es:9243', ES_API_KEY: 's3cr3t-api-key' },
      { ES_URL: 'https://es:9243', ES_USERNAME: 'elastic', ES_PASSWORD: 'hunter2' },
      { ES_URL: 'https://elastic:urlpass@es:9243/', ES_PASSWORD: 'hunter2', ES_USERNAME: 'x' },
      { ES_CLOUD_ID: 'dep:ZXhhbXBsZQ==', ES_API_KEY: 's3cr3t-api-key' },
    ]) {
      const described = JSON.stringify(describeConfig(await loadConfig(env)));
      for (const secret of secrets) expect(described).not.toContain(secret);
    }
    expect(
      describeConfig(await loadConfig({ ES_URL: 'https://elastic:urlpass@es:9243/' }))
    ).toMatchObject({ elasticsearch: 'https://es:9243/' });
    expect(
      describeConfig(await loadConfig({ ES_CLOUD_ID: 'dep:ZXhhbXBsZQ==', ES_API_KEY: 'k' }))
    ).toEqual({
      elasticsearch: 'cloud:dep',
      auth: 'api_key',
      namespace: 'default',
      bulkBytes: 5 * 1024 * 1024,
      concurrency: 2,
      compressionLevel: 1,
      s3IdleTimeoutMs: 30_000,
    });
  });

  test('NETOBS_COMPRESSION_LEVEL: 0 to 9, anything else is an error naming the setting', async () => {
    const env = { ES_URL: 'http://es:9200' };
    expect((await loadConfig({ ...env, NETOBS_COMPRESSION_LEVEL: '0' })).compressionLevel).toBe(0);
    expect((await loadConfig({ ...env, NETOBS_COMPRESSION_LEVEL: '6' })).compressionLevel).toBe(6);
    for (const bad of ['10', '-1', '1.5', 'fast'])
      await expect(loadConfig({ ...env, NETOBS_COMPRESSION_LEVEL: bad })).rejects.toThrow(
        /NETOBS_COMPRESSION_LEVEL must be an integer from 0/
      );
  });
});
