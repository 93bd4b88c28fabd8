import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  BUCKET_PLACEHOLDER,
  ES_URL_PLACEHOLDER,
  isLoopback,
  samDeployCommand,
  shipCommand,
  terraformModule,
} from './deploy_snippets';

const DEPLOY = path.join(__dirname, '..', '..', 'ingest-lambda', 'deploy');

describe('deploy snippets', () => {
  it('fills in what is known', () => {
    const sam = samDeployCommand({
      esUrl: 'https://es.internal:9200',
      namespace: 'prod',
      bucket: 'logs',
    });
    expect(sam).toContain('EsUrl=https://es.internal:9200');
    expect(sam).toContain('Namespace=prod');
    expect(sam).toContain('LogBucketName=logs');
    expect(terraformModule({ bucket: 'logs' })).toContain('log_bucket_name = "logs"');
  });

  it('uses placeholders and the default namespace otherwise', () => {
    expect(terraformModule({})).toContain(`es_url          = "${ES_URL_PLACEHOLDER}"`);
    expect(terraformModule({})).toContain('namespace       = "default"');
    expect(shipCommand({})).toContain(`s3://${BUCKET_PLACEHOLDER}/`);
  });

  it.each(['http://127.0.0.1:9200', 'http://localhost:9200', 'http://[::1]:9200'])(
    'never proposes %s, which a Lambda cannot reach',
    (esUrl) => {
      expect(samDeployCommand({ esUrl })).toContain(`EsUrl=${ES_URL_PLACEHOLDER}`);
      expect(terraformModule({ esUrl })).toContain(ES_URL_PLACEHOLDER);
    }
  );

  it.each([
    ['http://127.0.0.1:9200', true],
    ['http://127.1.2.3:9200', true],
    ['http://localhost:9200', true],
    ['http://[::1]:9200', true],
    ['not a url', true],
    ['https://es.internal:9200', false],
    ['http://10.0.1.5:9200', false],
  ])('%s is loopback: %p', (url, loopback) => {
    expect(isLoopback(url)).toBe(loopback);
  });

  it('names only parameters the SAM template and the Terraform module declare', () => {
    const template = readFileSync(path.join(DEPLOY, 'template.yaml'), 'utf8');
    const declared = new Set([...template.matchAll(/^ {2}([A-Za-z]+):\s*$/gm)].map((m) => m[1]));
    const sam = [...samDeployCommand({}).matchAll(/^ {4}(\w+)=/gm)].map((m) => m[1]);
    expect(sam.length).toBeGreaterThan(2);
    for (const name of sam) expect(declared).toContain(name);

    const variables = readFileSync(path.join(DEPLOY, 'terraform', 'variables.tf'), 'utf8');
    const tfDeclared = new Set([...variables.matchAll(/^variable "(\w+)"/gm)].map((m) => m[1]));
    const tf = [...terraformModule({}).matchAll(/^ {2}(\w+)\s+=/gm)]
      .map((m) => m[1])
      .filter((name) => name !== 'source');
    expect(tf.length).toBeGreaterThan(2);
    for (const name of tf) expect(tfDeclared).toContain(name);
  });
});
