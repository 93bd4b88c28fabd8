import { VPC_FLOW_DEFAULT_FIELDS } from '../constants';
import { FLOW_ECS_FIELDS } from './flow_ecs_fields';
import type { LogSource } from './types';

export const VPC_FLOW_SOURCE: LogSource = {
  id: 'vpcflow',
  title: 'VPC Flow Logs',
  recognisedBy: [
    'S3 key containing /vpcflowlogs/ (and no Transit Gateway fields)',
    'CloudWatch log group whose name contains "flow"',
    'a line starting with a small version number and at least 14 space-separated fields',
  ],
  defaultFormat: VPC_FLOW_DEFAULT_FIELDS,
  rawPrefix: 'aws.vpcflow',
  ecsFields: FLOW_ECS_FIELDS,
};
