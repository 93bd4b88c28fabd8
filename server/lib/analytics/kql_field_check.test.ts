import { parseKql } from '../../../common/kql';
import { checkKqlFields, kqlComparisons, typeMismatch } from './kql_field_check';
import { KqlError } from './query_context';

const comparison = (
  field: string,
  value: string,
  extra: { wildcard?: boolean; range?: boolean } = {}
) => ({
  field,
  value,
  wildcard: false,
  range: false,
  ...extra,
});

test('every field the KQL names, with the values compared to it', () => {
  const { fields, comparisons } = kqlComparisons(
    parseKql(
      'not (source.ip: 10.* or destination.port > 1024) and tls: { version: "1.2" } and error.message: *'
    )
  );
  expect(fields).toEqual(['source.ip', 'destination.port', 'tls.version', 'error.message']);
  expect(comparisons).toEqual([
    comparison('source.ip', '10.*', { wildcard: true }),
    comparison('destination.port', '1024', { range: true }),
    comparison('tls.version', '1.2'),
  ]);
  // A bare value searches every field: nothing to check.
  expect(kqlComparisons(parseKql('reject')).fields).toEqual([]);
});

test.each([
  ['destination.port', 'long', 'ssh', 'destination.port holds numbers; "ssh" is not a number.'],
  ['network.bytes', 'long', '1e3', undefined],
  ['source.ip', 'ip', '10.0.0.0/8', undefined],
  [
    'source.ip',
    'ip',
    '2001:db8::/129',
    'source.ip holds IP addresses; "2001:db8::/129" is neither an address nor a CIDR range such as 10.0.0.0/8.',
  ],
  [
    'source.ip',
    'ip',
    'web-1',
    'source.ip holds IP addresses; "web-1" is neither an address nor a CIDR range such as 10.0.0.0/8.',
  ],
  ['source.ip', 'keyword', 'web-1', undefined],
  ['event.ingested', 'boolean', 'yes', 'event.ingested is true or false; "yes" is neither.'],
])('%s (%s) compared with %s', (field, type, value, expected) => {
  expect(typeMismatch(comparison(field, value), type)).toBe(expected);
});

test('wildcards on numbers and addresses are refused with the alternative', () => {
  expect(typeMismatch(comparison('source.ip', '10.0.*', { wildcard: true }), 'ip')).toBe(
    'source.ip holds IP addresses, which cannot be matched with a wildcard ("10.0.*"); use a CIDR range such as 10.0.0.0/8 instead.'
  );
  expect(typeMismatch(comparison('url.path', '/api/*', { wildcard: true }), 'keyword')).toBe(
    undefined
  );
});

// The response shape of Elasticsearch's _field_caps API (indices listed, fields by type).
function fieldCapsClient(fields: Record<string, string>, indices = ['.ds-logs-netobs.vpcflow-x']) {
  return {
    fieldCaps: jest.fn(async () => ({
      indices,
      fields: Object.fromEntries(
        Object.entries(fields).map(([name, type]) => [
          name,
          { [type]: { type, searchable: true, aggregatable: true } },
        ])
      ),
    })),
  } as never;
}

test('checkKqlFields: refuses a mistyped value, warns about unknown fields, skips without data', async () => {
  const client = fieldCapsClient({ 'destination.port': 'long' });
  await expect(
    checkKqlFields(client, 'logs-netobs.vpcflow-*', 'destination.port: ssh')
  ).rejects.toThrow(new KqlError('destination.port holds numbers; "ssh" is not a number.'));
  await expect(
    checkKqlFields(client, 'logs-netobs.vpcflow-*', 'destination.port: 22 and dst_port: 22')
  ).resolves.toEqual({
    warnings: ['No dst_port field in this data: the filter on it matches nothing.'],
  });
  await expect(
    checkKqlFields(fieldCapsClient({}, []), 'logs-netobs.vpcflow-*', 'dst_port: 22')
  ).resolves.toEqual({ warnings: [] });
  // KQL only Kibana's parser reads is left to Elasticsearch.
  await expect(checkKqlFields(client, 'x', 'a: (')).resolves.toEqual({ warnings: [] });
});
