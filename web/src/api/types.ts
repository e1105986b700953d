/**
 * The API's shapes as the portal reads them: core's schema types, imported as types only so
 * no zod reaches the bundle. Shapes that exist only at the API's edge are spelt out here.
 */
import type { Activity, Cluster, Milestone, NewServiceRequest, Role, RequestStatus, ServiceRequest as CoreServiceRequest } from '@bds/core';

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

/** A request as the API answers it: core's request plus the pledges counted so far. */
export type ServiceRequest = CoreServiceRequest & { pledgedFirms: number };

export type { Milestone, NewServiceRequest, RequestStatus };

export interface RequestFilter {
  status?: RequestStatus;
  category?: string;
  cursor?: string;
  limit?: number;
}
