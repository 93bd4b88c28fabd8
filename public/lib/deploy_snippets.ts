// The forwarder's deployment parameters as copyable snippets for the Sources page. Parameter
// names follow the templates in ingest-lambda/deploy/ (template.yaml and the Terraform module);
// keep them in step when the templates change.
import { DEFAULT_NAMESPACE } from '../../common/constants';

export const ES_URL_PLACEHOLDER = 'https://my-elasticsearch.example.com:9200';
export const BUCKET_PLACEHOLDER = 'my-flow-logs-bucket';
/** The secret holds JSON such as {"api_key": "…"} (docs/forwarder.md, ES_SECRET_ARN). */
export const SECRET_PLACEHOLDER = '<arn-of-the-secret-with-the-api-key>';

export interface DeployParams {
  esUrl?: string;
  namespace?: string;
  bucket?: string;
}

/** Loopback addresses: what a Lambda in AWS can never reach, so never proposed to it. */
export function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\./.test(host);
  } catch {
    return true;
  }
}

/**
 * What to put in place of the placeholder: the one sentence the Sources page says when the app's
 * own Elasticsearch address is of no use to a Lambda.
 */
export const ES_URL_ADVICE =
  'Use the address the Lambda reaches the cluster at: the Elastic Cloud endpoint, a load ' +
  'balancer or DNS name in front of the cluster, or a private address in the VPC the Lambda ' +
  'runs in (then deploy it into that VPC).';

function resolved(params: DeployParams): Required<DeployParams> {
  return {
    esUrl: params.esUrl && !isLoopback(params.esUrl) ? params.esUrl : ES_URL_PLACEHOLDER,
    namespace: params.namespace || DEFAULT_NAMESPACE,
    bucket: params.bucket || BUCKET_PLACEHOLDER,
  };
}

/** `sam deploy` for ingest-lambda/deploy/template.yaml. */
export function samDeployCommand(params: DeployParams): string {
  const p = resolved(params);
  return [
    'sam deploy --template-file ingest-lambda/deploy/template.yaml \\',
    '  --stack-name netobs-forwarder --capabilities CAPABILITY_IAM \\',
    '  --parameter-overrides \\',
    `    EsUrl=${p.esUrl} \\`,
    `    EsSecretArn=${SECRET_PLACEHOLDER} \\`,
    `    Namespace=${p.namespace} \\`,
    `    LogBucketName=${p.bucket}`,
  ].join('\n');
}

/** A module block for the Terraform module in ingest-lambda/deploy/terraform. */
export function terraformModule(params: DeployParams): string {
  const p = resolved(params);
  return [
    'module "netobs_forwarder" {',
    '  source = "./ingest-lambda/deploy/terraform"',
    '',
    `  es_url          = "${p.esUrl}"`,
    `  es_secret_arn   = "${SECRET_PLACEHOLDER}"`,
    `  namespace       = "${p.namespace}"`,
    `  log_bucket_name = "${p.bucket}"`,
    '}',
  ].join('\n');
}

/** Backfilling existing files or a prefix with the same code the Lambda runs. */
export function shipCommand(params: DeployParams): string {
  const p = resolved(params);
  return `ES_URL=${p.esUrl} npx netobs ship s3://${p.bucket}/AWSLogs/ --namespace ${p.namespace}`;
}
