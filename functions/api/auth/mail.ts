import type { Invitation } from '@bds/core';
import type { MailMessage } from '../../adapters/mail/port';

const ROLE_NAMES: Record<Invitation['role'], string> = {
  state_admin: 'state admin',
  cluster_admin: 'cluster admin',
  association_rep: 'association representative',
  funder: 'funder',
};

/** The invitation mail: who invites, for what, the link, and when it expires. */
export function invitationMail(invitation: Invitation, token: string, portalUrl: string): MailMessage {
  return {
    to: invitation.email,
    subject: `You are invited to BDS Exchange as ${ROLE_NAMES[invitation.role]} of ${invitation.organisationName}`,
    text: [
      `Dear ${invitation.name},`,
      '',
      `You have been invited to BDS Exchange as ${ROLE_NAMES[invitation.role]} of ${invitation.organisationName}.`,
      `Accept the invitation and choose your password here (the link works once, until ${invitation.expiresAt.slice(0, 10)}):`,
      '',
      `${portalUrl}/invitations/${token}`,
      '',
      'If you did not expect this, ignore this mail.',
    ].join('\n'),
  };
}
