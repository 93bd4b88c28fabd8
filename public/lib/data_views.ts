// Ids of the data views setup installs (assets/kibana), which Discover links open. Keep them in
// step with the saved objects: a link to a missing id lands on Discover's default data view.
import type { SourceId } from '../../common/constants';

export function dataViewId(dataset: SourceId | 'all'): string {
  return `netobs-${dataset}`;
}
