// The data views the plugin installs: one per source and one for all network data, with
// stable ids that saved searches, dashboards and the app's Discover links refer to.
import { ALL_SOURCES_PATTERN, dataStreamName, dataViewId } from '../../common/constants';
import { ALL_SOURCES } from '../../common/sources';

export interface DataViewSpec {
  id: string;
  /** The index pattern. */
  title: string;
  /** The name Kibana shows. */
  name: string;
}

export const DATA_VIEWS: DataViewSpec[] = [
  { id: dataViewId('all'), title: ALL_SOURCES_PATTERN, name: 'AWS network: all sources' },
  ...Object.values(ALL_SOURCES).map((source) => ({
    id: dataViewId(source.id),
    title: dataStreamName(source.id, '*'),
    name: `AWS network: ${source.title}`,
  })),
];
