import type { AnyRoute } from '../route';
import { getIndicators, getIndicatorsTable, getMonthlyIndicators } from '../routes/indicators';
import { downloadReleases, listReleases } from '../routes/open-data';
import { listScreenFlags, openDataScreens, reviewScreenFlagRoute } from '../routes/screens';

/** Reporting: the paper's indicators, the open-data releases and the collusion screens. */
export const reportsRoutes: readonly AnyRoute[] = [
  getIndicators,
  getMonthlyIndicators,
  getIndicatorsTable,
  listReleases,
  downloadReleases,
  listScreenFlags,
  reviewScreenFlagRoute,
  openDataScreens,
];
