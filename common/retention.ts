// The retention setup accepts, checked alike by the setup route (server/lib/validation) and the
// Setup page's form, so the form flags exactly what the server would refuse.

/** The shortest retention setup accepts: anything shorter deletes data almost as it arrives. */
export const MIN_RETENTION_HOURS = 24;

/** A message when `value` is not a retention setup may apply (a whole number of d or h, ≥ 1 day). */
export function checkRetention(value: string): string | undefined {
  const match = /^(\d{1,6})(d|h)$/.exec(value);
  if (!match) return `expected a whole number of days or hours such as 30d or 720h, got "${value}"`;
  const hours = Number(match[1]) * (match[2] === 'd' ? 24 : 1);
  if (hours < MIN_RETENTION_HOURS)
    return `must be at least ${MIN_RETENTION_HOURS}h (1d): a shorter retention deletes data almost as soon as it arrives, got "${value}"`;
  return undefined;
}
