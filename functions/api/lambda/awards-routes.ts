import type { AnyRoute } from '../route';
import {
  decideComplaintRoute,
  fileComplaintRoute,
  listOpenComplaints,
  listRequestComplaints,
} from '../routes/complaints';
import { awardRequest, closeRequest, getEvaluation, getMyRanking, previewAwardRoute } from '../routes/evaluation';
import { getMatchingRun } from '../routes/matching';
import { awardSplitRoute, previewSplitRoute } from '../routes/split-award';

/** From the deadline to the award: evaluation, rankings, complaints, award previews, matching runs. */
export const awardsRoutes: readonly AnyRoute[] = [
  closeRequest,
  getMyRanking,
  fileComplaintRoute,
  listRequestComplaints,
  listOpenComplaints,
  decideComplaintRoute,
  getEvaluation,
  awardRequest,
  previewAwardRoute,
  previewSplitRoute,
  awardSplitRoute,
  getMatchingRun,
];
