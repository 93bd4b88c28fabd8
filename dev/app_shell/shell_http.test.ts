import { HttpError } from '../../public/lib/http_error';
import { createShellHttp } from './shell_http';

function respond(status: number, body: string): jest.Mock {
  return jest.fn(async () => new Response(body, { status }));
}

describe('createShellHttp', () => {
  it('sends JSON with the headers Kibana core.http sends', async () => {
    const fetchImpl = respond(200, '{"count":3}');
    const http = createShellHttp(fetchImpl);
    await expect(http.post('/internal/x', { a: 1 })).resolves.toEqual({ count: 3 });
    const [path, init] = fetchImpl.mock.calls[0];
    expect(path).toBe('/internal/x');
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"a":1}');
    expect(init.headers).toMatchObject({
      'kbn-xsrf': 'true',
      'x-elastic-internal-origin': 'Kibana',
    });
  });

  it('rejects with the status, message and attributes of an error answer', async () => {
    const http = createShellHttp(
      respond(
        403,
        '{"message":"Missing privilege manage_ingest_pipelines","attributes":{"missingPrivileges":["manage_ingest_pipelines"]}}'
      )
    );
    const error = await http.get('/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({
      status: 403,
      message: 'Missing privilege manage_ingest_pipelines',
      attributes: { missingPrivileges: ['manage_ingest_pipelines'] },
    });
  });

  it('reports an unreachable server as status 0', async () => {
    const http = createShellHttp(
      jest.fn(async () => Promise.reject(new TypeError('fetch failed')))
    );
    await expect(http.delete('/api/x')).rejects.toMatchObject({ status: 0 });
  });
});
