// The detection catalog: every rule, in the order the app lists them.
import { albErrorBurst } from './rules/alb_error_burst';
import { bruteforce } from './rules/bruteforce';
import { exposedService } from './rules/exposed_service';
import { largeOutbound } from './rules/large_outbound';
import { portScan } from './rules/port_scan';
import { rejectedSurge } from './rules/rejected_surge';
import type { DetectionId, DetectionRule, ParamValues } from './types';

export const DETECTION_CATALOG = [
  portScan,
  bruteforce,
  exposedService,
  largeOutbound,
  rejectedSurge,
  albErrorBurst,
] as unknown as Array<DetectionRule<ParamValues>>;

export function detectionRule(id: DetectionId): DetectionRule<ParamValues> {
  const rule = DETECTION_CATALOG.find((candidate) => candidate.id === id);
  if (!rule) throw new Error(`No detection rule has the id "${id}".`);
  return rule;
}
