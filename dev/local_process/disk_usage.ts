import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Disk use of a directory in bytes (du), for the start-up report; 0 when it does not exist. */
export function diskUsage(dir: string): number {
  if (!existsSync(dir)) return 0;
  return Number(execFileSync('du', ['-sb', dir]).toString().split('\t')[0]);
}
