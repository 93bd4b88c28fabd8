// An S3-compatible server on loopback for forwarder tests: s3rver (npm) on a random port, storing
// objects in a temporary directory, and a client from the real AWS SDK configured for it.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from '../../ingest-lambda/src/config';

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverInstance;
// s3rver ships no type declarations; the two methods above are all we use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as S3rverConstructor;

/** Dummy credentials: s3rver accepts any signature from these. */
export const S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const S3_REGION = 'us-east-1';

export interface S3TestServer {
  endpoint: string;
  client: S3Client;
  directory: string;
  createBucket(name: string): Promise<void>;
  close(): Promise<void>;
}

/** The forwarder's own S3 client (createS3Client), pointed at a loopback endpoint. */
export function s3ClientFor(endpoint: string, idleTimeoutMs?: number): S3Client {
  return createS3Client(
    {
      endpoint,
      region: S3_REGION,
      forcePathStyle: true,
      credentials: S3_CREDENTIALS,
      // s3rver predates the SDK's default CRC32 checksums and aws-chunked uploads.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    },
    idleTimeoutMs
  );
}

export async function startS3Server(): Promise<S3TestServer> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'netobs-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = s3ClientFor(endpoint);
  return {
    endpoint,
    client,
    directory,
    createBucket: async (name) => {
      await client.send(new CreateBucketCommand({ Bucket: name }));
    },
    close: async () => {
      client.destroy();
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
