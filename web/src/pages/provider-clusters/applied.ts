const KEY = 'bds.applied';

/**
 * The clusters this tab has applied to, remembered for the session: the API tells a
 * provider only that it is approved (its reach), not that an application is pending.
 */
export function readApplied(userId: string): string[] {
  try {
    const all = JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as Record<string, string[]>;
    return Array.isArray(all[userId]) ? all[userId] : [];
  } catch {
    return [];
  }
}

export function rememberApplied(userId: string, clusterId: string): void {
  try {
    const all = JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as Record<string, string[]>;
    all[userId] = [...new Set([...(all[userId] ?? []), clusterId])];
    sessionStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // Storage full or disabled: the page still works, it only forgets on reload.
  }
}
