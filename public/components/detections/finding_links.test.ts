import { attackUrl, scanSourceOf, troubleshootPrefill } from './finding_links';
import { BRUTEFORCE, EXPOSED_SSH, FAILING_TARGET_BURST, PORT_SCAN } from './test_fixtures';

describe('where a finding leads', () => {
  it('links techniques and sub-techniques to attack.mitre.org', () => {
    expect(attackUrl('T1046')).toBe('https://attack.mitre.org/techniques/T1046/');
    expect(attackUrl('T1110.001')).toBe('https://attack.mitre.org/techniques/T1110/001/');
  });

  it('prefills the connection doctor with the connection a finding names', () => {
    expect(troubleshootPrefill(BRUTEFORCE)).toEqual({
      values: { a: '203.0.113.77', b: '10.0.1.50', port: '22' },
    });
  });

  it('uses an exposed service’s busiest public source, and says so', () => {
    expect(troubleshootPrefill(EXPOSED_SSH)).toEqual({
      values: { a: '198.51.100.7', b: '10.0.1.50', port: '22' },
      note: '198.51.100.7 is its busiest public source',
    });
    expect(troubleshootPrefill({ ...EXPOSED_SSH, evidence: { topSources: [] } })).toBeUndefined();
  });

  it('offers no connection for findings without a destination and port', () => {
    expect(troubleshootPrefill(PORT_SCAN)).toBeUndefined();
    expect(troubleshootPrefill(FAILING_TARGET_BURST)).toBeUndefined();
  });

  it('opens the scan timeline for port scans only', () => {
    expect(scanSourceOf(PORT_SCAN)).toBe('203.0.113.66');
    expect(scanSourceOf(BRUTEFORCE)).toBeUndefined();
  });
});
