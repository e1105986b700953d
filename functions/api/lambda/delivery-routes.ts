import type { AnyRoute } from '../route';
import {
  acceptMilestoneInFull,
  answerAttendance,
  answerAttendanceOnBehalf,
  listAttendance,
  readAttendance,
} from '../routes/attendance';
import {
  acceptMilestoneRoute,
  disputeMilestoneRoute,
  getAwardMoney,
  recordPrivateShareReceipt,
  reportMilestoneRoute,
  resolveMilestoneRoute,
} from '../routes/milestones';
import { answerRatingRoute, listProviderRatings, listRequestRatings, rateMilestoneRoute } from '../routes/ratings';

/** Delivery: milestones reported, accepted, disputed, resolved, attendance, ratings, an award's money. */
export const deliveryRoutes: readonly AnyRoute[] = [
  getAwardMoney,
  reportMilestoneRoute,
  acceptMilestoneRoute,
  disputeMilestoneRoute,
  resolveMilestoneRoute,
  acceptMilestoneInFull,
  listAttendance,
  answerAttendanceOnBehalf,
  readAttendance,
  answerAttendance,
  recordPrivateShareReceipt,
  rateMilestoneRoute,
  answerRatingRoute,
  listRequestRatings,
  listProviderRatings,
];
