// Short tab labels for the sources; the long titles come from common/sources.
import type { SourceId } from '../../common/constants';

export const SOURCE_TAB_LABELS: Record<SourceId, string> = {
  vpcflow: 'VPC',
  tgwflow: 'Transit Gateway',
  alb: 'ALB',
  nlb: 'NLB',
  alb_connection: 'ALB connections',
};
