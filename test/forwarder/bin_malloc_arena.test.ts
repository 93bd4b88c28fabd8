// bin/netobs.js: `netobs ship` runs with glibc's MALLOC_ARENA_MAX=2 (the bin replaces its own
// process with one that has it, same pid); a value the user set is kept. Read from
// /proc/<pid>/environ of the running CLI while the sink holds its first request, so Linux only.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const linux = process.platform === 'linux' && typeof process.execve === 'function';

/** The environment of `netobs <args>` while it waits on its first request to the sink. */
async function environWhileShipping(env: NodeJS.ProcessEnv): Promise<Map<string, string>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netobs-arena-'));
  const file = path.join(dir, 'lines.log');
  writeFileSync(file, 'one\ntwo\n');
  let pid = 0;
  const held: http.ServerResponse[] = [];
  let onRequest: () => void = () => undefined;
  const requested = new Promise<void>((resolve) => (onRequest = resolve));
  const sink = http.createServer((_req, res) => {
    held.push(res);
    onRequest();
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin', 'netobs.js'), 'ship', file, '--es', url],
    {
      env,
      stdio: 'ignore',
    }
  );
  pid = child.pid!;
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    // A CLI that exits before asking anything fails the test now, not at the timeout.
    await Promise.race([
      requested,
      exited.then(() => {
        throw new Error('netobs ship exited before its first request');
      }),
    ]);
    const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
    return new Map(
      environ.map((entry) => [
        entry.slice(0, entry.indexOf('=')),
        entry.slice(entry.indexOf('=') + 1),
      ])
    );
  } finally {
    child.kill('SIGKILL');
    await exited;
    for (const res of held) res.destroy();
    await new Promise<void>((resolve) => sink.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  }
}

const withoutArena = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  delete env.MALLOC_ARENA_MAX;
  return env;
};

(linux ? describe : describe.skip)('netobs ship limits malloc arenas (Linux)', () => {
  test('ship runs with MALLOC_ARENA_MAX=2 in the same process, the rest of the environment kept', async () => {
    const environ = await environWhileShipping({ ...withoutArena(), NETOBS_TEST_MARK: 'kept' });
    expect(environ.get('MALLOC_ARENA_MAX')).toBe('2');
    expect(environ.get('NETOBS_TEST_MARK')).toBe('kept');
  });

  test('a MALLOC_ARENA_MAX the user set is the one ship runs with', async () => {
    const environ = await environWhileShipping({ ...withoutArena(), MALLOC_ARENA_MAX: '1' });
    expect(environ.get('MALLOC_ARENA_MAX')).toBe('1');
  });
});
