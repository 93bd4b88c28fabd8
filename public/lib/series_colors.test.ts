import { seriesColor, shade } from './series_colors';

const names = { success: 'green', danger: 'red', warning: 'amber', primary: 'blue' };
const theme = { success: '#008a5e', danger: '#c61e25', warning: '#facb3d', primary: '#0b64dd' };

test('meaningful series get meaningful colours; the rest keep the palette', () => {
  expect(['accept', 'reject', 'success', 'failure'].map((s) => seriesColor(s, names))).toEqual([
    'green',
    'red',
    'green',
    'red',
  ]);
  expect(['200', '300', '400', '500'].map((s) => seriesColor(s, theme))).toEqual([
    theme.success,
    theme.primary,
    theme.warning,
    theme.danger,
  ]);
  expect(['ingress', 'tcp', '6000', '20'].map((s) => seriesColor(s, names))).toEqual([
    null,
    null,
    null,
    null,
  ]);
});

test('codes of one family get shades of its colour, each its own', () => {
  const codes = ['500', '502', '503', '504'];
  const reds = codes.map((c) => seriesColor(c, theme));
  expect(new Set(reds).size).toBe(codes.length);
  // Still red: the red channel stays the strongest.
  for (const hex of reds) {
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(String(hex).slice(i, i + 2), 16));
    expect(r).toBeGreaterThan(Math.max(g, b));
  }
  expect(seriesColor('301', theme)).not.toBe(seriesColor('304', theme));
  expect(seriesColor('200', theme)).not.toBe(seriesColor('201', theme));
});

test('shades mix towards white or black', () => {
  expect(shade('#000000', 0.5)).toBe('#808080');
  expect(shade('#ffffff', -0.5)).toBe('#808080');
  expect(shade('#123456', 0)).toBe('#123456');
  expect(shade('not a colour', 0.3)).toBe('not a colour');
});
