export { useResource, type Resource } from './useResource';
export { usePaged, type Paged } from './usePaged';
export { useTitle, useNow } from './misc';
export { useCategories } from './useCategories';
