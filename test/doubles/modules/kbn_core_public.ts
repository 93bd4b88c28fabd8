// @kbn/core/public at run time, for tests that load public/plugin.ts: the one value it imports.
// Follows src/core/packages/application/common/src/default_app_categories.ts (the category the
// app registers under; ids, labels, icons and orders as Kibana defines them).
export const DEFAULT_APP_CATEGORIES = Object.freeze({
  kibana: { id: 'kibana', label: 'Analytics', euiIconType: 'logoKibana', order: 1000 },
  enterpriseSearch: {
    id: 'enterpriseSearch',
    label: 'Search',
    order: 2000,
    euiIconType: 'logoEnterpriseSearch',
  },
  observability: {
    id: 'observability',
    label: 'Observability',
    euiIconType: 'logoObservability',
    order: 3000,
  },
  security: { id: 'securitySolution', label: 'Security', order: 4000, euiIconType: 'logoSecurity' },
  management: { id: 'management', label: 'Management', order: 5000, euiIconType: 'managementApp' },
});
