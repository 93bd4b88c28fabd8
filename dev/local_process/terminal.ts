// Styling for the launchers' terminal output, only where it can show: a terminal that has not
// asked for plain text. Piped to a file or a CI log, with NO_COLOR set (https://no-color.org) or
// TERM=dumb, every line is plain text with no escape sequence in it.

export interface Stream {
  isTTY?: boolean;
}

/** FORCE_COLOR (as Node and most CLIs read it) can turn colour on for a pipe, or off ("0"). */
export function colorEnabled(stream: Stream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

export interface Styler {
  bold(text: string): string;
  dim(text: string): string;
}

export function styler(stream: Stream = process.stdout, env: NodeJS.ProcessEnv = process.env) {
  const on = colorEnabled(stream, env);
  const wrap = (open: number, close: number) => (text: string) =>
    on ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return { bold: wrap(1, 22), dim: wrap(2, 22) } satisfies Styler;
}
