import * as z from 'zod';
import { Currency } from '../money';

/** Where a cluster stands in the programme's three phases (the paper's diagnostic → pilot → self-management). */
export const ClusterPhase = z.enum(['diagnostic', 'pilot', 'self_management']);
export type ClusterPhase = z.infer<typeof ClusterPhase>;

/** A cluster is a tenant: everything that belongs to it carries its id. */
export const Cluster = z.object({
  id: z.string(),
  name: z.string().min(2).max(120),
  sector: z.string().min(2).max(120),
  state: z.string().min(2).max(60),
  district: z.string().min(2).max(60),
  firmCount: z.number().int().nonnegative(),
  phase: ClusterPhase,
  currency: Currency,
  supportedUntil: z.iso.date(),
  status: z.enum(['active', 'suspended', 'archived']),
  createdAt: z.iso.datetime(),
});
export type Cluster = z.infer<typeof Cluster>;

/** Kinds of association the paper names: cooperatives, consortia, networks, self-help groups. */
export const AssociationKind = z.enum(['association', 'cooperative', 'consortium', 'network', 'self_help_group']);

/** An association of firms in one cluster: it pools demand and brokers deals for its members. */
export const Association = z.object({
  id: z.string(),
  clusterId: z.string(),
  name: z.string().min(2).max(160),
  shortName: z.string().min(2).max(30),
  kind: AssociationKind,
  memberCount: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
});
export type Association = z.infer<typeof Association>;
