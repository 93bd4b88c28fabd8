// Stacked bars over time, one colour per series (accept/reject, status code…). Clicking a bar
// reports its series and bucket start so the caller can open exactly those documents.
import React from 'react';
import {
  Axis,
  BarSeries,
  Chart,
  Position,
  RectAnnotation,
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
import { chartDebugState } from '../lib/chart_debug';
import { stackedMax, timeDomain, VALUE_TICKS, valueAxisFormat } from '../lib/chart_axes';
import { formatMetric, metricKind } from '../lib/format';
import { seriesColor } from '../lib/series_colors';

const formatTooltipTime = (time: number) => moment(time).format('YYYY-MM-DD HH:mm');

/** A time window marked over the bars (a spike), clickable where the caller listens. */
export interface TimeAnnotation {
  id: string;
  fromMs: number;
  toMs: number;
  /** Shown when the pointer is over the marker. */
  details?: string;
}

const ANNOTATION_PREFIX = 'annotation-';

export interface TimeseriesChartProps {
  points: SeriesPoint[];
  title: string;
  /** The summed field when the values are not counts: `*bytes` fields get a byte axis. */
  valueField?: string;
  /** Tooltip values; by default the value field's format (bytes or a number). */
  formatValue?(value: number): string;
  /** The range the server searched and its bucket size: the x axis spans all of it. */
  fromMs?: number;
  toMs?: number;
  intervalMs?: number;
  onSelect?(point: SeriesPoint): void;
  height?: number;
  /** Windows shaded over the bars; a click on one reports its id. */
  annotations?: TimeAnnotation[];
  onAnnotationClick?(id: string): void;
}

export function TimeseriesChart({
  points,
  title,
  valueField,
  formatValue = (value) => formatMetric(value, valueField),
  fromMs,
  toMs,
  intervalMs,
  onSelect,
  height = 220,
  annotations = [],
  onAnnotationClick,
}: TimeseriesChartProps) {
  const baseTheme = useChartsBaseTheme();
  const { euiTheme } = useEuiTheme();
  const times = points.map((p) => p.time);
  const domain =
    fromMs !== undefined && toMs !== undefined && intervalMs
      ? timeDomain(fromMs, toMs, intervalMs)
      : undefined;
  const formatTime = niceTimeFormatter(
    domain ? [domain.min, domain.max] : [Math.min(...times), Math.max(...times)]
  );
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
        xDomain={domain}
        debugState={chartDebugState()}
        onElementClick={(elements) => {
          const [geometry] = elements[0] as XYChartElementEvent;
          if (onSelect && geometry?.datum) onSelect(geometry.datum as SeriesPoint);
        }}
        onAnnotationClick={({ rects }) => {
          const [rect] = rects;
          if (onAnnotationClick && rect)
            onAnnotationClick(String(rect.id).slice(ANNOTATION_PREFIX.length));
        }}
      />
      {/* The bucket's date and time in the tooltip, whatever the axis shows. */}
      <Tooltip headerFormatter={({ value }) => formatTooltipTime(Number(value))} />
      <Axis id="time" position={Position.Bottom} tickFormat={formatTime} />
      {/* Whole counts and whole bytes: no 0.5 ticks. */}
      <Axis
        id="value"
        position={Position.Left}
        tickFormat={valueAxisFormat(metricKind(valueField), stackedMax(points))}
        ticks={VALUE_TICKS}
        maximumFractionDigits={0}
      />
      <BarSeries
        id={title}
        name={(series) => String(series.splitAccessors.get('series') ?? title)}
        data={points}
        xScaleType={ScaleType.Time}
        yScaleType={ScaleType.Linear}
        // The stack's top is the domain's niced top, which is also the last tick: the highest
        // bar ends on a gridline instead of rising past the top label.
        yNice
        enableHistogramMode
        xAccessor="time"
        yAccessors={['value']}
        splitSeriesAccessors={['series']}
        stackAccessors={['time']}
        tickFormat={formatValue}
        color={(series) =>
          seriesColor(String(series.splitAccessors.get('series') ?? ''), euiTheme.colors)
        }
      />
      {annotations.map((annotation) => (
        <RectAnnotation
          key={annotation.id}
          id={`${ANNOTATION_PREFIX}${annotation.id}`}
          dataValues={[
            {
              coordinates: { x0: annotation.fromMs, x1: annotation.toMs },
              details: annotation.details,
            },
          ]}
          style={{ fill: euiTheme.colors.danger, opacity: 0.15 }}
        />
      ))}
    </Chart>
  );
}
