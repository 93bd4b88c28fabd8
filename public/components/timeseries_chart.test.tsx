import React from 'react';
import type { SeriesPoint } from '../../common/api_types';
import { renderChart, setUpChartRendering } from '../test_helpers/chart_debug_state';
import type { ChartDebugState } from '../test_helpers/chart_debug_state';
import { TimeseriesChart } from './timeseries_chart';

setUpChartRendering();

const MINUTE = 60_000;
const T0 = Date.UTC(2024, 0, 1, 12, 0);

const point = (minute: number, series: string, value: number): SeriesPoint => ({
  time: T0 + minute * MINUTE,
  series,
  value,
});

const valueAxis = (state: ChartDebugState) => state.axes.y[0];

describe('TimeseriesChart', () => {
  it('spans the chosen range on the x axis, not only the data, and draws every bucket', async () => {
    // A 14-minute scan seen over four hours: from three hours before it to an hour after.
    const fromMs = T0 - 180 * MINUTE + 17_000;
    const toMs = T0 + 60 * MINUTE + 17_000;
    const points = [point(0, '404', 5), point(14, '404', 3), point(60, '404', 1)];
    const { state } = await renderChart(
      <TimeseriesChart
        title="Scan"
        points={points}
        fromMs={fromMs}
        toMs={toMs}
        intervalMs={2 * MINUTE}
      />
    );
    const [time] = state.axes.x;
    // Times of day only: the day layer's label sits at midnight, whatever the domain.
    const clockTicks = time.values.filter((_, i) => /^\d\d:\d\d$/.test(time.labels[i]));
    expect(clockTicks.some((value) => value <= T0 - 120 * MINUTE)).toBe(true);
    expect(clockTicks.some((value) => value >= T0 + 45 * MINUTE)).toBe(true);
    expect(state.bars[0].bars.map((bar) => bar.x)).toEqual(points.map((p) => p.time));
  });

  it('keeps the highest stack under the top tick', async () => {
    // 442 in one bucket: without a niced domain the axis would stop at a 400 tick below it.
    const points = [
      point(0, '200', 100),
      point(0, '404', 340),
      point(0, '503', 2),
      point(1, '200', 90),
    ];
    const { state } = await renderChart(<TimeseriesChart title="Status" points={points} />);
    const highest = Math.max(...valueAxis(state).values);
    expect(highest).toBeGreaterThanOrEqual(442);
    expect(valueAxis(state).labels.at(-1)).toBe('500');
  });

  it('writes a byte axis in one unit with round steps', async () => {
    const points = [
      point(0, 'accept', 97_700),
      point(1, 'accept', 4_800_000),
      point(2, 'accept', 9_500_000),
    ];
    const { state } = await renderChart(
      <TimeseriesChart title="Bytes" points={points} valueField="network.bytes" />
    );
    expect(valueAxis(state).labels).toEqual(['0 MB', '2 MB', '4 MB', '6 MB', '8 MB', '10 MB']);
  });

  it('shows whole numbers only on a count axis', async () => {
    const { state } = await renderChart(
      <TimeseriesChart title="Flows" points={[point(0, 'reject', 2), point(1, 'reject', 1)]} />
    );
    expect(valueAxis(state).labels).toEqual(['0', '1', '2']);
  });

  it('puts the legend on the right for many series, each code in its own colour', async () => {
    const codes = ['200', '301', '304', '404', '502', '503'];
    const { state, view } = await renderChart(
      <TimeseriesChart title="Status" points={codes.map((code, i) => point(i, code, 10))} />
    );
    expect(view.container.querySelector('.echLegend--right')).not.toBeNull();
    const colours = state.legend.items.map((item) => item.color.toLowerCase());
    expect(state.legend.items.map((item) => item.name).sort()).toEqual(codes);
    expect(new Set(colours).size).toBe(codes.length);
  });

  it('keeps the legend below for a few series', async () => {
    const { view } = await renderChart(
      <TimeseriesChart title="Flows" points={[point(0, 'accept', 3), point(0, 'reject', 1)]} />
    );
    expect(view.container.querySelector('.echLegend--bottom')).not.toBeNull();
  });
});
