export { ActivityFeed } from './ActivityFeed';
export { ClusterList } from './ClusterList';
export { Countdown } from './Countdown';
export { ErrorSummary, type SummaryItem } from './ErrorSummary';
export { Field, type FieldIds } from './Field';
export { Header } from './Header';
export { Layout } from './Layout';
export { Pledged, RequestList, StatusBadge } from './RequestList';
export { EmptyState, ErrorNotice, Loading, LoadMore, errorMessage } from './Status';
