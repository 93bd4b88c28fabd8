export * from './types';
export { DETECTION_CATALOG, detectionRule } from './catalog';
export { entityKey, ruleParams, sortFindings } from './findings';
