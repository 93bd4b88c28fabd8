import { seriesColor } from './series_colors';

const colors = { success: 'green', danger: 'red', warning: 'amber', primary: 'blue' };

test('meaningful series get meaningful colours; the rest keep the palette', () => {
  expect(['accept', 'reject', 'success', 'failure'].map((s) => seriesColor(s, colors))).toEqual([
    'green',
    'red',
    'green',
    'red',
  ]);
  expect(['200', '301', '404', '503'].map((s) => seriesColor(s, colors))).toEqual([
    'green',
    'blue',
    'amber',
    'red',
  ]);
  expect(['ingress', 'tcp', '6000', '20'].map((s) => seriesColor(s, colors))).toEqual([
    null,
    null,
    null,
    null,
  ]);
});
