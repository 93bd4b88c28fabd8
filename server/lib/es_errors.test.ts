import { errors } from '@elastic/elasticsearch';
import { describeEsError, esErrorStatus, isEsTransportError } from './es_errors';

/** What Kibana's own copy of the client throws: same shape, another class. */
function foreign(name: string, meta?: unknown): Error {
  const error = new Error(`${name} from another client copy`);
  Object.defineProperty(error, 'name', { value: name });
  return Object.assign(error, { meta });
}

const body = (type: string, reason: string) => ({
  error: { type, reason, root_cause: [{ type, reason }] },
});

test("errors of another client copy are not our client's instances, and are still understood", () => {
  const notFound = foreign('ResponseError', {
    statusCode: 404,
    body: body('resource_not_found_exception', 'pipeline [x] missing'),
    headers: {},
  });
  expect(notFound).not.toBeInstanceOf(errors.ResponseError);
  expect(esErrorStatus(notFound)).toBe(404);
  expect(describeEsError(notFound)).toMatchObject({
    status: 404,
    type: 'resource_not_found_exception',
    reason: 'pipeline [x] missing',
  });
});

test('a 403 names the privileges Elasticsearch says would grant the action', () => {
  const reason =
    'action [cluster:admin/ingest/pipeline/put] is unauthorized for user [u] with effective roles [r], this action is granted by the cluster privileges [manage_ingest_pipelines,manage_pipeline,manage,all]';
  expect(
    describeEsError(
      foreign('ResponseError', { statusCode: 403, body: body('security_exception', reason) })
    )
  ).toMatchObject({
    status: 403,
    missingPrivileges: ['manage_ingest_pipelines', 'manage_pipeline', 'manage', 'all'],
  });
});

test('a 429 carries retry-after; no answer is unreachable or a timeout', () => {
  expect(
    describeEsError(
      foreign('ResponseError', {
        statusCode: 429,
        body: body('es_rejected_execution_exception', 'busy'),
        headers: { 'retry-after': '7' },
      })
    )
  ).toMatchObject({ status: 429, retryAfter: 7 });
  const unreachable = describeEsError(foreign('ConnectionError'));
  expect(unreachable).toMatchObject({ transport: 'unreachable' });
  expect(unreachable.status).toBeUndefined();
  expect(describeEsError(foreign('TimeoutError'))).toMatchObject({ transport: 'timeout' });
  expect(isEsTransportError(new errors.ConnectionError('ECONNREFUSED'))).toBe(true);
  expect(isEsTransportError(foreign('ResponseError', { statusCode: 500 }))).toBe(false);
});

test('anything else is only its message', () => {
  expect(describeEsError(new Error('boom'))).toEqual({ reason: 'boom' });
  expect(describeEsError('text')).toEqual({ reason: 'text' });
});
