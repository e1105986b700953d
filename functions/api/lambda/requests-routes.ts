import type { AnyRoute } from '../route';
import { moveRequestDeadline } from '../routes/deadline';
import { listMyOpenRequests, listProgrammeOpenRequests } from '../routes/me';
import {
  cancelRequest,
  getRequest,
  joinRequest,
  listCategories,
  listRequests,
  postRequest,
  publishRequest,
} from '../routes/requests';

/** Requests: posting, publishing, joining, cancelling, moving the deadline, and each role's open requests. */
export const requestsRoutes: readonly AnyRoute[] = [
  listCategories,
  postRequest,
  publishRequest,
  listRequests,
  listMyOpenRequests,
  listProgrammeOpenRequests,
  getRequest,
  cancelRequest,
  joinRequest,
  moveRequestDeadline,
];
