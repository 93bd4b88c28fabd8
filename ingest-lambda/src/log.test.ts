import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from './config';
import { log, setLogSink } from './log';

test('credentials the forwarder was configured with never reach a log line', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netobs-log-'));
  writeFileSync(path.join(dir, 'key'), 'file-api-key-7c3\n');
  await loadConfig({
    ES_URL: 'https://ingest:url-pass-1b9@es.example:9243',
    ES_API_KEY_FILE: path.join(dir, 'key'),
  });
  await loadConfig({
    ES_URL: 'https://es.example:9243',
    ES_USERNAME: 'u',
    ES_PASSWORD: 'env-pass-4e2',
  });
  const lines: string[] = [];
  setLogSink((line) => lines.push(line));
  log('error', 'object failed', {
    reason:
      'connect to https://ingest:url-pass-1b9@es.example:9243 refused; key file-api-key-7c3; pw env-pass-4e2',
    headers: { authorization: 'ApiKey ZmlsZS1hcGkta2V5LTdjMw==' },
  });
  const text = lines.join('\n');
  for (const secret of [
    'url-pass-1b9',
    'file-api-key-7c3',
    'env-pass-4e2',
    'ZmlsZS1hcGkta2V5LTdjMw==',
  ])
    expect(text).not.toContain(secret);
  expect(JSON.parse(lines[0])).toMatchObject({ level: 'error', message: 'object failed' });
});

test('a credential file that cannot be read is a clear configuration error', async () => {
  await expect(
    loadConfig({ ES_URL: 'https://es', ES_PASSWORD_FILE: '/nonexistent/pw' })
  ).rejects.toThrow('ES_PASSWORD_FILE=/nonexistent/pw cannot be read: ENOENT');
});
