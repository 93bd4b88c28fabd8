// Every known failure becomes the HTTP answer Kibana's clients expect; only unknown faults are
// rethrown (Kibana then answers 500 and logs them).
import type { KibanaResponseFactory } from '@kbn/core/server';
import { InstallationError } from '../lib/installer/installation_errors';
import { ValidationError } from '../lib/validation/validate_object';
import { errorResponse } from './error_response';

type Answer = { status: number; body?: { message?: string }; headers?: Record<string, string> };

/** Kibana's response factory for the methods errorResponse uses (http/server response_factory.ts). */
const factory = {
  badRequest: (o: { body: unknown }) => ({ status: 400, ...o }),
  forbidden: (o: { body: unknown }) => ({ status: 403, ...o }),
  notFound: (o: { body: unknown }) => ({ status: 404, ...o }),
  customError: (o: { statusCode: number; body: unknown; headers?: Record<string, string> }) => ({
    status: o.statusCode,
    body: o.body,
    headers: o.headers,
  }),
} as unknown as KibanaResponseFactory;

/** An error as Kibana's copy of the Elasticsearch client throws it (shape, not class). */
function esError(name: string, statusCode?: number, headers: Record<string, string> = {}) {
  const error = new Error(`${name} injected`);
  Object.defineProperty(error, 'name', { value: name });
  return Object.assign(error, {
    meta: {
      statusCode,
      headers,
      body: { error: { type: 'x', reason: `reason ${statusCode}` } },
      meta: { connection: { url: new URL('https://elastic:s3cret-pw@es.example:9243/') } },
    },
  });
}

const answer = (error: unknown) => errorResponse(factory, error) as unknown as Answer;

test.each([
  [401, 401],
  [404, 404],
  [400, 400],
  [503, 502],
])('Elasticsearch %i is answered %i with its reason', (status, expected) => {
  expect(answer(esError('ResponseError', status))).toMatchObject({
    status: expected,
    body: { message: `reason ${status}` },
  });
});

test('429 keeps its retry-after (10 s when Elasticsearch gave none)', () => {
  expect(answer(esError('ResponseError', 429, { 'retry-after': '7' }))).toMatchObject({
    status: 429,
    headers: { 'retry-after': '7' },
  });
  expect(answer(esError('ResponseError', 429)).headers).toEqual({ 'retry-after': '10' });
});

test('no answer: unreachable is 502, a timeout 504, both naming the node without credentials', () => {
  const unreachable = answer(esError('ConnectionError'));
  expect(unreachable.status).toBe(502);
  expect(unreachable.body?.message).toMatch(
    /^Elasticsearch is unreachable at https:\/\/es\.example:9243\//
  );
  const timeout = answer(esError('TimeoutError'));
  expect(timeout.status).toBe(504);
  expect(JSON.stringify([unreachable, timeout])).not.toContain('s3cret-pw');
});

test('our own refusals: bad input 400, a downgrade 409; anything unknown is rethrown', () => {
  expect(answer(new ValidationError('from', 'expected a time')).status).toBe(400);
  expect(answer(new InstallationError('newer release installed', 409)).status).toBe(409);
  const unknown = new Error('bug');
  expect(() => errorResponse(factory, unknown)).toThrow(unknown);
  expect(() => errorResponse(factory, esError('ResponseError', 500))).toThrow();
});
