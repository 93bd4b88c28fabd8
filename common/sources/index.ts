export * from './types';
export * from './flow_log_fields';
export { VPC_FLOW_SOURCE } from './vpcflow';
export { TGW_FLOW_SOURCE } from './tgwflow';
export { ALB_SOURCE, ALB_FIELDS } from './alb';
export { NLB_SOURCE, NLB_FIELDS } from './nlb';
export { ALB_CONNECTION_SOURCE, ALB_CONNECTION_FIELDS } from './alb_connection';
export { ALL_SOURCES } from './all_sources';
