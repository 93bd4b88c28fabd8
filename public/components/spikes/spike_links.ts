// What a spike becomes in the app: a marker over its window on the time-series charts, the
// words of its list entry, its fields' names, and the Discover target and page filter of its
// window and top explanation.
import type { SourceId } from '../../../common/constants';
import type {
  Spike,
  SpikeExplanation,
  SpikesResponse,
} from '../../../common/investigations/spikes';
import { fieldLabel } from '../../lib/column_labels';
import type { TimeRangeStrings } from '../../lib/discover_links';
import { andKql, fieldClause } from '../../lib/discover_links';
import { formatNumber } from '../../lib/format';
import type { DiscoverTarget } from '../../services';
import type { TimeAnnotation } from '../timeseries_chart';

/** Names of the explaining fields the shared column labels lack, or name otherwise per source. */
const SPIKE_FIELD_LABELS: Record<string, string> = {
  'aws.vpcflow.interface_id': 'Interface',
  'event.action': 'Action',
  'event.outcome': 'Outcome',
  'http.response.status_code': 'Status code',
  'aws.elb.listener': 'Listener',
};
/** On a load balancer the destination is the target and the source the client. */
const BALANCER_LABELS: Record<string, string> = {
  'destination.ip': 'Target',
  'source.ip': 'Client',
};

export function spikeFieldLabel(source: SourceId, field: string): string {
  const balancer = source === 'alb' || source === 'nlb' ? BALANCER_LABELS[field] : undefined;
  return balancer ?? SPIKE_FIELD_LABELS[field] ?? fieldLabel(field);
}

/** The spikes of an answer that belongs to `source` (an answer of another shape has none). */
export function spikesOf(data: SpikesResponse | undefined, source: SourceId): Spike[] {
  return data?.source === source && Array.isArray(data.spikes) ? data.spikes : [];
}

/** A spike's id in the app: its start (unique among the windows of one answer). */
export const spikeId = (spike: Spike): string => spike.start;

export function spikeAnnotations(spikes: readonly Spike[]): TimeAnnotation[] {
  return spikes.map((spike) => ({
    id: spikeId(spike),
    fromMs: Date.parse(spike.start),
    toMs: Date.parse(spike.end),
    details: `Spike: peak ${formatNumber(spike.peak)}, ${formatFactor(spike.factor)} the usual ${formatNumber(spike.baseline)}`,
  }));
}

/** 8.53 → "8.5×"; 142 → "142×". */
export function formatFactor(factor: number): string {
  return `${factor.toLocaleString('en-US', { maximumFractionDigits: factor < 10 ? 1 : 0 })}×`;
}

export function explanationClause(explanation: SpikeExplanation): string {
  return fieldClause(explanation.field, explanation.value);
}

export function spikeRange(spike: Spike): TimeRangeStrings {
  return { from: spike.start, to: spike.end };
}

/** Discover over the spike's window, narrowed to its top explanation and the query bar's KQL. */
export function spikeDiscoverTarget(
  source: SourceId,
  spike: Spike,
  userKql?: string
): DiscoverTarget {
  const [top] = spike.explanations;
  return {
    dataset: source,
    kql: andKql(userKql, top ? explanationClause(top) : undefined),
    ...spikeRange(spike),
  };
}
