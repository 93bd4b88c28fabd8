import { FLOW_ECS_FIELDS } from './flow_ecs_fields';
import { TGW_FLOW_DEFAULT_FIELDS } from './flow_log_fields';
import type { LogSource } from './types';

export const TGW_FLOW_SOURCE: LogSource = {
  id: 'tgwflow',
  title: 'Transit Gateway flow logs',
  recognisedBy: [
    'S3 key containing /vpcflowlogs/ with a header listing tgw-id or resource-type',
    'a line whose second field is TransitGateway',
    'CloudWatch log group whose name contains "tgw" or "transit"',
  ],
  defaultFormat: TGW_FLOW_DEFAULT_FIELDS,
  rawPrefix: 'aws.tgwflow',
  ecsFields: FLOW_ECS_FIELDS,
};
