import { useEffect, useState } from 'react';
import type { Api, Category } from '../api';
import { useApi } from '../api';

// The categories hardly change: fetch them once per API client and share the answer.
const cache = new WeakMap<Api, Promise<Category[]>>();

function categoriesOf(api: Api): Promise<Category[]> {
  let pending = cache.get(api);
  if (!pending) {
    pending = api.listCategories().then((r) => r.items);
    // A failure is not cached: the next page to ask tries again.
    pending.catch(() => cache.delete(api));
    cache.set(api, pending);
  }
  return pending;
}

/**
 * The service categories, and a label for a slug (the slug itself until they arrive).
 *
 * @example
 * const { categories, labelOf } = useCategories(); labelOf('it-software') // 'IT and software'
 */
export function useCategories(): { categories: Category[] | undefined; error: unknown; labelOf(slug: string): string } {
  const api = useApi();
  const [categories, setCategories] = useState<Category[] | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    let live = true;
    categoriesOf(api).then(
      (items) => live && setCategories(items),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [api]);
  const labelOf = (slug: string) => categories?.find((c) => c.slug === slug)?.label ?? slug;
  return { categories, error, labelOf };
}
