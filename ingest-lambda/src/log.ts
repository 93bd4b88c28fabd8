// Structured JSON log lines (one per event) for CloudWatch Logs; never pass credentials here.
export type Level = 'debug' | 'info' | 'warn' | 'error';

let sink: (line: string) => void = (line) => console.log(line);

/** For tests and the CLI: where log lines go. */
export function setLogSink(next: (line: string) => void): void {
  sink = next;
}

export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  sink(JSON.stringify({ level, message, time: new Date().toISOString(), ...fields }));
}
