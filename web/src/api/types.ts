/**
 * The API's shapes as the portal reads them: core's schema types, imported as types only so
 * no zod reaches the bundle. Shapes that exist only at the API's edge are spelt out here.
 */
import type { Activity, Association, AuditEntry, Bid, Cluster, ClusterPolicy, Firm, Milestone, NewBid, NewCluster, NewFirm, NewServiceRequest, PriceTier, RankedBid, InvalidBid, Role, RequestStatus, ServiceRequest as CoreServiceRequest } from '@bds/core';

export type { Activity, Association, AuditEntry, Cluster, ClusterPolicy, NewBid, NewCluster, NewFirm, PriceTier, RankedBid, InvalidBid, Role };

/** Every list answers one page at a time; `nextCursor` is opaque. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  clusterIds: string[];
}

export interface Session {
  accessToken: string;
  expiresAt: string;
  /** Exchanged for a new session when the access token expires; it works once. */
  refreshToken?: string;
  user: User;
}

export interface DemoAccount {
  role: string;
  email: string;
  password: string;
  name: string;
  organisationName: string;
}

export interface Category {
  slug: string;
  label: string;
  innovative: boolean;
}

/** A request as the API answers it: core's request plus the pledges counted so far. */
export type ServiceRequest = CoreServiceRequest & { pledgedFirms: number };

export type { Milestone, NewServiceRequest, RequestStatus };

export interface RequestFilter {
  status?: RequestStatus;
  category?: string;
  cursor?: string;
  limit?: number;
}

/** A mail in the local outbox (only a local stack has one). */
export interface Mail {
  id: string;
  to: string;
  subject: string;
  text: string;
  sentAt: string;
}

export type InvitableRole = 'state_admin' | 'cluster_admin' | 'association_rep' | 'funder';

export interface NewInvitation {
  email: string;
  name: string;
  role: InvitableRole;
  clusterId?: string;
  associationId?: string;
  state?: string;
  organisationName?: string;
}

export interface InvitationSummary {
  id: string;
  email: string;
  name: string;
  role: InvitableRole;
  organisationName: string;
  expiresAt: string;
}

/** What an invitation link is for; `accepted` once it has been used. */
export type InvitationPreview = InvitationSummary & { accepted: boolean };

export interface Onboarded {
  cluster: Cluster;
  invitation: { id: string; email: string; expiresAt: string };
}

export type ClusterStatus = Cluster['status'];

export interface ProviderSignUp {
  name: string;
  city: string;
  categories: string[];
  capacity: number;
  contactName: string;
  email: string;
  password: string;
}

/** A provider's application to serve a cluster, as its admins see it. */
export interface Registration {
  clusterId: string;
  providerId: string;
  providerName: string;
  categories: string[];
  status: 'approved' | 'pending' | 'refused';
  at: string;
  reason?: string;
}

export interface NewAssociation {
  name: string;
  shortName: string;
  kind: Association['kind'];
  memberCount: number;
}

/** A member firm with what the register derives from it. */
export type FirmProfile = Firm & { sizeClass: 'micro' | 'small' | 'medium'; underServed: boolean };

export interface Pledge {
  requestId: string;
  clusterId: string;
  firmId: string;
  associationId: string;
  pledgedAt: string;
  firmName: string;
}

/** A pledge as the awarded provider sees it: the firm, to say whether it attended. */
export type PledgedFirm = Pick<Pledge, 'firmId' | 'firmName'>;

/** A bid as its readers see it. */
export type BidView = Bid & { requestTitle: string };

/** The ranking of a closed request, or why it ended unsuccessful. */
export interface Evaluation {
  requestId: string;
  clusterId: string;
  evaluatedAt: string;
  outcome: 'ranked' | 'unsuccessful';
  pledgedFirms: number;
  volume?: number;
  ranking: RankedBid[];
  recommended?: RankedBid;
  invalid: InvalidBid[];
  code?: string;
  reason?: string;
  /** The name and city of every provider the evaluation names, by id. */
  providers?: Record<string, ProviderRef>;
}

/** Who a provider is, for readers who should never see a bare id. */
export interface ProviderRef {
  name: string;
  city: string;
}

export type * from './money-types';
