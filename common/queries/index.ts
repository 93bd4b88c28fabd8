export * from './types';
export { QUERY_CATALOG } from './catalog';
export { renderQuery, kqlValue } from './render';
export { isPrivateKql, PRIVATE_RANGES } from './private_ranges';
