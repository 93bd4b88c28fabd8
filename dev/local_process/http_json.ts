/** GETs `url` as JSON within 5 s; throws on a network error or a non-2xx status. */
export async function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`${url} → HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Sends `body` as JSON and parses the JSON answer; throws with the status and text otherwise. */
export async function requestJson<T = unknown>(
  base: string,
  method: string,
  path: string,
  body?: unknown
): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 2000)}`);
  return JSON.parse(text) as T;
}
