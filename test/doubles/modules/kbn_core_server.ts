// What `@kbn/core/server` gives the plugin at runtime, for jest (Kibana is not on npm): the
// default app categories (src/core/packages/application/common/src/default_app_categories.ts).
export const DEFAULT_APP_CATEGORIES = {
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
};
