import { DETECTION_IDS } from '../../../common/detections';
import { readRules, readTab, writeRules, writeTab } from './detections_params';

const G = '?_g=(time:(from:now-4h,to:now))';

describe('the Detections page in the URL', () => {
  it('reads the rules named, in the catalog’s order, ignoring unknown ones', () => {
    expect(readRules(`${G}&rules=alb_error_burst,port_scan,nope`)).toEqual([
      'port_scan',
      'alb_error_burst',
    ]);
    expect(readRules(G)).toBeUndefined();
    expect(readRules('?rules=nope')).toBeUndefined();
    expect(
      readRules(
        '?rules=port_scan,bruteforce,exposed_service,large_outbound,rejected_surge,alb_error_burst'
      )
    ).toBeUndefined();
  });

  it('writes the rules beside the other parameters; all rules leave none', () => {
    expect(writeRules(G, ['alb_error_burst', 'port_scan'])).toBe(
      `${G}&rules=port_scan,alb_error_burst`
    );
    expect(writeRules(`${G}&rules=port_scan&tab=catalog`, ['bruteforce'])).toBe(
      `${G}&tab=catalog&rules=bruteforce`
    );
    expect(writeRules(`${G}&rules=port_scan`, [...DETECTION_IDS])).toBe(G);
    expect(writeRules('?rules=port_scan', [])).toBe('');
  });

  it('round-trips the tab; findings is the default', () => {
    expect(readTab(writeTab(G, 'catalog'))).toBe('catalog');
    expect(writeTab(`${G}&tab=catalog`, 'findings')).toBe(G);
    expect(readTab('?tab=other')).toBe('findings');
  });
});
