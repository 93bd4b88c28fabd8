// Stacked bars over time, one colour per series (accept/reject, status code…). Clicking a bar
// reports its series and bucket start so the caller can open exactly those documents.
import React from 'react';
import {
  Axis,
  BarSeries,
  Chart,
  Position,
  ScaleType,
  Settings,
  Tooltip,
  niceTimeFormatter,
} from '@elastic/charts';
import type { XYChartElementEvent } from '@elastic/charts';
import { useEuiTheme } from '@elastic/eui';
import moment from 'moment';
import type { SeriesPoint } from '../../common/api_types';
import { useChartsBaseTheme } from '../hooks/use_charts_base_theme';
import { seriesColor } from '../lib/series_colors';

const formatTooltipTime = (time: number) => moment(time).format('YYYY-MM-DD HH:mm');

export interface TimeseriesChartProps {
  points: SeriesPoint[];
  title: string;
  formatValue(value: number): string;
  onSelect?(point: SeriesPoint): void;
  height?: number;
}

export function TimeseriesChart({
  points,
  title,
  formatValue,
  onSelect,
  height = 220,
}: TimeseriesChartProps) {
  const baseTheme = useChartsBaseTheme();
  const { euiTheme } = useEuiTheme();
  const times = points.map((p) => p.time);
  const formatTime = niceTimeFormatter([Math.min(...times), Math.max(...times)]);
  // Many series (status codes) get the legend on the right, where it scrolls instead of being
  // clipped under the bars.
  const seriesCount = new Set(points.map((p) => p.series)).size;
  return (
    <Chart size={{ height }}>
      <Settings
        ariaLabel={title}
        baseTheme={baseTheme}
        showLegend
        legendPosition={seriesCount > 3 ? Position.Right : Position.Bottom}
        onElementClick={(elements) => {
          const [geometry] = elements[0] as XYChartElementEvent;
          if (onSelect && geometry?.datum) onSelect(geometry.datum as SeriesPoint);
        }}
      />
      {/* The bucket's date and time in the tooltip, whatever the axis shows. */}
      <Tooltip headerFormatter={({ value }) => formatTooltipTime(Number(value))} />
      <Axis id="time" position={Position.Bottom} tickFormat={formatTime} />
      <Axis id="value" position={Position.Left} tickFormat={formatValue} ticks={4} />
      <BarSeries
        id={title}
        name={(series) => String(series.splitAccessors.get('series') ?? title)}
        data={points}
        xScaleType={ScaleType.Time}
        yScaleType={ScaleType.Linear}
        xAccessor="time"
        yAccessors={['value']}
        splitSeriesAccessors={['series']}
        stackAccessors={['time']}
        tickFormat={formatValue}
        color={(series) =>
          seriesColor(String(series.splitAccessors.get('series') ?? ''), euiTheme.colors)
        }
      />
    </Chart>
  );
}
