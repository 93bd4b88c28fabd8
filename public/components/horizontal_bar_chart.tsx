// Top-N as horizontal bars, biggest first; clicking a bar reports its key.
import React from 'react';
import { Axis, BarSeries, Chart, Position, ScaleType, Settings } from '@elastic/charts';
import type { XYChartElementEvent } from '@elastic/charts';
import type { Bucket } from '../../common/api_types';
import { useChartsBaseTheme } from '../hooks/use_charts_base_theme';
import { chartDebugState } from '../lib/chart_debug';
import { VALUE_TICKS, valueAxisFormat } from '../lib/chart_axes';
import { formatMetric, metricKind } from '../lib/format';

export interface HorizontalBarChartProps {
  buckets: Bucket[];
  title: string;
  /** Plot the summed value (bytes, packets) rather than the document count. */
  useValue: boolean;
  /** The summed field, when `useValue`: `*bytes` fields get a byte axis. */
  valueField?: string;
  /** Tooltip values; by default the value field's format (bytes or a number). */
  formatValue?(value: number): string;
  onSelect?(bucket: Bucket): void;
}

export function HorizontalBarChart({
  buckets,
  title,
  useValue,
  valueField,
  formatValue = (value) => formatMetric(value, useValue ? valueField : undefined),
  onSelect,
}: HorizontalBarChartProps) {
  const baseTheme = useChartsBaseTheme();
  const values = buckets.map((bucket) => (useValue ? (bucket.value ?? 0) : bucket.count));
  const kind = useValue ? metricKind(valueField) : 'count';
  return (
    <Chart size={{ height: Math.max(120, buckets.length * 28 + 40) }}>
      <Settings
        ariaLabel={title}
        baseTheme={baseTheme}
        rotation={90}
        debugState={chartDebugState()}
        onElementClick={(elements) => {
          const [geometry] = elements[0] as XYChartElementEvent;
          if (onSelect && geometry?.datum) onSelect(geometry.datum as Bucket);
        }}
      />
      <Axis id="key" position={Position.Left} />
      <Axis
        id="value"
        position={Position.Bottom}
        tickFormat={valueAxisFormat(kind, Math.max(0, ...values))}
        ticks={VALUE_TICKS}
        maximumFractionDigits={0}
      />
      <BarSeries
        id={title}
        name={title}
        data={buckets}
        xScaleType={ScaleType.Ordinal}
        yScaleType={ScaleType.Linear}
        yNice
        xAccessor="key"
        yAccessors={[useValue ? 'value' : 'count']}
        tickFormat={formatValue}
      />
    </Chart>
  );
}
