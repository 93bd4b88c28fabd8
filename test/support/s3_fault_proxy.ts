// A loopback HTTP proxy in front of s3rver for forwarder tests. s3rver has no bucket policies and
// never drops a connection, so the S3 failures the forwarder must survive are made here, for one
// object at a time, while every other request passes through untouched (headers included, so
// the real AWS SDK's signatures still verify):
//   - accessDenied: 403 with the XML error body S3 sends (what a missing s3:GetObject gives, and
//     what a missing object gives when the role lacks s3:ListBucket);
//   - cutBody: the object's headers (full Content-Length) and its first bytes, then the
//     connection is destroyed, as when S3 or the network resets a long download;
//   - stallBody: the headers and first bytes, then nothing more on an open connection, as when
//     a download hangs.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { S3Client } from '@aws-sdk/client-s3';
import { s3ClientFor } from './s3_server';

export type S3Fault =
  { kind: 'accessDenied' } | { kind: 'cutBody' | 'stallBody'; afterBytes: number };

export interface S3FaultProxy {
  endpoint: string;
  /** A real SDK client that talks to s3rver through the proxy. */
  client: S3Client;
  /** Faults by "bucket/key" (the decoded key); GET requests for that object get the fault. */
  setFault(bucket: string, key: string, fault: S3Fault | undefined): void;
  /** GET requests that were answered with a fault. */
  readonly faulted: string[];
  close(): Promise<void>;
}

const accessDeniedXml = (requestId: string) =>
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  `<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>${requestId}</RequestId>` +
  '<HostId>netobs-test</HostId></Error>';

export async function startS3FaultProxy(target: string): Promise<S3FaultProxy> {
  const upstream = new URL(target);
  const faults = new Map<string, S3Fault>();
  const faulted: string[] = [];
  const sockets = new Set<Socket>();
  let requests = 0;

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://proxy');
    const object = decodeURIComponent(url.pathname).replace(/^\//, '');
    const fault = request.method === 'GET' ? faults.get(object) : undefined;
    if (fault) faulted.push(`${fault.kind} ${object}`);
    if (fault?.kind === 'accessDenied') {
      requests += 1;
      const requestId = `NETOBSTEST${requests}`;
      response.writeHead(403, { 'content-type': 'application/xml', 'x-amz-request-id': requestId });
      response.end(accessDeniedXml(requestId));
      request.resume();
      return;
    }
    const proxied = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        if (fault?.kind !== 'cutBody' && fault?.kind !== 'stallBody') {
          answer.pipe(response);
          return;
        }
        let sent = 0;
        answer.on('data', (chunk: Buffer) => {
          if (sent >= fault.afterBytes) return;
          const part = chunk.subarray(0, fault.afterBytes - sent);
          sent += part.length;
          response.write(part);
          if (sent >= fault.afterBytes && fault.kind === 'cutBody') {
            // Let the bytes leave before the reset, so the reader sees a body cut mid-way.
            response.socket?.once('drain', () => response.socket?.destroy());
            setTimeout(() => response.socket?.destroy(), 50);
          }
        });
      }
    );
    proxied.on('error', () => response.destroy());
    request.pipe(proxied);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = s3ClientFor(endpoint);
  return {
    endpoint,
    client,
    faulted,
    setFault(bucket, key, fault) {
      if (fault) faults.set(`${bucket}/${key}`, fault);
      else faults.delete(`${bucket}/${key}`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        client.destroy();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
