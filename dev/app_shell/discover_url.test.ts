import { kibanaDiscoverUrl, risonString } from './discover_url';

describe('kibanaDiscoverUrl', () => {
  it('escapes rison strings', () => {
    expect(risonString("it's!")).toBe("'it!'s!!'");
  });

  it('encodes time range, data view and KQL as Discover state', () => {
    const url = kibanaDiscoverUrl('http://kibana:5601/', {
      dataset: 'vpcflow',
      kql: 'source.ip: "10.0.0.1"',
      from: 'now-24h',
      to: 'now',
    });
    expect(url.startsWith('http://kibana:5601/app/discover#/?_g=')).toBe(true);
    const params = new URLSearchParams(url.split('#/?')[1]);
    expect(params.get('_g')).toBe("(time:(from:'now-24h',to:'now'))");
    expect(params.get('_a')).toBe(
      "(dataSource:(dataViewId:'netobs-vpcflow',type:dataView),query:(language:kuery,query:'source.ip: \"10.0.0.1\"'))"
    );
  });
});
