// The only door between the app and the outside world. Kibana implements it from core and the
// share plugin (application.tsx); the standalone shell (dev/app_shell) implements it over
// fetch, so the same React tree runs in both and in the browser tests.
import type { SourceId } from '../common/constants';

export interface RequestOptions {
  /** Lets a page drop a response that a newer request made obsolete. */
  signal?: AbortSignal;
}

/** JSON over HTTP; rejects with an {@link HttpError} carrying the status and the server's message. */
export interface AppHttp {
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  delete<T>(path: string, options?: RequestOptions): Promise<T>;
}

export interface AppNotifications {
  success(title: string, text?: string): void;
  danger(title: string, text?: string): void;
}

/** What to show in Discover: the data view of one source (or all of them), a KQL and a time range. */
export interface DiscoverTarget {
  dataset: SourceId | 'all';
  /** The data view's id in this Kibana space, when it is not the one we ship. */
  dataViewId?: string;
  kql: string;
  from: string;
  to: string;
}

export interface AppNavigation {
  /** A link to Discover, or undefined when there is no Kibana (the app then shows the KQL). */
  discoverUrl(target: DiscoverTarget): string | undefined;
  openDiscover(target: DiscoverTarget): void;
  dashboardUrl?(id: string): string | undefined;
}

export interface AppKql {
  /** The syntax error's message, or undefined when the KQL parses. */
  validate(kql: string): string | undefined;
}

export interface AppTimefilterDefaults {
  from: string;
  to: string;
}

export interface AppServices {
  http: AppHttp;
  notifications: AppNotifications;
  navigation: AppNavigation;
  kql: AppKql;
  timefilter: AppTimefilterDefaults;
  /** Elasticsearch URL for the forwarder's parameters, when the host knows it. */
  esUrl?: string;
  /**
   * Whether the user may install and remove assets (Kibana: the feature's `setup` UI capability,
   * granted with the All privilege). Absent means yes (the standalone shell).
   */
  canSetup?: boolean;
}

/** Where the app is: the page in the path, the query state in the search part (`?_g=…&_a=…`). */
export interface AppLocation {
  pathname: string;
  search: string;
}

/**
 * Minimal history the app routes with: Kibana's ScopedHistory (a history v4 object: `push` and
 * `replace` take a path that may carry `?search`, listeners get the new location) and the
 * shell's both fit.
 */
export interface AppHistory {
  location: AppLocation;
  /** A new entry: going to another page. */
  push(path: string): void;
  /** The same entry, new state: the query or time changed (Back does not step through edits). */
  replace(path: string): void;
  listen(listener: (location: AppLocation) => void): () => void;
}
