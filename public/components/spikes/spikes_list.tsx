// The "Spikes" list under a time-series chart: one line per spike (when, how high against the
// usual, what stands out most); a click shows its explanation, as a click on its chart marker
// does.
import React from 'react';
import { EuiFlexGroup, EuiFlexItem, EuiLink, EuiText } from '@elastic/eui';
import moment from 'moment';
import type { SourceId } from '../../../common/constants';
import type { Spike } from '../../../common/investigations/spikes';
import { formatNumber } from '../../lib/format';
import { formatFactor, spikeFieldLabel, spikeId } from './spike_links';

/** "Mar 1, 14:00–14:10", the day repeated only when the window crosses midnight. */
export function formatWindow(spike: Pick<Spike, 'start' | 'end'>): string {
  const start = moment(spike.start);
  const end = moment(spike.end);
  const sameDay =
    start.isSame(end, 'day') || end.isSame(moment(start).add(1, 'day').startOf('day'));
  return `${start.format('MMM D, HH:mm')}–${end.format(sameDay ? 'HH:mm' : 'MMM D, HH:mm')}`;
}

export interface SpikesListProps {
  source: SourceId;
  spikes: readonly Spike[];
  selected?: string;
  onSelect(id: string): void;
  /** Why nothing was looked for (too little data), from the server. */
  note?: string;
}

export function SpikesList({ source, spikes, selected, onSelect, note }: SpikesListProps) {
  if (spikes.length === 0) {
    return (
      <EuiText size="xs" color="subdued" data-test-subj="spikes-none">
        <p>{note ?? 'No spikes: the count stays within its usual range.'}</p>
      </EuiText>
    );
  }
  return (
    <EuiText size="xs" data-test-subj="spikes-list">
      <strong>Spikes</strong>
      <ul>
        {spikes.map((spike) => {
          const [top] = spike.explanations;
          const id = spikeId(spike);
          return (
            <li key={id}>
              <EuiFlexGroup gutterSize="s" responsive={false} wrap>
                <EuiFlexItem grow={false}>
                  <EuiLink
                    onClick={() => onSelect(id)}
                    aria-pressed={selected === id}
                    data-test-subj={`spike-${id}`}
                  >
                    {selected === id ? <strong>{formatWindow(spike)}</strong> : formatWindow(spike)}
                  </EuiLink>
                </EuiFlexItem>
                <EuiFlexItem grow={false}>
                  peak {formatNumber(spike.peak)}, {formatFactor(spike.factor)} the usual{' '}
                  {formatNumber(spike.baseline)}
                  {top ? ` · ${spikeFieldLabel(source, top.field)} ${top.value}` : ''}
                </EuiFlexItem>
              </EuiFlexGroup>
            </li>
          );
        })}
      </ul>
    </EuiText>
  );
}
