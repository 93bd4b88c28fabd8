// Failures of setup the user must act on, each with the HTTP status a route answers with.

export class InstallationError extends Error {
  override name = 'InstallationError';
  constructor(
    message: string,
    /** 409: the installed state forbids this (e.g. a downgrade); 503: Kibana is not there. */
    readonly statusCode: 409 | 503
  ) {
    super(message);
  }
}

/** Orders dotted release versions numerically ("0.10.0" after "0.9.1"); -1, 0 or 1. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split(/[.+-]/).map((p) => Number.parseInt(p, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
