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

/** Delivery: milestones reported, accepted, disputed, resolved, attendance, an award's money. */
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
];
