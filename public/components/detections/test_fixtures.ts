// Findings shaped as the route answers them on the sample (see test/detections for the route's
// real answers), shared by the Detections components' tests.
import type { Finding } from '../../../common/detections';
import { DETECTION_IDS } from '../../../common/detections';
import type { DetectionsAnswer } from '../../pages/detections_page';

export const T0 = Date.UTC(2024, 2, 1, 14, 0);
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

export const EXPOSED_SSH: Finding = {
  rule: 'exposed_service',
  severity: 'high',
  title: 'Sensitive service exposed to the internet',
  entity: { 'destination.ip': '10.0.1.50', 'destination.port': 22 },
  firstSeen: at(0),
  lastSeen: at(170),
  evidence: {
    acceptedFlows: 34,
    distinctPublicSources: 33,
    topSources: ['198.51.100.7', '192.0.2.14'],
  },
  summary: '33 public addresses accepted on 10.0.1.50:22',
  kql: 'event.action: "accept" and destination.ip: "10.0.1.50" and destination.port: 22 and not source.ip: (10.0.0.0/8)',
};

export const FAILING_TARGET_BURST: Finding = {
  rule: 'alb_error_burst',
  severity: 'high',
  title: 'Burst of load-balancer errors',
  entity: { 'destination.ip': '10.0.1.13' },
  firstSeen: at(90),
  lastSeen: at(180),
  evidence: {
    kind: '5xx',
    requests: 540,
    errors: 270,
    share: 0.5,
    codes: ['502', '503'],
    topPaths: ['/api/cart'],
  },
  summary: '270 5xx of 540 requests (50.0%) from this target',
  kql: 'destination.ip: "10.0.1.13" and http.response.status_code >= 500 and http.response.status_code < 600',
};

export const BRUTEFORCE: Finding = {
  rule: 'bruteforce',
  severity: 'high',
  title: 'Brute force on a login service',
  entity: { 'source.ip': '203.0.113.77', 'destination.ip': '10.0.1.50', 'destination.port': 22 },
  firstSeen: at(60),
  lastSeen: at(113),
  evidence: { attempts: 80, accepted: 2, rejected: 78 },
  summary: '80 short sessions to 10.0.1.50:22 (2 accepted)',
  kql: 'source.ip: "203.0.113.77" and destination.ip: "10.0.1.50" and destination.port: 22 and network.packets <= 30',
};

export const PORT_SCAN: Finding = {
  rule: 'port_scan',
  severity: 'medium',
  title: 'Port scan',
  entity: { 'source.ip': '203.0.113.66' },
  firstSeen: at(60),
  lastSeen: at(85),
  evidence: {
    kind: 'vertical',
    flows: 4096,
    distinctPorts: 1024,
    distinctHosts: 4,
    rejectedShare: 0.999,
    topPorts: ['1', '2', '3', '4', '5'],
    answeredPorts: ['443'],
  },
  summary: '1,024 ports on 4 hosts, 99.9% rejected; answered on 443',
  kql: 'source.ip: "203.0.113.66"',
};

export const ANSWER: DetectionsAnswer = {
  findings: [EXPOSED_SSH, FAILING_TARGET_BURST, BRUTEFORCE, PORT_SCAN],
  rules: [...DETECTION_IDS],
};
