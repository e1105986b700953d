/**
 * The API's shapes as the portal reads them. Types only (never zod at runtime in the
 * bundle): clusters and activity come straight from core's schemas; the request shape
 * follows the API contract until core's request schema lands.
 */
import type { Activity, Cluster, Role } from '@bds/core';

export type { Activity, Cluster, Role };

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

export interface Milestone {
  name: string;
  /** Share of the price paid at this milestone, in basis points (10000 = 100%). */
  shareBasisPoints: number;
}

export interface ServiceRequest {
  id: string;
  clusterId: string;
  associationId: string;
  title: string;
  category: string;
  specification: string;
  deliverables: string[];
  place: string;
  deliveryWindow: { start: string; end: string };
  biddingDeadline: string;
  minFirms: number;
  maxFirms: number;
  weights: { price: number; quality: number };
  milestones: Milestone[];
  /** Who sees it: every provider registered in the cluster, or only invited ones. */
  visibility: 'cluster' | 'invited';
  status: string;
  /** Firms pledged so far; absent until the API counts pledges. */
  pledgedFirms?: number;
  currency: string;
  createdAt: string;
}

/** What an association rep sends to post a request. */
export type NewServiceRequest = Pick<
  ServiceRequest,
  | 'title'
  | 'category'
  | 'specification'
  | 'deliverables'
  | 'place'
  | 'deliveryWindow'
  | 'biddingDeadline'
  | 'minFirms'
  | 'maxFirms'
  | 'weights'
  | 'milestones'
  | 'visibility'
  | 'currency'
>;

export interface RequestFilter {
  status?: string;
  category?: string;
  cursor?: string;
  limit?: number;
}
