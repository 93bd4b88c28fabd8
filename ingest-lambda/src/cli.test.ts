import { formatRate } from './cli';

test('the progress rate never rounds moving data to 0.0', () => {
  expect(formatRate(0)).toBe('0 B/s');
  expect(formatRate(512)).toBe('512 B/s');
  expect(formatRate(48_000)).toBe('48.0 kB/s');
  expect(formatRate(3_400_000)).toBe('3.4 MB/s');
});

test('--version prints the package version and loads no heavy module', async () => {
  const { readFileSync } = await import('node:fs');
  const path = await import('node:path');
  const { main } = await import('./cli');
  const expected = (
    JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const printed: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((text: string) => printed.push(text));
  try {
    expect(await main(['--version'])).toBe(0);
  } finally {
    log.mockRestore();
  }
  expect(printed).toEqual([expected]);
  // Start-up stays light: the Elasticsearch client and the AWS SDK load only for commands.
  const loaded = Object.keys(require.cache);
  expect(loaded.some((file) => file.includes('@elastic/elasticsearch'))).toBe(false);
  expect(loaded.some((file) => file.includes('@aws-sdk'))).toBe(false);
});
