import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderFieldsDoc } from './fields_doc';

test('docs/fields.md is up to date (regenerate with npx tsx dev/docs/generate.ts)', () => {
  const committed = readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'fields.md'), 'utf8');
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
});
