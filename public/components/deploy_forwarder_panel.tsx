// How to get logs into the cluster: the forwarder's parameters for SAM/CloudFormation and
// Terraform, filled in with what the app knows (Elasticsearch URL, namespace), plus backfill.
import React, { useState } from 'react';
import {
  EuiCallOut,
  EuiCode,
  EuiCodeBlock,
  EuiFieldText,
  EuiFlexGroup,
  EuiFlexItem,
  EuiFormRow,
  EuiPanel,
  EuiSpacer,
  EuiText,
  EuiTitle,
} from '@elastic/eui';
import { DEFAULT_NAMESPACE } from '../../common/constants';
import { useServices } from '../context/services_context';
import {
  BUCKET_PLACEHOLDER,
  ES_URL_ADVICE,
  ES_URL_PLACEHOLDER,
  isLoopback,
  samDeployCommand,
  shipCommand,
  terraformModule,
} from '../lib/deploy_snippets';

export function DeployForwarderPanel() {
  const { esUrl } = useServices();
  const [bucket, setBucket] = useState('');
  const [namespace, setNamespace] = useState(DEFAULT_NAMESPACE);
  const params = { esUrl, bucket, namespace };
  const localOnly = esUrl !== undefined && isLoopback(esUrl);
  return (
    <EuiPanel hasBorder data-test-subj="deploy-forwarder">
      <EuiTitle size="s">
        <h2>Deploy the forwarder</h2>
      </EuiTitle>
      <EuiText size="s">
        <p>
          The forwarder is a Lambda that reads each new log object from S3 (through an SQS queue)
          and ships its raw lines to Elasticsearch, where the pipelines parse them. The templates
          are in <code>ingest-lambda/deploy/</code>: a SAM/CloudFormation template and a Terraform
          module. Store an Elasticsearch API key in AWS Secrets Manager first (a secret holding{' '}
          <code>{'{"api_key": "…"}'}</code>). For the Elasticsearch URL give an address the Lambda
          can reach from its VPC or the internet, never 127.0.0.1 or localhost.
        </p>
      </EuiText>
      <EuiSpacer size="m" />
      {localOnly && (
        <>
          <EuiCallOut
            size="s"
            iconType="info"
            data-test-subj="deploy-es-url-advice"
            title="Replace the Elasticsearch URL in the snippets"
          >
            <p>
              This app reaches Elasticsearch at <EuiCode>{esUrl}</EuiCode>, an address only this
              machine can use, so the snippets show <EuiCode>{ES_URL_PLACEHOLDER}</EuiCode> instead.{' '}
              {ES_URL_ADVICE}
            </p>
          </EuiCallOut>
          <EuiSpacer size="m" />
        </>
      )}
      <EuiFlexGroup gutterSize="m" wrap>
        <EuiFlexItem>
          <EuiFormRow label="S3 bucket with the logs">
            <EuiFieldText
              value={bucket}
              placeholder={BUCKET_PLACEHOLDER}
              onChange={(event) => setBucket(event.target.value)}
              data-test-subj="deploy-bucket"
            />
          </EuiFormRow>
        </EuiFlexItem>
        <EuiFlexItem>
          <EuiFormRow
            label="Namespace"
            helpText="Data streams are logs-netobs.<source>-<namespace>"
          >
            <EuiFieldText
              value={namespace}
              onChange={(event) => setNamespace(event.target.value)}
              data-test-subj="deploy-namespace"
            />
          </EuiFormRow>
        </EuiFlexItem>
      </EuiFlexGroup>
      <EuiSpacer size="m" />
      <EuiTitle size="xxs">
        <h3>AWS SAM / CloudFormation</h3>
      </EuiTitle>
      <EuiCodeBlock language="bash" isCopyable fontSize="s" data-test-subj="deploy-sam">
        {samDeployCommand(params)}
      </EuiCodeBlock>
      <EuiSpacer size="m" />
      <EuiTitle size="xxs">
        <h3>Terraform</h3>
      </EuiTitle>
      <EuiCodeBlock language="hcl" isCopyable fontSize="s" data-test-subj="deploy-terraform">
        {terraformModule(params)}
      </EuiCodeBlock>
      <EuiSpacer size="m" />
      <EuiTitle size="xxs">
        <h3>Backfill existing logs</h3>
      </EuiTitle>
      <EuiCodeBlock language="bash" isCopyable fontSize="s" data-test-subj="deploy-ship">
        {shipCommand(params)}
      </EuiCodeBlock>
    </EuiPanel>
  );
}
