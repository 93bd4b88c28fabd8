import type { SpikesResponse } from '../../../common/investigations/spikes';
import {
  formatFactor,
  spikeAnnotations,
  spikeDiscoverTarget,
  spikeFieldLabel,
  spikesOf,
} from './spike_links';
import { SPIKE } from './test_fixtures';

describe('spike links', () => {
  it("opens Discover over the spike's window, its top value and the query bar's KQL", () => {
    expect(spikeDiscoverTarget('vpcflow', SPIKE, 'event.action: reject or a: 1')).toEqual({
      dataset: 'vpcflow',
      kql: '(event.action: reject or a: 1) and source.ip: "198.51.100.7"',
      from: '2003-03-01T02:00:00.000Z',
      to: '2003-03-01T02:10:00.000Z',
    });
    expect(spikeDiscoverTarget('alb', { ...SPIKE, explanations: [] })).toEqual({
      dataset: 'alb',
      kql: '',
      from: SPIKE.start,
      to: SPIKE.end,
    });
  });

  it('marks each spike over its window, by its start', () => {
    expect(spikeAnnotations([SPIKE])).toEqual([
      {
        id: SPIKE.start,
        fromMs: Date.UTC(2003, 2, 1, 2, 0),
        toMs: Date.UTC(2003, 2, 1, 2, 10),
        details: 'Spike: peak 340, 8.5× the usual 40',
      },
    ]);
  });

  it('reads spikes only from an answer about the source', () => {
    const answer = { source: 'vpcflow', spikes: [SPIKE] } as SpikesResponse;
    expect(spikesOf(answer, 'vpcflow')).toEqual([SPIKE]);
    expect(spikesOf(answer, 'alb')).toEqual([]);
    // The overview's answer (no spikes array) where a fake server answers everything alike.
    expect(spikesOf({ source: 'vpcflow' } as SpikesResponse, 'vpcflow')).toEqual([]);
    expect(spikesOf(undefined, 'vpcflow')).toEqual([]);
  });

  it('names fields in words, the load balancers’ destination as their target', () => {
    expect(spikeFieldLabel('vpcflow', 'aws.vpcflow.interface_id')).toBe('Interface');
    expect(spikeFieldLabel('vpcflow', 'destination.ip')).toBe('Destination IP');
    expect(spikeFieldLabel('alb', 'destination.ip')).toBe('Target');
    expect(spikeFieldLabel('nlb', 'source.ip')).toBe('Client');
    expect(spikeFieldLabel('alb', 'http.response.status_code')).toBe('Status code');
  });

  it('writes factors with one decimal under ten', () => {
    expect(formatFactor(8.53)).toBe('8.5×');
    expect(formatFactor(142.4)).toBe('142×');
  });
});
