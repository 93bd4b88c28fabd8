import { DETECTION_CATALOG } from '../../../common/detections';
import { entityRows, EVIDENCE_LABELS, evidenceRows, labelFromKey } from './evidence_labels';
import { FAILING_TARGET_BURST, PORT_SCAN } from './test_fixtures';

describe('evidence labels', () => {
  it('labels and formats every figure of a port scan, in the rule’s order', () => {
    expect(evidenceRows(PORT_SCAN).map(({ label, text }) => [label, text])).toEqual([
      ['Kind of scan', 'Vertical: many ports of one host'],
      ['Flows from the source', '4,096'],
      ['Distinct destination ports', '1,024'],
      ['Distinct destination hosts', '4'],
      ['Share of its flows rejected', '99.9%'],
      ['Most probed ports', '1, 2, 3, 4, 5'],
      ['Ports that answered (accepted)', '443'],
    ]);
    // The raw value rides along for data attributes.
    expect(evidenceRows(PORT_SCAN).find((row) => row.key === 'rejectedShare')?.raw).toBe('0.999');
  });

  it('reads one key per rule: "kind" of a load-balancer burst is its error class', () => {
    const kind = evidenceRows(FAILING_TARGET_BURST).find((row) => row.key === 'kind');
    expect(kind).toEqual(
      expect.objectContaining({
        label: 'Errors',
        text: 'Server errors (5xx) answered for this target',
      })
    );
    expect(evidenceRows(FAILING_TARGET_BURST).find((row) => row.key === 'share')?.text).toBe('50%');
  });

  it('formats bytes, minutes and empty lists', () => {
    const rows = evidenceRows({
      rule: 'large_outbound',
      evidence: { bytes: 240_000_000, flows: 3 },
    });
    expect(rows.map((row) => row.text)).toEqual(['240 MB', '3']);
    const surge = evidenceRows({
      rule: 'rejected_surge',
      evidence: { rejects: 500, bucketMinutes: 5, topSources: [] },
    });
    expect(surge.map((row) => row.text)).toEqual(['500', '5 min', 'none']);
  });

  it('still shows a figure it has no label for, named after its key, last', () => {
    const rows = evidenceRows({
      rule: 'bruteforce',
      evidence: { newFigure: 7, attempts: 80 },
    });
    expect(rows.map((row) => [row.label, row.text])).toEqual([
      ['Short sessions (attempts)', '80'],
      ['New figure', '7'],
    ]);
    expect(labelFromKey('distinctPublicSources')).toBe('Distinct public sources');
  });

  it('has labels for every rule of the catalog', () => {
    for (const rule of DETECTION_CATALOG)
      expect(Object.keys(EVIDENCE_LABELS[rule.id]).length).toBeGreaterThan(0);
  });

  it('labels entity fields and keeps their ECS names', () => {
    expect(entityRows({ 'destination.ip': '10.0.1.50', 'destination.port': 22 })).toEqual([
      { key: 'destination.ip', label: 'Destination', text: '10.0.1.50', raw: '10.0.1.50' },
      { key: 'destination.port', label: 'Port', text: '22', raw: '22' },
    ]);
  });
});
