export { useResource, type Resource } from './useResource';
export { usePaged, type Paged } from './usePaged';
export { useTitle, useNow } from './misc';
export { useCategories } from './useCategories';
export { useRequireUser } from './useRequireUser';
export { useOutboxAvailable } from './useOutbox';
export { useForm, placeApiError, required, requiredMessage, fieldId, scoped, type Form, type Placed } from './useForm';
export { useUnread, inboxChanged, isUnread } from './useUnread';
