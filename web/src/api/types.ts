/**
 * The names pages use for the API's shapes, each derived from the generated OpenAPI types
 * (`generated/openapi.ts`): none is written here by hand, so none can drift from the API.
 */
import type { In, ItemOf, Ok, QueryOf } from './schema';

export type { In, ItemOf, Ok, QueryOf } from './schema';

/** One page of a list; `nextCursor` is opaque. */
export type Page<T> = Omit<Ok<'listClusters'>, 'items'> & { items: T[] };

export type Session = Ok<'signIn'>;
export type User = Ok<'me'>;
export type Role = User['role'];
export type DemoAccount = ItemOf<'listDemoAccounts'>;
export type Mail = ItemOf<'readOutbox'>;

export type Cluster = Ok<'getCluster'>;
export type ClusterStatus = Cluster['status'];
export type NewCluster = In<'onboardCluster'>;
export type Onboarded = Ok<'onboardCluster'>;
export type ClusterPolicy = Ok<'getClusterPolicy'>;
export type AuditEntry = ItemOf<'listAudit'>;
export type Activity = ItemOf<'listActivity'>;

export type NewInvitation = In<'invite'>;
export type InvitableRole = NewInvitation['role'];
export type InvitationSummary = Ok<'invite'>;
export type InvitationPreview = Ok<'previewInvitation'>;

export type ProviderSignUp = In<'signUpProvider'>;
export type Registration = ItemOf<'listRegistrations'>;
export type Association = ItemOf<'listAssociations'>;
export type NewAssociation = In<'createAssociation'>;
export type FirmProfile = ItemOf<'listFirms'>;
export type NewFirm = In<'registerFirm'>;

export type Category = ItemOf<'listCategories'>;
export type ServiceRequest = Ok<'getRequest'>;
export type RequestStatus = ServiceRequest['status'];
export type Milestone = ServiceRequest['milestones'][number];
export type NewServiceRequest = In<'postRequest'>;
export type RequestFilter = QueryOf<'listRequests'>;

export type Pledge = Ok<'pledgeFirm'>;
/** A pledge as the awarded provider sees it: the firm, to say whether it attended. */
export type PledgedFirm = Pick<Pledge, 'firmId' | 'firmName'>;
export type BidView = Ok<'getMyBid'>;
export type NewBid = In<'submitBid'>;
export type PriceTier = NewBid['priceTiers'][number];
export type Evaluation = Ok<'getEvaluation'>;
export type RankedBid = Evaluation['ranking'][number];
export type AwardPreview = Ok<'previewAward'>;
export type SplitPreview = Ok<'previewSplitAward'>;
export type SplitAwardInput = In<'awardSplit'>;
export type InvalidBid = Evaluation['invalid'][number];
export type ProviderRef = NonNullable<Evaluation['providers']>[string];
export type MyRanking = Ok<'getMyRanking'>;
export type Complaint = Ok<'fileComplaint'>;
export type OpenComplaint = ItemOf<'listOpenComplaints'>;
export type ComplaintDecisionInput = In<'decideComplaint'>;

export type Money = In<'depositToProgramme'>['amount'];
export type ProgrammeView = Ok<'getProgramme'>;
export type NewProgramme = In<'createProgramme'>;
export type StatementEntry = ItemOf<'programmeStatement'>;
export type ProgrammeAward = ItemOf<'programmeAwards'>;

export type RequestMoney = Ok<'getAwardMoney'>;
export type MilestoneMoney = RequestMoney['milestones'][number];
export type MilestoneStatus = MilestoneMoney['status'];
export type AttendanceList = Ok<'listAttendance'>;
export type AttendanceFirm = AttendanceList['firms'][number];
export type AttendancePage = Ok<'readAttendanceLink'>;
export type Rating = Ok<'rateMilestone'>;
export type Contribution = RequestMoney['contributions'][number];
export type Resolution = In<'resolveMilestone'>;
export type ResolveOutcome = Resolution['outcome'];

export type Payable = Ok<'providerPayable'>;
/** A batch as listed (no lines) or opened (with its lines). */
export type PayoutBatch = ItemOf<'listPayouts'> & Partial<Ok<'getPayout'>>;
export type PayoutStatus = PayoutBatch['status'];
export type PayoutLine = NonNullable<PayoutBatch['lines']>[number];
export type ProviderPayoutLine = ItemOf<'providerPayouts'>;
export type Payables = Ok<'listPayables'>;
export type BankView = Ok<'getBankDetails'>;

export type Notification = ItemOf<'listInbox'>;
export type DeadLetters = Ok<'listDeadLetters'>;
export type DeadLetter = DeadLetters['items'][number];
