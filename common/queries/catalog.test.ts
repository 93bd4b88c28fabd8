import { QUERY_CATALOG, renderQuery } from '.';

test('the catalog has at least 25 queries with unique ids and complete descriptions', () => {
  expect(QUERY_CATALOG.length).toBeGreaterThanOrEqual(25);
  expect(new Set(QUERY_CATALOG.map((q) => q.id)).size).toBe(QUERY_CATALOG.length);
  for (const query of QUERY_CATALOG) {
    expect(query.description.length).toBeGreaterThan(20);
    expect(query.fields.length).toBeGreaterThan(0);
  }
});

test('every placeholder has a parameter and every parameter is used', () => {
  for (const query of QUERY_CATALOG) {
    const placeholders = [...query.kql.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
    expect(new Set(placeholders)).toEqual(new Set((query.params ?? []).map((p) => p.name)));
  }
});

test('parameters are quoted for KQL, ports stay numbers, examples fill gaps', () => {
  const blocked = QUERY_CATALOG.find((q) => q.id === 'vpc-source-blocked-on')!;
  expect(renderQuery(blocked, { ip: '2001:db8::1' })).toBe(
    'event.action: "reject" and source.ip: "2001:db8::1"'
  );
  expect(renderQuery(blocked)).toBe('event.action: "reject" and source.ip: "198.51.100.7"');
  const port = QUERY_CATALOG.find((q) => q.id === 'vpc-port-traffic')!;
  expect(renderQuery(port, { port: '8443' })).toBe('destination.port: 8443');
  expect(renderQuery(port, { port: 'x" or *' })).toBe('destination.port: "x\\" or *"');
});
