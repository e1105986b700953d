import type { Api, FirmProfile } from '../../api';

/** How a person compares firm names: case, spacing and punctuation aside ("Gupta & Sons" is "gupta sons"). */
export const nameKey = (name: string): string =>
  name
    .toLocaleLowerCase('en-IN')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** True when a firm's name holds what the person typed, compared as `nameKey` does. */
export const matchesName = (name: string, q: string): boolean => nameKey(name).includes(nameKey(q));

/** The register's firms already named like `name` (the same `nameKey`): a second one is most likely a duplicate. */
export const sameName = (firms: readonly FirmProfile[], name: string): FirmProfile[] =>
  nameKey(name) === '' ? [] : firms.filter((f) => nameKey(f.name) === nameKey(name));

/**
 * The whole register, page by page (100 a page). An association's register is tens to a few hundred firms, so the
 * portal searches and counts it in the browser; a register of thousands would need the API to search.
 */
export async function wholeRegister(
  api: Api,
  clusterId: string,
  associationId: string,
  signal: AbortSignal,
): Promise<FirmProfile[]> {
  const all: FirmProfile[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.listFirms(clusterId, associationId, cursor, signal);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}
