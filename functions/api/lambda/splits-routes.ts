import type { AnyRoute } from '../route';
import { awardSplitRoute, previewSplitRoute } from '../routes/split-award';

/** A volume split across bidders: previewed, then awarded (out of awards to keep it ≤ 300 KB). */
export const splitsRoutes: readonly AnyRoute[] = [previewSplitRoute, awardSplitRoute];
