import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ALL_SOURCES } from '../../common/sources';
import { VPC_FLOW_FIELDS_SINCE_V8 } from '../../common/sources/flow_log_fields';
import type { ParitySource } from './elastic_parity';
import { PARITY } from './elastic_parity';
import { renderFieldsDoc } from './fields_doc';

const ROOT = path.resolve(__dirname, '..', '..');
const PARITY_SOURCES = Object.keys(PARITY) as ParitySource[];

test('docs/fields.md is up to date (regenerate with npx tsx dev/docs/generate.ts)', () => {
  const committed = readFileSync(path.join(ROOT, 'docs', 'fields.md'), 'utf8');
  expect(committed).toBe(renderFieldsDoc());
});

test('lists every source and its raw fields', () => {
  const doc = renderFieldsDoc();
  for (const heading of [
    'VPC Flow Logs',
    'Transit Gateway flow logs',
    'Application Load Balancer',
    'Network Load Balancer',
  ]) {
    expect(doc).toContain(`## ${heading}`);
  }
  expect(doc).toContain('| `aws.vpcflow.reject_reason` | keyword |');
  expect(doc).toContain('| `aws.tgwflow.packets_lost_blackhole` | long |');
  expect(doc).toContain('## Sources');
});

// So that a field cannot be added without saying how Elastic's integration treats it.
test.each(PARITY_SOURCES)('%s: every ECS field says "same" or how Elastic differs', (id) => {
  const missing = ALL_SOURCES[id].ecsFields.filter((field) => !field.elastic?.trim());
  expect(missing.map((field) => field.name)).toEqual([]);
});

test.each(PARITY_SOURCES)(
  '%s: every AWS field has ours, the integration’s and, where they differ, why',
  (id) => {
    const { fields, byField } = PARITY[id];
    expect(fields).toEqual(expect.arrayContaining([...ALL_SOURCES[id].defaultFormat]));
    const incomplete = fields.filter((name) => {
      const entry = byField[name];
      return !entry?.ours || !entry.elastic || (entry.elastic !== 'same' && !entry.why);
    });
    expect(incomplete).toEqual([]);
  }
);

/** Mapped fields of a source: its ECS field docs and the raw fields of its component template. */
function knownFields(id: ParitySource): Set<string> {
  const source = ALL_SOURCES[id];
  const known = new Set(source.ecsFields.map((field) => field.name));
  const template = JSON.parse(
    readFileSync(
      path.join(ROOT, 'assets', 'elasticsearch', 'component_template', `netobs-${id}.json`),
      'utf8'
    )
  ) as { template: { mappings: { properties: Record<string, { properties?: object }> } } };
  let node = template.template.mappings as { properties?: Record<string, unknown> } | undefined;
  for (const part of source.rawPrefix.split('.'))
    node = node?.properties?.[part] as typeof node | undefined;
  for (const name of Object.keys(node?.properties ?? {})) known.add(`${source.rawPrefix}.${name}`);
  return known;
}

test.each(PARITY_SOURCES)('%s: the fields the parity table names exist', (id) => {
  const known = knownFields(id);
  const prefix = ALL_SOURCES[id].rawPrefix;
  // Newer AWS fields are kept in _source but have no mapping yet.
  const unmapped = new Set(
    VPC_FLOW_FIELDS_SINCE_V8.flatMap((group) => group.fields).map(
      (name) => `${prefix}.${name.replace(/-/g, '_')}`
    )
  );
  const unknown: string[] = [];
  for (const name of PARITY[id].fields) {
    const ours = PARITY[id].byField[name].ours.replace(/\{raw\}/g, prefix);
    const names = ours
      .replace(/\([^)]*\)/g, '')
      .split(/[,;]/)
      .map((token) => token.trim().split(' ')[0])
      .filter((token) => /^(@timestamp|[a-z_]+(\.[a-z_0-9*]+)+)$/.test(token));
    for (const field of names) {
      const ok = field.endsWith('.*')
        ? [...known].some((k) => k.startsWith(field.slice(0, -1)))
        : known.has(field) || unmapped.has(field);
      if (!ok) unknown.push(`${name}: ${field}`);
    }
  }
  expect(unknown).toEqual([]);
});

// Every ECS field the pipelines write (as the golden outputs show) is documented, with its
// Elastic note: a field added to a pipeline without a line in common/sources fails here.
const NOT_DOCUMENTED_PER_SOURCE = [
  /^aws\./, // raw fields: the component template lists them
  /^log\./,
  /^message$/,
  /^tags$/,
  /^error\.message$/,
  /^event\.original$/,
  /^event\.ingested$/,
  /^awscloudwatch\./,
  /^netobs\./,
  /^(source|destination)\.(geo|as)\./, // netobs-geo, documented with the geo pipeline
  /^user_agent\./, // user_agent.original names the parsed subfields
];

test.each(PARITY_SOURCES)('%s: every ECS field in the golden outputs is documented', (id) => {
  const dir = path.join(ROOT, 'test', 'pipelines', id);
  const seen = new Set<string>();
  const walk = (value: unknown, at: string) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) walk(child, at ? `${at}.${key}` : key);
    } else {
      seen.add(at);
    }
  };
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.expected.json'))) {
    for (const doc of JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as unknown[])
      walk(doc, '');
  }
  const documented = new Set(ALL_SOURCES[id].ecsFields.map((field) => field.name));
  const undocumented = [...seen]
    .filter((field) => !NOT_DOCUMENTED_PER_SOURCE.some((pattern) => pattern.test(field)))
    .filter((field) => !documented.has(field))
    .sort();
  expect(undocumented).toEqual([]);
});
