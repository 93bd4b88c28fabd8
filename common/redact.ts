// One way to keep credentials out of everything we print, log or serve: URLs lose their user
// info, authorization headers and API keys their values, and any secret the caller knows of is
// masked wherever it appears in a text.

const MASK = '[REDACTED]';

/** `https://user:secret@host/` → `https://host/`; anything unparseable is returned masked. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, url.endsWith('/') ? '/' : '');
  } catch {
    return redactText(url);
  }
}

/**
 * Masks credentials inside free text (error messages, log lines): user info in URLs,
 * `Authorization: Basic|Bearer|ApiKey …`, `api_key=…`, and each of `secrets` (at least 4
 * characters, so a short value does not mask half the text).
 */
export function redactText(text: string, secrets: (string | undefined)[] = []): string {
  let out = text
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@'"]+@/gi, `$1${MASK}@`)
    .replace(/\b(Basic|Bearer|ApiKey)\s+[A-Za-z0-9+/=._~-]{6,}/g, `$1 ${MASK}`)
    .replace(
      /\b(api[_-]?key|password|passwd|secret|token)(["']?\s*[:=]\s*["']?)[^\s"',&}]+/gi,
      `$1$2${MASK}`
    );
  for (const secret of secrets)
    if (secret && secret.length >= 4) out = out.split(secret).join(MASK);
  return out;
}
