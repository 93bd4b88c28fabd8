import { OVERVIEW_SPECS } from '../../server/lib/analytics/overview_specs';
import { SOURCE_IDS } from '../../common/constants';
import { COUNT_NOUNS, fieldLabel } from './column_labels';

test('every field an overview panel groups or sums by has a human column name', () => {
  const fields = SOURCE_IDS.flatMap((source) =>
    OVERVIEW_SPECS[source].panels.flatMap((panel) =>
      ['field' in panel ? panel.field : undefined, 'sum' in panel ? panel.sum : undefined].filter(
        (f): f is string => typeof f === 'string'
      )
    )
  );
  expect(fields.length).toBeGreaterThan(10);
  for (const field of fields) expect(fieldLabel(field)).not.toBe(field);
});

test('counts are named by what a document of the source is', () => {
  expect(COUNT_NOUNS).toEqual({
    vpcflow: 'Flows',
    tgwflow: 'Flows',
    alb: 'Requests',
    alb_connection: 'Connections',
    nlb: 'Connections',
  });
  expect(fieldLabel(undefined)).toBe('Value');
  expect(fieldLabel('some.unknown')).toBe('some.unknown');
});
