/*
 * Minimal type mirror of `@kbn/features-plugin/server` (Kibana 8.19 / 9.x).
 *
 * Mirrors (elastic/kibana; 8.x path: x-pack/plugins/features/...):
 *   - x-pack/platform/plugins/shared/features/server/plugin.ts                    (FeaturesPluginSetup.registerKibanaFeature)
 *   - x-pack/platform/plugins/shared/features/common/kibana_feature.ts            (KibanaFeatureConfig)
 *   - x-pack/platform/plugins/shared/features/common/feature_kibana_privileges.ts (FeatureKibanaPrivileges)
 *   - x-pack/platform/packages/shared/kbn-licensing-types (LicenseType)
 *   - x-pack/platform/plugins/shared/features/common/alerting_kibana_privilege.ts (AlertingKibanaPrivilege)
 *
 * `alerting` entries are rule type ids up to 8.17 and `{ ruleTypeId, consumers }` from 8.18/9.0
 * (PR #183756); both shapes are declared, and plugin.ts picks the running Kibana's
 * (server/lib/alerting/kibana_version.ts).
 *
 * `scope?: readonly KibanaFeatureScope[]` exists in 8.16 → 9.x releases as an OPTIONAL field and is gone
 * from the newest main sources; omit it for cross-version compatibility.
 *
 * `api` privileges are what route `security.authz.requiredPrivileges` are checked against
 * (the security plugin maps each to the action `api:<privilege>`).
 */
declare module '@kbn/features-plugin/server' {
  import type { AppCategory } from '@kbn/core/server';
  import type { KibanaFeatureScope } from '@kbn/features-plugin/common';

  export type LicenseType = 'basic' | 'standard' | 'gold' | 'platinum' | 'enterprise' | 'trial';

  export type AlertingKibanaPrivilege =
    readonly string[] | ReadonlyArray<{ ruleTypeId: string; consumers: readonly string[] }>;

  export interface FeatureKibanaPrivilegesAlerting {
    rule?: { all?: AlertingKibanaPrivilege; read?: AlertingKibanaPrivilege };
    alert?: { all?: AlertingKibanaPrivilege; read?: AlertingKibanaPrivilege };
  }

  export interface FeatureKibanaPrivileges {
    excludeFromBasePrivileges?: boolean;
    requireAllSpaces?: boolean;
    disabled?: boolean;
    management?: { [sectionId: string]: readonly string[] };
    catalogue?: readonly string[];
    /** Route-level privileges: routes declare `security.authz.requiredPrivileges: ['<name>']`. */
    api?: readonly string[];
    app?: readonly string[];
    savedObject: {
      all: readonly string[];
      read: readonly string[];
    };
    /** UI capabilities, namespaced by feature id: `capabilities.<featureId>.<ui>` */
    ui: readonly string[];
    alerting?: FeatureKibanaPrivilegesAlerting;
  }

  export interface KibanaFeatureConfig {
    id: string;
    name: string;
    description?: string;
    category: AppCategory;
    order?: number;
    excludeFromBasePrivileges?: boolean;
    minimumLicense?: LicenseType;
    app: readonly string[];
    management?: { [sectionId: string]: readonly string[] };
    catalogue?: readonly string[];
    /** Every rule type (and consumer) some privilege grants. */
    alerting?: AlertingKibanaPrivilege;
    privileges: {
      all: FeatureKibanaPrivileges;
      read: FeatureKibanaPrivileges;
    } | null;
    privilegesTooltip?: string;
    hidden?: boolean;
    /** 8.16 → 9.x only (optional); removed in newest main. */
    scope?: readonly KibanaFeatureScope[];
  }

  export interface FeaturesPluginSetup {
    registerKibanaFeature(feature: KibanaFeatureConfig): void;
  }
}
