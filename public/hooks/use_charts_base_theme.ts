// Elastic Charts' base theme matching EUI's colour mode (Kibana does the same through
// @kbn/charts-theme, which the app cannot import outside Kibana).
import { DARK_THEME, LIGHT_THEME } from '@elastic/charts';
import type { Theme } from '@elastic/charts';
import { useEuiTheme } from '@elastic/eui';

export function useChartsBaseTheme(): Theme {
  const { colorMode } = useEuiTheme();
  return colorMode === 'DARK' ? DARK_THEME : LIGHT_THEME;
}
