import type { SourceId } from '../constants';
import { ALB_SOURCE } from './alb';
import { ALB_CONNECTION_SOURCE } from './alb_connection';
import { NLB_SOURCE } from './nlb';
import { TGW_FLOW_SOURCE } from './tgwflow';
import type { LogSource } from './types';
import { VPC_FLOW_SOURCE } from './vpcflow';

export const ALL_SOURCES: Record<SourceId, LogSource> = {
  vpcflow: VPC_FLOW_SOURCE,
  tgwflow: TGW_FLOW_SOURCE,
  alb: ALB_SOURCE,
  nlb: NLB_SOURCE,
  alb_connection: ALB_CONNECTION_SOURCE,
};
