// The deploy templates keep the invariants the forwarder relies on: a visibility timeout of at
// least six function timeouts, partial batch responses, a dead-letter queue after five receives,
// least-privilege IAM (no "*" on S3 or SQS), and the bundle's handler and runtime. The SAM
// template is parsed with its CloudFormation tags; the Terraform module with hcl2json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { convertFiles } from '@cdktf/hcl2json';
import type { YAMLMap, YAMLSeq } from 'yaml';
import { parse } from 'yaml';

type Json = Record<string, unknown>;

const INTRINSICS = ['Ref', 'Condition', 'GetAtt', 'Sub', 'If', 'Equals', 'Not', 'And', 'Or'];
const customTags = INTRINSICS.flatMap((fn) => {
  const key = fn === 'Ref' || fn === 'Condition' ? fn : `Fn::${fn}`;
  return [
    {
      tag: `!${fn}`,
      resolve: (value: string) => ({ [key]: fn === 'GetAtt' ? value.split('.') : value }),
    },
    {
      tag: `!${fn}`,
      collection: 'seq' as const,
      resolve: (value: YAMLSeq.Parsed | YAMLMap.Parsed) => ({ [key]: value.toJSON() }),
    },
  ];
});

const template = parse(readFileSync(path.join(__dirname, 'template.yaml'), 'utf8'), {
  customTags,
}) as { Resources: Record<string, { Type: string; Properties: Json; Condition?: string }> };
const resources = template.Resources;
const byType = (type: string) => Object.values(resources).filter((r) => r.Type === type);

/** Every IAM statement in the template, with the `!If` alternatives unwrapped. */
function statements(): Json[] {
  const out: Json[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    const object = value as Json;
    if ('Fn::If' in object) return visit((object['Fn::If'] as unknown[]).slice(1));
    if ('Statement' in object) return visit(object.Statement);
    if ('Effect' in object && 'Action' in object) {
      out.push(object);
      return;
    }
    Object.values(object).forEach(visit);
  };
  visit(resources);
  return out;
}
const actions = (statement: Json) => [statement.Action].flat() as string[];

describe('SAM template', () => {
  const fn = byType('AWS::Serverless::Function')[0].Properties;
  const queue = resources.Queue.Properties;

  test('the function runs the bundle built by npm run build', () => {
    expect(fn).toMatchObject({
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      CodeUri: '../dist/netobs-forwarder.zip',
      MemorySize: 512,
      Timeout: 300,
    });
    expect(Object.keys(fn.Environment as Json)).toEqual(['Variables']);
    expect(Object.keys((fn.Environment as { Variables: Json }).Variables).sort()).toEqual([
      'ES_CLOUD_ID',
      'ES_SECRET_ARN',
      'ES_URL',
      'MALLOC_ARENA_MAX',
      'NETOBS_NAMESPACE',
    ]);
    expect((fn.Environment as { Variables: Json }).Variables.MALLOC_ARENA_MAX).toBe('2');
  });

  test('queue visibility timeout is at least six function timeouts', () => {
    expect(Number(queue.VisibilityTimeout)).toBeGreaterThanOrEqual(6 * Number(fn.Timeout));
  });

  test('SQS event source: batches of 10 with partial batch responses', () => {
    const events = Object.values(fn.Events as Record<string, { Type: string; Properties: Json }>);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      Type: 'SQS',
      Properties: {
        Queue: { 'Fn::GetAtt': ['Queue', 'Arn'] },
        BatchSize: 10,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      },
    });
  });

  test('a dead-letter queue after five receives', () => {
    expect(queue.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': ['DeadLetterQueue', 'Arn'] },
      maxReceiveCount: 5,
    });
  });

  test('an explicit role, so SAM adds no managed SQS policy with Resource "*"', () => {
    expect(fn.Role).toEqual({ 'Fn::GetAtt': ['FunctionRole', 'Arn'] });
    expect(fn.Policies).toBeUndefined();
    expect(resources.FunctionRole.Properties.ManagedPolicyArns).toBeUndefined();
  });

  test('least privilege: no "*" resource on S3, SQS, Kinesis, Secrets Manager or logs statements', () => {
    const all = statements();
    expect(all.length).toBeGreaterThan(5);
    for (const statement of all) {
      if (!actions(statement).some((a) => /^(s3|sqs|secretsmanager|logs|kms|kinesis):/.test(a)))
        continue;
      expect(statement.Resource).toBeDefined();
      expect([statement.Resource].flat()).not.toContain('*');
      expect(actions(statement).some((a) => a.endsWith(':*') || a === '*')).toBe(false);
    }
  });

  test('the function may read objects under the prefix, consume the queue and read one secret', () => {
    const role = statements().filter((s) => typeof s.Sid === 'string');
    const bySid = (sid: string) => role.find((s) => s.Sid === sid);
    expect(bySid('ReadLogObjects')).toMatchObject({
      Action: ['s3:GetObject', 's3:GetObjectVersion'],
      Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${LogBucketName}/${LogPrefix}*' },
    });
    expect(bySid('ConsumeQueue')).toMatchObject({
      Action: [
        'sqs:ReceiveMessage',
        'sqs:DeleteMessage',
        'sqs:GetQueueAttributes',
        'sqs:ChangeMessageVisibility',
      ],
      Resource: { 'Fn::GetAtt': ['Queue', 'Arn'] },
    });
    expect(bySid('ReadElasticsearchSecret')).toMatchObject({
      Action: 'secretsmanager:GetSecretValue',
      Resource: { Ref: 'EsSecretArn' },
    });
  });

  test('load balancers deliver only under this account, flow logs only from it', () => {
    const bucketStatements = statements().filter((st) => typeof st.Sid === 'string');
    const elb = bucketStatements.find((st) => st.Sid === 'ElbAccessLogsWrite');
    expect(elb?.Resource).toEqual({
      'Fn::Sub':
        'arn:${AWS::Partition}:s3:::${LogBucketName}/*AWSLogs/${AWS::AccountId}/elasticloadbalancing/*',
    });
    for (const sid of ['FlowLogsAclCheck', 'FlowLogsWrite'])
      expect(bucketStatements.find((st) => st.Sid === sid)).toMatchObject({
        Condition: {
          StringEquals: expect.objectContaining({ 'aws:SourceAccount': { Ref: 'AWS::AccountId' } }),
        },
      });
  });

  test('Kinesis (optional): partial batch responses, bisect, bounded retries, failures to the DLQ, read only that stream', () => {
    expect(resources.KinesisEventSource).toMatchObject({
      Type: 'AWS::Lambda::EventSourceMapping',
      Condition: 'HasKinesis',
      Properties: {
        EventSourceArn: { Ref: 'KinesisStreamArn' },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 10,
        StartingPosition: { Ref: 'KinesisStartingPosition' },
        BatchSize: { Ref: 'KinesisBatchSize' },
        DestinationConfig: {
          OnFailure: { Destination: { 'Fn::GetAtt': ['DeadLetterQueue', 'Arn'] } },
        },
      },
    });
    const role = statements().filter((st) => typeof st.Sid === 'string');
    expect(role.find((st) => st.Sid === 'ReadKinesisStream')).toEqual({
      Sid: 'ReadKinesisStream',
      Effect: 'Allow',
      Action: [
        'kinesis:DescribeStream',
        'kinesis:DescribeStreamSummary',
        'kinesis:GetRecords',
        'kinesis:GetShardIterator',
        'kinesis:ListShards',
        'kinesis:SubscribeToShard',
      ],
      Resource: { Ref: 'KinesisStreamArn' },
    });
    expect(role.find((st) => st.Sid === 'KinesisFailuresToDeadLetterQueue')).toMatchObject({
      Action: 'sqs:SendMessage',
      Resource: { 'Fn::GetAtt': ['DeadLetterQueue', 'Arn'] },
    });
  });

  test('the bucket may send to the queue, and only that bucket', () => {
    const policy = resources.QueuePolicy.Properties.PolicyDocument as { Statement: Json[] };
    expect(policy.Statement[0]).toMatchObject({
      Principal: { Service: 's3.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Condition: {
        ArnEquals: {
          'aws:SourceArn': { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${LogBucketName}' },
        },
      },
    });
  });
});

describe('Terraform module', () => {
  let tf: {
    resource: Record<string, Record<string, Json[]>>;
    variable: Record<string, Json[]>;
    locals: Json[];
  };
  const dir = path.join(__dirname, 'terraform');
  const source = ['main.tf', 'variables.tf', 'outputs.tf', 'versions.tf']
    .map((file) => readFileSync(path.join(dir, file), 'utf8'))
    .join('\n');
  const resource = (type: string, name: string) => tf.resource[type][name][0];
  const variableDefault = (name: string) => tf.variable[name][0].default;

  beforeAll(async () => {
    tf = (await convertFiles(dir)) as typeof tf;
  });

  test('the function runs the bundle built by npm run build', () => {
    expect(resource('aws_lambda_function', 'forwarder')).toMatchObject({
      handler: 'index.handler',
      runtime: 'nodejs22.x',
      memory_size: '${var.memory_size}',
      timeout: '${var.timeout}',
    });
    expect(variableDefault('memory_size')).toBe(512);
    expect(variableDefault('timeout')).toBe(300);
    expect(source).toContain('"${path.module}/../../dist/netobs-forwarder.zip"');
    expect(source).toContain('MALLOC_ARENA_MAX = "2"');
  });

  test('load balancers deliver only under this account', () => {
    expect(source).toMatch(
      /Sid\s*=\s*"ElbAccessLogsWrite"[\s\S]*?Resource\s*=\s*"\$\{local\.bucket_arn\}\/\*AWSLogs\/\$\{data\.aws_caller_identity\.current\.account_id\}\/elasticloadbalancing\/\*"/
    );
  });

  test('queue visibility timeout is six function timeouts', () => {
    expect(resource('aws_sqs_queue', 'queue').visibility_timeout_seconds).toBe(
      '${local.visibility_timeout}'
    );
    expect(tf.locals[0].visibility_timeout).toBe('${6 * var.timeout}');
  });

  test('SQS event source: batches of 10 with partial batch responses', () => {
    expect(resource('aws_lambda_event_source_mapping', 'queue')).toMatchObject({
      batch_size: '${var.batch_size}',
      function_response_types: ['ReportBatchItemFailures'],
    });
    expect(variableDefault('batch_size')).toBe(10);
  });

  test('a dead-letter queue after five receives', () => {
    expect(resource('aws_sqs_queue', 'queue').redrive_policy).toMatch(
      /maxReceiveCount\s*=\s*var\.max_receive_count/
    );
    expect(variableDefault('max_receive_count')).toBe(5);
  });

  test('Kinesis (optional): the same mapping settings, reading only that stream', () => {
    expect(resource('aws_lambda_event_source_mapping', 'kinesis')).toMatchObject({
      count: '${var.kinesis_stream_arn == "" ? 0 : 1}',
      event_source_arn: '${var.kinesis_stream_arn}',
      function_response_types: ['ReportBatchItemFailures'],
      bisect_batch_on_function_error: true,
      maximum_retry_attempts: 10,
      starting_position: '${var.kinesis_starting_position}',
    });
    const policy = String(resource('aws_iam_role_policy', 'function').policy);
    expect(policy).toContain('Resource = var.kinesis_stream_arn');
    expect(policy).toMatch(/"kinesis:GetRecords"/);
    expect(variableDefault('kinesis_stream_arn')).toBe('');
  });

  test('least privilege: no "*" resource anywhere in the policies', () => {
    const policy = String(resource('aws_iam_role_policy', 'function').policy);
    expect(policy).toContain('Resource = local.objects_arn');
    expect(policy).toContain('Resource = aws_sqs_queue.queue.arn');
    expect(policy).toContain('Resource = var.es_secret_arn');
    expect(source).not.toMatch(/Resource\s*=\s*"\*"/);
    expect(source).not.toMatch(/Action\s*=\s*"(s3|sqs):\*"/);
    expect(source).toMatch(/objects_arn\s*=\s*"\$\{local\.bucket_arn\}\/\$\{var\.log_prefix\}\*"/);
    expect(resource('aws_iam_role', 'function').managed_policy_arns).toBeUndefined();
  });
});
