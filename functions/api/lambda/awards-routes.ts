import type { AnyRoute } from '../route';
import { awardRequest, closeRequest, getEvaluation, getMyRanking, previewAwardRoute } from '../routes/evaluation';
import { getMatchingRun } from '../routes/matching';

/** From the deadline to the award: evaluation, rankings, award previews, matching runs (complaints, splits apart). */
export const awardsRoutes: readonly AnyRoute[] = [
  closeRequest,
  getMyRanking,
  getEvaluation,
  awardRequest,
  previewAwardRoute,
  getMatchingRun,
];
