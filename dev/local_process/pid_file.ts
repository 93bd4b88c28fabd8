import { existsSync, readFileSync, rmSync } from 'node:fs';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pid in `file` if that process is running; undefined for no file or a stale one. */
export function readPid(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}

/**
 * Stops the process named by `file`: SIGTERM, up to `graceMs` for a clean shutdown, then
 * SIGKILL. Resolves once it has exited; false when none was running.
 */
export async function stopPid(file: string, graceMs = 30_000): Promise<boolean> {
  const pid = readPid(file);
  if (!pid) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  rmSync(file, { force: true });
  return true;
}
