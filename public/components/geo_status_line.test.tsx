import React from 'react';
import { render, screen } from '@testing-library/react';
import type { GeoStatus } from '../../common/geo_status';
import { GeoStatusLine } from './geo_status_line';

const status = (state: GeoStatus['state'], message: string): GeoStatus => ({
  state,
  where: 'this cluster',
  databases: [],
  message,
});

test('enabled geo is a quiet line; disabled geo is a warning naming the missing databases', () => {
  const { rerender } = render(
    <GeoStatusLine
      geo={status(
        'enabled',
        'Geo enabled: GeoLite2-City.mmdb and GeoLite2-ASN.mmdb available on this cluster.'
      )}
    />
  );
  expect(screen.getByTestId('setup-geo-status').getAttribute('data-state')).toBe('enabled');
  expect(screen.getByTestId('setup-geo-status').textContent).toContain('Geo enabled');
  rerender(
    <GeoStatusLine
      geo={status(
        'disabled',
        'Geo disabled: databases not available (GeoLite2-ASN.mmdb) on this cluster.'
      )}
    />
  );
  const line = screen.getByTestId('setup-geo-status');
  expect(line.getAttribute('data-state')).toBe('disabled');
  expect(line.textContent).toContain('databases not available (GeoLite2-ASN.mmdb)');
  expect(line.className).toMatch(/euiCallOut/);
});

test('no geo in the status (an older server) shows nothing', () => {
  const { container } = render(<GeoStatusLine />);
  expect(container.textContent).toBe('');
});
