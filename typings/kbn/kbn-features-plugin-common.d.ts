/*
 * Minimal type mirror of `@kbn/features-plugin/common` (Kibana 8.16 → 9.x releases).
 *
 * Mirrors (elastic/kibana):
 *   - x-pack/platform/plugins/shared/features/common/kibana_feature.ts   (enum KibanaFeatureScope)
 *     (8.x path: x-pack/plugins/features/common/kibana_feature.ts)
 *
 * Only needed for the optional `KibanaFeatureConfig.scope` field, which is absent again from the
 * newest main sources. Note: importing this enum as a VALUE makes the plugin depend on the
 * features plugin's common code at runtime; prefer omitting `scope`.
 */
declare module '@kbn/features-plugin/common' {
  /**
   * security - The feature is available in Security Feature Privileges.
   * spaces   - The feature is available in the Spaces Visibility Toggles.
   */
  export enum KibanaFeatureScope {
    Security = 'security',
    Spaces = 'spaces',
  }
}
