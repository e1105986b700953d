import type { AnyRoute } from '../route';
import { listDeadLetters, redriveDeadLetters } from './admin';
import { listActivity } from './activity';
import {
  changePassword,
  confirmPasswordReset,
  listMySessions,
  listSecurityEvents,
  requestPasswordReset,
  revokeMySession,
  setUserStatus,
} from './account';
import { demoAccounts, jwks, me, refresh, signIn, signOut } from './auth';
import { acceptInvitationRoute, invite, outbox, previewInvitation } from './invitations';
import { createCluster, getClusterPolicy, putClusterPolicy, setClusterStatus } from './onboarding';
import { exportAuditCsv, listAudit } from './audit';
import { applyToCluster, decideRegistration, listRegistrations, setProviderStanding } from './providers';
import { confirmProviderSignUp, signUpProvider } from './sign-up';
import { createAssociation, getCluster, listAssociations, listClusters } from './clusters';
import { health } from './health';
import { listMyOpenRequests, listProgrammeOpenRequests } from './me';
import {
  cancelRequest,
  getRequest,
  joinRequest,
  listCategories,
  listRequests,
  postRequest,
  publishRequest,
} from './requests';
import { moveRequestDeadline } from './deadline';
import { importFirms, listFirms, registerFirm } from './firms';
import { listPledges, pledgeFirm, withdrawFirmPledge } from './pledges';
import { deleteMyBid, getMyBid, listBids, listOwnBids, postBid, putMyBid } from './bids';
import { awardRequest, closeRequest, getEvaluation, getMyRanking, previewAwardRoute } from './evaluation';
import { awardSplitRoute, previewSplitRoute } from './split-award';
import { decideComplaintRoute, fileComplaintRoute, listOpenComplaints, listRequestComplaints } from './complaints';
import {
  closeProgrammeRoute,
  createProgramme,
  depositToProgramme,
  getProgramme,
  listProgrammes,
  programmeAwards,
  programmeStatement,
} from './programmes';
import {
  createPayout,
  listPayables,
  exportPayoutCsv,
  getPayout,
  listPayouts,
  markPayoutPaid,
  providerPayable,
  providerPayouts,
} from './payouts';
import { listInbox, readNotification } from './inbox';
import { getBankDetails, putBankDetails } from './bank-details';
import { getMatchingRun } from './matching';
import { getFunder, setFunderKind } from './funders';
import { getIndicators, getIndicatorsTable, getMonthlyIndicators } from './indicators';
import { downloadReleases, listReleases } from './open-data';
import { listScreenFlags, openDataScreens, reviewScreenFlagRoute } from './screens';

import {
  acceptMilestoneRoute,
  disputeMilestoneRoute,
  getAwardMoney,
  recordPrivateShareReceipt,
  reportMilestoneRoute,
  resolveMilestoneRoute,
} from './milestones';
import {
  acceptMilestoneInFull,
  answerAttendance,
  answerAttendanceOnBehalf,
  listAttendance,
  readAttendance,
} from './attendance';
import { answerRatingRoute, listProviderRatings, listRequestRatings, rateMilestoneRoute } from './ratings';
/** The route table: the app mounts it, OpenAPI describes it, the authorization tests walk it. */
export const allRoutes: readonly AnyRoute[] = [
  health,
  jwks,
  signIn,
  refresh,
  signOut,
  me,
  demoAccounts,
  listMySessions,
  revokeMySession,
  changePassword,
  requestPasswordReset,
  confirmPasswordReset,
  setUserStatus,
  listSecurityEvents,
  createCluster,
  setClusterStatus,
  listAudit,
  exportAuditCsv,
  getClusterPolicy,
  putClusterPolicy,
  invite,
  previewInvitation,
  acceptInvitationRoute,
  outbox,
  signUpProvider,
  confirmProviderSignUp,
  applyToCluster,
  listRegistrations,
  decideRegistration,
  setProviderStanding,
  listClusters,
  getCluster,
  listAssociations,
  createAssociation,
  listActivity,
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
  registerFirm,
  listFirms,
  importFirms,
  pledgeFirm,
  withdrawFirmPledge,
  listPledges,
  postBid,
  getMyBid,
  putMyBid,
  deleteMyBid,
  listBids,
  listOwnBids,
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
  getMatchingRun,
  listInbox,
  readNotification,
  listDeadLetters,
  redriveDeadLetters,
  createProgramme,
  listProgrammes,
  getProgramme,
  depositToProgramme,
  closeProgrammeRoute,
  programmeStatement,
  programmeAwards,
  providerPayable,
  createPayout,
  listPayables,
  getBankDetails,
  putBankDetails,
  listPayouts,
  getPayout,
  exportPayoutCsv,
  markPayoutPaid,
  providerPayouts,
  getIndicators,
  getMonthlyIndicators,
  getIndicatorsTable,
  getFunder,
  setFunderKind,
  listReleases,
  downloadReleases,
  listScreenFlags,
  reviewScreenFlagRoute,
  openDataScreens,
];
