import { parseRoute, routePath } from './routes';

describe('routes', () => {
  it('parses pages and overview tabs, defaulting what it does not know', () => {
    expect(parseRoute('/overview/alb')).toEqual({ page: 'overview', source: 'alb' });
    expect(parseRoute('/queries')).toEqual({ page: 'queries', source: 'vpcflow' });
    expect(parseRoute('/')).toEqual({ page: 'overview', source: 'vpcflow' });
    expect(parseRoute('/nope/xyz')).toEqual({ page: 'overview', source: 'vpcflow' });
  });

  it('round-trips paths', () => {
    expect(parseRoute(routePath('overview', 'nlb'))).toEqual({ page: 'overview', source: 'nlb' });
    expect(routePath('setup')).toBe('/setup');
  });
});
