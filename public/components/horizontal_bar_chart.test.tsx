import React from 'react';
import { renderChart, setUpChartRendering } from '../test_helpers/chart_debug_state';
import { niceMax } from '../lib/chart_axes';
import { HorizontalBarChart } from './horizontal_bar_chart';

setUpChartRendering();

describe('HorizontalBarChart', () => {
  it('writes summed bytes in one unit, with the longest bar inside the axis', async () => {
    const buckets = [
      { key: '10.0.1.10', count: 40, value: 9_500_000 },
      { key: '10.0.1.11', count: 30, value: 4_800_000 },
      { key: '10.0.1.12', count: 3, value: 97_700 },
    ];
    const { state } = await renderChart(
      <HorizontalBarChart
        title="Top talkers"
        buckets={buckets}
        useValue
        valueField="network.bytes"
      />
    );
    const [axis] = state.axes.y;
    expect(axis.labels).toEqual(['0 MB', '2 MB', '4 MB', '6 MB', '8 MB', '10 MB']);
    expect(Math.max(...axis.values)).toBeGreaterThanOrEqual(9_500_000);
  });

  it('counts in whole numbers', async () => {
    const buckets = [
      { key: '/admin', count: 2 },
      { key: '/.env', count: 1 },
    ];
    const { state } = await renderChart(
      <HorizontalBarChart title="Top 404 paths" buckets={buckets} useValue={false} />
    );
    expect(state.axes.y[0].labels).toEqual(['0', '1', '2']);
  });

  // The unit of a byte axis is chosen from niceMax; it must be the top the chart really draws.
  it.each([440, 950_000, 1010, 7, 123_456_789])(
    'ends the axis where niceMax says (%p)',
    async (max) => {
      const buckets = [{ key: 'a', count: max }];
      const { state } = await renderChart(
        <HorizontalBarChart title="Top" buckets={buckets} useValue={false} />
      );
      expect(Math.max(...state.axes.y[0].values)).toBe(niceMax(max));
    }
  );
});
