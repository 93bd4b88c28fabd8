// Ids of the data views setup installs (assets/kibana), which Discover links open. A link to a
// missing id lands on Discover's default data view.
export { dataViewId } from '../../common/constants';
