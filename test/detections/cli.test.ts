// `netobs detect` on the detection data (./data.ts) in the real Elasticsearch: findings printed
// with their KQL and exit 1; none, exit 0; a bad rule name, exit 2; an unreachable cluster,
// exit 3 (so cron or CI tells "found something" from "could not look").
import { main } from '../../ingest-lambda/src/cli';
import { esUrl, testClient } from '../support/es_env';
import { BRUTE, ensureDetectionData, FROM, SCANNER, TO } from './data';

const es = testClient();
let stdout: string[];
let stderr: string[];

beforeAll(async () => {
  // The templates map the fields as the rules need (ip, long): setup installs them (quietly).
  const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  expect(await main(['setup', '--es', esUrl()])).toBeLessThanOrEqual(1);
  quiet.mockRestore();
  await ensureDetectionData(es);
}, 120_000);

beforeEach(() => {
  stdout = [];
  stderr = [];
  jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    stdout.push(args.join(' '));
  });
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    stderr.push(args.join(' '));
  });
});

afterEach(() => jest.restoreAllMocks());
afterAll(() => es.close());

test('prints the findings most severe first and exits 1', async () => {
  expect(await main(['detect', '--es', esUrl(), '--from', FROM, '--to', TO])).toBe(1);
  const text = stdout.join('\n');
  expect(text).toContain(
    `high     bruteforce      source.ip=${BRUTE} destination.ip=10.0.1.50 destination.port=22  80 short sessions`
  );
  expect(text).toContain(
    `medium   port_scan       source.ip=${SCANNER}  200 ports on 1 host, 100% rejected`
  );
  expect(text).toContain(`source.ip: "${SCANNER}"`);
  expect(stdout.at(-1)).toBe(`7 findings from 6 rules, ${FROM} to ${TO}`);
});

test('--json, --rules and --kql: the route answer, narrowed', async () => {
  expect(
    await main([
      'detect',
      '--es',
      esUrl(),
      '--from',
      FROM,
      '--to',
      TO,
      '--rules',
      'port_scan',
      '--json',
    ])
  ).toBe(1);
  const answer = JSON.parse(stdout.join('\n')) as {
    findings: Array<{ entity: object }>;
    rules: string[];
  };
  expect(answer.rules).toEqual(['port_scan']);
  expect(answer.findings.map((finding) => finding.entity)).toEqual([{ 'source.ip': SCANNER }]);
  stdout = [];
  const none = ['--rules', 'port_scan', '--kql', 'destination.port: 443'];
  expect(await main(['detect', '--es', esUrl(), '--from', FROM, '--to', TO, ...none])).toBe(0);
  expect(stdout.at(-1)).toBe(`0 findings from 1 rules, ${FROM} to ${TO}`);
});

test('a rule that does not exist is a usage error; an unreachable cluster is exit 3', async () => {
  expect(await main(['detect', '--es', esUrl(), '--rules', 'port_scan,nope'])).toBe(2);
  expect(stderr.join('\n')).toContain(
    '--rules: no rule "nope"; the rules are port_scan, bruteforce'
  );
  expect(await main(['detect', '--es', 'http://127.0.0.1:9'])).toBe(3);
  expect(stderr.join('\n')).toContain('netobs detect failed:');
});
