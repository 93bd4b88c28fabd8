import { checkParamValue, QUERY_CATALOG, renderQuery } from '.';

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
  expect(renderQuery(blocked)).toBe('event.action: "reject" and source.ip: "203.0.113.66"');
  const port = QUERY_CATALOG.find((q) => q.id === 'vpc-port-traffic')!;
  expect(renderQuery(port, { port: '8443' })).toBe('destination.port: 8443');
  expect(renderQuery(port, { port: 'x" or *' })).toBe('destination.port: "x\\" or *"');
});

test('every example is a value its parameter accepts', () => {
  for (const query of QUERY_CATALOG) {
    for (const param of query.params ?? []) {
      expect([query.id, param.name, checkParamValue(param.kind, param.example)]).toEqual([
        query.id,
        param.name,
        undefined,
      ]);
    }
  }
});

test('a distinct count is of a field the query declares, and of the field it breaks down by', () => {
  const distinct = QUERY_CATALOG.filter((q) => q.measure?.kind === 'distinct');
  expect(distinct.map((q) => q.id)).toEqual(
    expect.arrayContaining(['vpc-top-talkers', 'vpc-top-blocked-senders-by-port'])
  );
  for (const query of distinct) {
    if (query.measure?.kind !== 'distinct') continue;
    expect(query.fields).toContain(query.measure.field);
    expect(query.breakdown?.field).toBe(query.measure.field);
  }
});
