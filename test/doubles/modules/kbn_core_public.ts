// @kbn/core/public at run time, for tests that load public/plugin.ts: the one value it imports,
// the same default app categories as the server side exports
// (src/core/packages/application/common/src/default_app_categories.ts).
export { DEFAULT_APP_CATEGORIES } from './kbn_core_server';
