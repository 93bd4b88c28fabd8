// Top-N as horizontal bars, biggest first; clicking a bar reports its key.
import React from 'react';
import { Axis, BarSeries, Chart, Position, ScaleType, Settings } from '@elastic/charts';
import type { XYChartElementEvent } from '@elastic/charts';
import type { Bucket } from '../../common/api_types';
import { useChartsBaseTheme } from '../hooks/use_charts_base_theme';

export interface HorizontalBarChartProps {
  buckets: Bucket[];
  title: string;
  /** Plot the summed value (bytes, packets) rather than the document count. */
  useValue: boolean;
  formatValue(value: number): string;
  onSelect?(bucket: Bucket): void;
}

export function HorizontalBarChart({
  buckets,
  title,
  useValue,
  formatValue,
  onSelect,
}: HorizontalBarChartProps) {
  const baseTheme = useChartsBaseTheme();
  return (
    <Chart size={{ height: Math.max(120, buckets.length * 28 + 40) }}>
      <Settings
        ariaLabel={title}
        baseTheme={baseTheme}
        rotation={90}
        onElementClick={(elements) => {
          const [geometry] = elements[0] as XYChartElementEvent;
          if (onSelect && geometry?.datum) onSelect(geometry.datum as Bucket);
        }}
      />
      <Axis id="key" position={Position.Left} />
      <Axis id="value" position={Position.Bottom} tickFormat={formatValue} ticks={4} />
      <BarSeries
        id={title}
        name={title}
        data={buckets}
        xScaleType={ScaleType.Ordinal}
        yScaleType={ScaleType.Linear}
        xAccessor="key"
        yAccessors={[useValue ? 'value' : 'count']}
        tickFormat={formatValue}
      />
    </Chart>
  );
}
