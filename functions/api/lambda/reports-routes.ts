import type { AnyRoute } from '../route';
import { getIndicators, getIndicatorsTable, getMonthlyIndicators } from '../routes/indicators';
import { downloadReleases, listReleases } from '../routes/open-data';

/** Reporting: the paper's indicators and the open-data releases. */
export const reportsRoutes: readonly AnyRoute[] = [
  getIndicators,
  getMonthlyIndicators,
  getIndicatorsTable,
  listReleases,
  downloadReleases,
];
