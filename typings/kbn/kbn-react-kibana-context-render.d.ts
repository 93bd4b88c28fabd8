/*
 * Minimal type mirror of `@kbn/react-kibana-context-render` (Kibana 8.19 / 9.x).
 *
 * Mirrors (elastic/kibana; 8.x path: packages/react/kibana_context/...):
 *   - src/platform/packages/shared/react/kibana_context/render/render_provider.tsx
 *       KibanaRenderContextProviderProps = Omit<KibanaRootContextProviderProps, 'globalStyles'>
 *   - src/platform/packages/shared/react/kibana_context/root/root_provider.tsx   (KibanaRootContextProviderProps)
 *   - src/platform/packages/shared/react/kibana_context/root/eui_provider.tsx    (KibanaEuiProviderProps)
 *   - src/platform/packages/shared/react/kibana_context/common/types.ts          (ThemeServiceStart shape)
 *
 * Props: REQUIRED `i18n` (CoreStart.i18n) and `theme` (CoreStart.theme); OPTIONAL `analytics`
 * (only `reportEvent` used, for the error boundary), `executionContext`, `userProfile`
 * (only `getUserProfile$`), `colorMode`, `modify` (EUI provider props), `coreEnv`, `chrome`.
 * Typical use: `<KibanaRenderContextProvider {...coreStart}>` (spreading CoreStart satisfies it).
 *
 * NOTE: in the newest 9.x sources the component is tagged `@internal` / `@deprecated` with
 * "Use RenderingService.addContext from the CoreStart contract instead" (`core.rendering.addContext`).
 */
declare module '@kbn/react-kibana-context-render' {
  import type { FC, PropsWithChildren } from 'react';
  import type {
    AnalyticsServiceStart,
    ExecutionContextStart,
    I18nStart,
    ThemeServiceStart,
    UserProfileService,
  } from '@kbn/core/public';

  export interface KibanaRenderContextProviderProps {
    /** The `I18nStart` API from `CoreStart`. */
    i18n: I18nStart;
    /** The `ThemeServiceStart` API from `CoreStart` (only `theme$` is required). */
    theme: Pick<ThemeServiceStart, 'theme$'> & Partial<Pick<ThemeServiceStart, 'getTheme'>>;
    /** The `AnalyticsServiceStart` API from `CoreStart`. */
    analytics?: Pick<AnalyticsServiceStart, 'reportEvent'>;
    /** The `ExecutionContextStart` API from `CoreStart`. */
    executionContext?: ExecutionContextStart;
    /** The `UserProfileService` from `CoreStart`. */
    userProfile?: Pick<UserProfileService, 'getUserProfile$'>;
    /** EuiProvider `colorMode` (simplified) */
    colorMode?: 'light' | 'dark' | 'LIGHT' | 'DARK' | 'inverse' | 'INVERSE';
    /** EuiProvider `modify` (simplified) */
    modify?: Record<string, unknown>;
  }

  export const KibanaRenderContextProvider: FC<PropsWithChildren<KibanaRenderContextProviderProps>>;
}
