// Colours that carry meaning: an accepted flow, a success or a 2xx answer is green, a rejected
// flow, a failure or a 5xx answer red, a 4xx amber, a 3xx blue. Other series keep the chart's
// palette (null), so "accept vs reject" never comes out as two shades of one colour.
export interface SemanticColors {
  success: string;
  danger: string;
  warning: string;
  primary: string;
}

export function seriesColor(series: string, colors: SemanticColors): string | null {
  const value = series.toLowerCase();
  if (value === 'accept' || value === 'success') return colors.success;
  if (value === 'reject' || value === 'failure') return colors.danger;
  const status = /^([1-5])\d\d$/.exec(value)?.[1];
  if (status === '2') return colors.success;
  if (status === '3') return colors.primary;
  if (status === '4') return colors.warning;
  if (status === '5') return colors.danger;
  return null;
}
