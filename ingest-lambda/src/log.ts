// Structured JSON log lines (one per event) for CloudWatch Logs. Every line passes through the
// redaction of common/redact.ts, with the credentials the process was configured with, so not
// even an error message quoting a URL or a header can carry one out.
import { redactText } from '../../common/redact';

export type Level = 'debug' | 'info' | 'warn' | 'error';

let sink: (line: string) => void = (line) => console.log(line);
const secrets = new Set<string>();

/** For tests and the CLI: where log lines go. */
export function setLogSink(next: (line: string) => void): void {
  sink = next;
}

/** Credentials this process holds: masked in every line logged or printed from now on. */
export function rememberSecrets(...values: (string | undefined)[]): void {
  for (const value of values) if (value) secrets.add(value);
}

/** `text` without any credential: what may be printed, logged or served. */
export function redact(text: string): string {
  return redactText(text, [...secrets]);
}

export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  sink(redact(JSON.stringify({ level, message, time: new Date().toISOString(), ...fields })));
}
