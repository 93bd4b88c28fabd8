export * from './types';
export { QUERY_CATALOG } from './catalog';
export { renderQuery, kqlValue } from './render';
export { isPrivateKql, PRIVATE_RANGES } from './private_ranges';
export type { CountHeadline, Noun, QueryCountAnswer, QueryMeasure } from './measure';
export { countHeadline, nounFor, queryMeasure, SOURCE_NOUNS } from './measure';
export { checkParamValue, checkQueryParams, isIpOrCidr, PARAM_EXPECTED } from './param_values';
