// Renders a component inside the app's providers with fake services, so component tests
// exercise real EUI markup without a server.
import React from 'react';
import { render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import { EuiProvider } from '@elastic/eui';
import { QueryStateProvider } from '../context/query_state_context';
import { RouteProvider } from '../context/route_context';
import { ServicesProvider } from '../context/services_context';
import type { AppHistory, AppLocation, AppServices } from '../services';

export interface FakeServices extends AppServices {
  http: { get: jest.Mock; post: jest.Mock; delete: jest.Mock };
  notifications: { success: jest.Mock; danger: jest.Mock };
}

export function fakeServices(overrides: Partial<AppServices> = {}): FakeServices {
  return {
    http: {
      get: jest.fn(() => new Promise(() => undefined)),
      post: jest.fn(() => new Promise(() => undefined)),
      delete: jest.fn(() => new Promise(() => undefined)),
    },
    notifications: { success: jest.fn(), danger: jest.fn() },
    navigation: { discoverUrl: () => undefined, openDiscover: jest.fn() },
    kql: { validate: () => undefined },
    timefilter: { from: 'now-24h', to: 'now' },
    ...overrides,
  } as FakeServices;
}

/**
 * An in-memory AppHistory with history v4's semantics for what the app uses (Kibana's
 * ScopedHistory wraps a history v4 object, src/core/packages/application/browser-internal/src/
 * scoped_history.ts): `push`/`replace` take a path with an optional `?search`, and notify the
 * listeners with the new location. `entries` is the stack, `pushed` what push() was given.
 */
export function memoryHistory(
  path = '/overview'
): AppHistory & { pushed: string[]; entries: AppLocation[]; back(): void } {
  const listeners = new Set<(location: AppLocation) => void>();
  const parse = (to: string): AppLocation => {
    const at = to.indexOf('?');
    return at === -1
      ? { pathname: to, search: '' }
      : { pathname: to.slice(0, at), search: to.slice(at) };
  };
  const notify = () => listeners.forEach((listener) => listener(history.location));
  const history = {
    location: parse(path),
    pushed: [] as string[],
    entries: [parse(path)],
    push(to: string) {
      history.location = parse(to);
      history.entries.push(history.location);
      history.pushed.push(to);
      notify();
    },
    replace(to: string) {
      history.location = parse(to);
      history.entries[history.entries.length - 1] = history.location;
      notify();
    },
    back() {
      if (history.entries.length < 2) return;
      history.entries.pop();
      history.location = history.entries[history.entries.length - 1];
      notify();
    },
    listen(listener: (location: AppLocation) => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  return history;
}

export function renderWithServices(
  ui: React.ReactElement,
  services: AppServices = fakeServices(),
  history: AppHistory = memoryHistory()
): RenderResult {
  return render(
    <EuiProvider colorMode="light">
      <ServicesProvider services={services}>
        <RouteProvider history={history}>
          <QueryStateProvider initialRange={services.timefilter}>{ui}</QueryStateProvider>
        </RouteProvider>
      </ServicesProvider>
    </EuiProvider>
  );
}
