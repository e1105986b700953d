import type { Clock } from '@bds/core';
import type { Db } from './db';
import { activityStore } from './activity';
import { auditStore } from './audit';
import { namesStore } from './names';
import { invitationStore } from './invitations';
import { onboardingStore } from './onboarding';
import { sessionStore } from './sessions';
import { passwordResetStore } from './password-resets';
import { signUpStore } from './sign-ups';
import { throttleStore } from './throttle';
import { clusterStore } from './clusters';
import { funderStore } from './funders';
import { providerStore } from './providers';
import { requestStore } from './requests';
import { userStore } from './users';
import { firmStore } from './firms';
import { pledgeStore } from './pledges';
import { bidStore } from './bids';
import { evaluationStore } from './evaluations';
import { ledgerStore } from './ledger';
import { inboxStore } from './inbox';
import { matchingRunStore } from './matching-runs';
import { programmeStore } from './programmes';
import { payoutStore } from './payouts';
import { escrowStore } from './escrow';
import { indicatorStore } from './indicators';
import { openDataStore } from './open-data';
import { repeatCountStore } from './repeat-counts';
import { openAcross } from './open-requests';
import { attendanceStore } from './attendance';
import { complaintStore } from './complaints';
import { bankDetailsStore } from './bank-details';
import { screenStore } from './screens';
import { ratingStore } from './ratings';

/** Every store over one table; built once per process. */
export function createStores(db: Db, opts: { clock?: Clock } = {}) {
  return {
    db,
    clusters: clusterStore(db),
    providers: providerStore(db),
    funders: funderStore(db),
    users: userStore(db),
    requests: requestStore(db),
    activity: activityStore(db),
    audit: auditStore(db),
    names: namesStore(db),
    invitations: invitationStore(db),
    onboarding: onboardingStore(db),
    sessions: sessionStore(db),
    passwordResets: passwordResetStore(db),
    signUps: signUpStore(db),
    throttle: throttleStore(db),
    firms: firmStore(db),
    pledges: pledgeStore(db),
    bids: bidStore(db),
    evaluations: evaluationStore(db),
    // The ledger stamps its transfers; a worker's or test's clock makes those stamps reproducible.
    ledger: ledgerStore(db, opts.clock ? { clock: opts.clock } : {}),
    inbox: inboxStore(db),
    matchingRuns: matchingRunStore(db),
    programmes: programmeStore(db),
    payouts: payoutStore(db),
    escrow: escrowStore(db),
    indicators: indicatorStore(db),
    openData: openDataStore(db),
    repeatCounts: repeatCountStore(db),
    /** A provider's marketplace across its clusters (open-requests.ts). */
    openRequests: {
      across: (...args: Parameters<typeof openAcross> extends [Db, ...infer R] ? R : never) => openAcross(db, ...args),
    },
    attendance: attendanceStore(db),
    complaints: complaintStore(db),
    bankDetails: bankDetailsStore(db),
    screens: screenStore(db),
    ratings: ratingStore(db),
  };
}
export type Stores = ReturnType<typeof createStores>;
