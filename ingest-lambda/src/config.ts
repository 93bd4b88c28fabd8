// Forwarder configuration from the environment, validated with errors that say what to set.
// Credentials may come from one AWS Secrets Manager secret (ES_SECRET_ARN, a JSON object with
// url / cloud_id / api_key / username / password); they are never logged.
import { readFileSync } from 'node:fs';
// The AWS SDK clients load when first needed (`netobs ship` of local files never loads them).
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import type * as S3Sdk from '@aws-sdk/client-s3';
import { Client } from '@elastic/elasticsearch';
import type { ClientOptions } from '@elastic/elasticsearch';
import { DEFAULT_NAMESPACE, SOURCE_IDS } from '../../common/constants';
import { redactUrl } from '../../common/redact';
import { rememberSecrets } from './log';
import { BulkAwareSerializer } from './shipper';

export interface ForwarderConfig {
  elasticsearch: {
    node?: string;
    cloudId?: string;
    apiKey?: string;
    username?: string;
    password?: string;
    caCert?: string;
  };
  namespace: string;
  bulkBytes: number;
  concurrency: number;
  /** gzip level of bulk request bodies, 0 to send them uncompressed (default 1). */
  compressionLevel: number;
  sourceHint?: string;
  /** Field list of CloudWatch-delivered flow logs (they carry no header); default v2. */
  flowLogFormat?: string;
  /** How long an S3 download may go without a byte before it fails. */
  s3IdleTimeoutMs?: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function positiveInt(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new ConfigError(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** A gzip level for request bodies: 0 (none) to 9; unset or empty gives 1. */
export function compressionLevel(raw: string | undefined, name: string): number {
  if (raw === undefined || raw === '') return 1;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 9)
    throw new ConfigError(`${name} must be an integer from 0 (no compression) to 9, got "${raw}"`);
  return value;
}

async function secretValues(arn: string): Promise<Record<string, string>> {
  const { GetSecretValueCommand, SecretsManagerClient } =
    await import('@aws-sdk/client-secrets-manager');
  const client = new SecretsManagerClient({});
  const result = await client.send(new GetSecretValueCommand({ SecretId: arn }));
  try {
    return JSON.parse(result.SecretString ?? '{}') as Record<string, string>;
  } catch {
    throw new ConfigError(
      `the secret ${arn} must hold a JSON object (url or cloud_id, and api_key or username/password)`
    );
  }
}

/**
 * A credential from `NAME`, or from the file `NAME_FILE` names (a mounted secret): files keep
 * credentials out of process listings and shell history. Surrounding whitespace is dropped.
 */
export function fromEnvOrFile(env: Env, name: string): string | undefined {
  const file = env[`${name}_FILE`];
  if (!file) return env[name];
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new ConfigError(
      `${name}_FILE=${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`
    );
  }
}

/** The password in a URL's user info (`https://user:secret@host`), to be masked like the others. */
export function credentialsIn(url: string | undefined): string | undefined {
  try {
    return url ? decodeURIComponent(new URL(url).password) || undefined : undefined;
  } catch {
    return undefined;
  }
}

export async function loadConfig(env: Env = process.env): Promise<ForwarderConfig> {
  const secret = env.ES_SECRET_ARN ? await secretValues(env.ES_SECRET_ARN) : {};
  const ca = env.ES_CA_CERT;
  const elasticsearch = {
    node: secret.url ?? env.ES_URL,
    cloudId: secret.cloud_id ?? env.ES_CLOUD_ID,
    apiKey: secret.api_key ?? fromEnvOrFile(env, 'ES_API_KEY'),
    username: secret.username ?? env.ES_USERNAME,
    password: secret.password ?? fromEnvOrFile(env, 'ES_PASSWORD'),
    caCert: ca && !ca.includes('-----BEGIN') ? readFileSync(ca, 'utf8') : ca,
  };
  if (!elasticsearch.node && !elasticsearch.cloudId) {
    throw new ConfigError(
      'set ES_URL or ES_CLOUD_ID (or ES_SECRET_ARN pointing at a secret with url or cloud_id)'
    );
  }
  rememberSecrets(elasticsearch.apiKey, elasticsearch.password, credentialsIn(elasticsearch.node));
  if (elasticsearch.username && !elasticsearch.password)
    throw new ConfigError('ES_USERNAME is set but ES_PASSWORD is not');
  const namespace = env.NETOBS_NAMESPACE ?? DEFAULT_NAMESPACE;
  if (!/^[a-z0-9_.]{1,64}$/.test(namespace)) {
    throw new ConfigError(
      `NETOBS_NAMESPACE must be lowercase letters, digits, _ or . (got "${namespace}")`
    );
  }
  const sourceHint = env.NETOBS_SOURCE || undefined;
  if (sourceHint && !(SOURCE_IDS as readonly string[]).includes(sourceHint)) {
    throw new ConfigError(
      `NETOBS_SOURCE must be one of ${SOURCE_IDS.join(', ')} (got "${sourceHint}")`
    );
  }
  return {
    elasticsearch,
    namespace,
    bulkBytes: positiveInt(env, 'NETOBS_BULK_BYTES', 5 * 1024 * 1024),
    concurrency: positiveInt(env, 'NETOBS_CONCURRENCY', 2),
    compressionLevel: compressionLevel(env.NETOBS_COMPRESSION_LEVEL, 'NETOBS_COMPRESSION_LEVEL'),
    sourceHint,
    flowLogFormat: env.NETOBS_FLOWLOG_FORMAT || undefined,
    s3IdleTimeoutMs: positiveInt(env, 'NETOBS_S3_IDLE_TIMEOUT_MS', S3_IDLE_TIMEOUT_MS),
  };
}

/**
 * Default for s3IdleTimeoutMs. Without a socket timeout a stalled S3 download holds the Lambda
 * until it is killed, and then SQS retries the whole batch instead of the one failed message.
 */
export const S3_IDLE_TIMEOUT_MS = 30_000;

/** An S3 client whose downloads fail after `idleTimeoutMs` without data. */
export function createS3Client(
  options: S3ClientConfig = {},
  idleTimeoutMs: number = S3_IDLE_TIMEOUT_MS
): S3Client {
  // Required here, not imported up front: the SDK loads only when an S3 client is made.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { S3Client } = require('@aws-sdk/client-s3') as typeof S3Sdk;
  return new S3Client({
    ...options,
    requestHandler: { connectionTimeout: 10_000, socketTimeout: idleTimeoutMs },
  });
}

export function createClient(config: ForwarderConfig['elasticsearch']): Client {
  const options: ClientOptions = {
    node: config.node,
    cloud: config.cloudId ? { id: config.cloudId } : undefined,
    auth: config.apiKey
      ? { apiKey: config.apiKey }
      : config.username
        ? { username: config.username, password: config.password ?? '' }
        : undefined,
    tls: config.caCert ? { ca: config.caCert } : undefined,
    // The shipper does its own bounded retries.
    maxRetries: 0,
    compression: true,
    // Bulk answers without errors are counted, not parsed into an object per document.
    Serializer: BulkAwareSerializer,
  };
  return new Client(options);
}

/** What may be logged about the configuration: never a credential. */
export function describeConfig(config: ForwarderConfig): Record<string, unknown> {
  const { node, cloudId } = config.elasticsearch;
  return {
    elasticsearch: node ? redactUrl(node) : `cloud:${cloudId?.split(':')[0]}`,
    auth: config.elasticsearch.apiKey
      ? 'api_key'
      : config.elasticsearch.username
        ? 'basic'
        : 'none',
    namespace: config.namespace,
    bulkBytes: config.bulkBytes,
    concurrency: config.concurrency,
    compressionLevel: config.compressionLevel,
    s3IdleTimeoutMs: config.s3IdleTimeoutMs,
  };
}
