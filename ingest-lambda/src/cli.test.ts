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

test('setup --flowlog-format: a wrong argument is a usage error naming it, before any connection', async () => {
  const { main } = await import('./cli');
  const printed: string[] = [];
  const error = jest
    .spyOn(console, 'error')
    .mockImplementation((text: string) => printed.push(text));
  try {
    // Port 9 (discard) would refuse a connection: a usage error must come first.
    const es = ['--es', 'http://127.0.0.1:9'];
    expect(await main(['setup', ...es, '--flowlog-format', '/aws/vpc/prod=srcaddr dstadr'])).toBe(
      2
    );
    expect(await main(['setup', ...es, '--flowlog-format', 'srcaddr dstaddr'])).toBe(2);
  } finally {
    error.mockRestore();
  }
  expect(printed[0]).toMatch(
    /^netobs setup: --flowlog-format \/aws\/vpc\/prod: unknown flow-log field "dstadr"/
  );
  expect(printed[0]).toContain('usage: netobs setup');
  expect(printed[1]).toMatch(/expects <log group>=<fields>/);
});

test('ship --compression-level outside 0-9 is a usage error naming the option', async () => {
  const { main } = await import('./cli');
  const printed: string[] = [];
  const error = jest
    .spyOn(console, 'error')
    .mockImplementation((text: string) => printed.push(text));
  const codes: number[] = [];
  try {
    for (const bad of ['10', '-1', 'fast'])
      codes.push(
        await main([
          'ship',
          'nothing.log',
          '--es',
          'http://127.0.0.1:1',
          `--compression-level=${bad}`,
        ])
      );
  } finally {
    error.mockRestore();
  }
  expect({ codes, printed: printed.length }).toEqual({ codes: [2, 2, 2], printed: 3 });
  for (const text of printed)
    expect(text).toMatch(/--compression-level must be an integer from 0 to 9/);
});
