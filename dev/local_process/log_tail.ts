import { existsSync, readFileSync } from 'node:fs';

/** The last `count` lines of a log file, for error messages. */
export function logTail(file: string, count = 20): string {
  if (!existsSync(file)) return '(no log file)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-count).join('\n');
}
