// Colours that carry meaning: an accepted flow, a success or a 2xx answer is green, a rejected
// flow, a failure or a 5xx answer red, a 4xx amber, a 3xx blue. Within a family each status
// code gets its own shade (502 and 503 must not look alike), from the code itself, so a code
// keeps its colour whatever else the chart shows. Other series keep the chart's palette (null),
// so "accept vs reject" never comes out as two shades of one colour.
export interface SemanticColors {
  success: string;
  danger: string;
  warning: string;
  primary: string;
}

/** Shades for the codes of a family: x00 is the theme colour, then lighter and darker steps. */
const SHADES = [0, 0.35, -0.3, 0.6, -0.5, 0.2, -0.15, 0.75, -0.65];

function hexToRgb(hex: string): [number, number, number] | undefined {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return undefined;
  const n = Number.parseInt(match[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** `hex` mixed towards white (amount > 0) or black (amount < 0). */
export function shade(hex: string, amount: number): string {
  const rgb = hexToRgb(hex);
  if (!rgb || amount === 0) return hex;
  const target = amount > 0 ? 255 : 0;
  const mixed = rgb.map((c) => Math.round(c + (target - c) * Math.abs(amount)));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

export function seriesColor(series: string, colors: SemanticColors): string | null {
  const value = series.toLowerCase();
  if (value === 'accept' || value === 'success') return colors.success;
  if (value === 'reject' || value === 'failure') return colors.danger;
  const match = /^([1-5])(\d\d)$/.exec(value);
  if (!match) return null;
  const family = {
    '2': colors.success,
    '3': colors.primary,
    '4': colors.warning,
    '5': colors.danger,
  }[match[1]];
  if (!family) return null;
  return shade(family, SHADES[Number(match[2]) % SHADES.length]);
}
