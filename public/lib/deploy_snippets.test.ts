import {
  BUCKET_PLACEHOLDER,
  ES_URL_PLACEHOLDER,
  samDeployCommand,
  shipCommand,
  terraformModule,
} from './deploy_snippets';

describe('deploy snippets', () => {
  it('fills in what is known', () => {
    const sam = samDeployCommand({
      esUrl: 'https://es.internal:9200',
      namespace: 'prod',
      bucket: 'logs',
    });
    expect(sam).toContain('ElasticsearchUrl=https://es.internal:9200');
    expect(sam).toContain('Namespace=prod');
    expect(sam).toContain('LogBucketName=logs');
    expect(terraformModule({ bucket: 'logs' })).toContain(
      'log_bucket_name                  = "logs"'
    );
  });

  it('uses placeholders and the default namespace otherwise', () => {
    expect(terraformModule({})).toContain(
      `elasticsearch_url                = "${ES_URL_PLACEHOLDER}"`
    );
    expect(terraformModule({})).toContain('namespace                        = "default"');
    expect(shipCommand({})).toContain(`s3://${BUCKET_PLACEHOLDER}/`);
  });
});
