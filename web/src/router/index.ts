export { matchRoute, paths, type Route } from './routes';
export { navigate, useLocation } from './history';
export { Link } from './Link';
