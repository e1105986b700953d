import type { AnyRoute } from '../route';
import {
  decideComplaintRoute,
  fileComplaintRoute,
  listOpenComplaints,
  listRequestComplaints,
} from '../routes/complaints';

/** Complaints in the stand-still: filed by a bidder, decided by an admin (out of awards to keep it ≤ 300 KB). */
export const complaintsRoutes: readonly AnyRoute[] = [
  fileComplaintRoute,
  listRequestComplaints,
  listOpenComplaints,
  decideComplaintRoute,
];
