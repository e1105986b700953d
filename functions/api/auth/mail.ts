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
      `Accept the invitation and choose your password here (the link ` +
        `works once, until ${invitation.expiresAt.slice(0, 10)}):`,
      '',
      `${portalUrl}/invitations/${token}`,
      '',
      'If you did not expect this, ignore this mail.',
    ].join('\n'),
  };
}

/**
 * The password-reset mail. The token rides in the link's fragment, which browsers never send to
 * a server, so it cannot land in an access log on its way to the portal.
 */
export function passwordResetMail(email: string, token: string, portalUrl: string, minutes: number): MailMessage {
  return {
    to: email,
    subject: 'Reset your BDS Exchange password',
    text: [
      'Someone asked to reset the password of this BDS Exchange account.',
      `Choose a new password here (the link works once, for ${minutes} minutes):`,
      '',
      `${portalUrl}/reset-password#token=${token}`,
      '',
      'If it was not you, ignore this mail: your password stays as it is.',
    ].join('\n'),
  };
}

/** The sign-up mail: the link that creates the provider and its account (token in the fragment, as above). */
export function signUpMail(email: string, organisation: string, token: string, portalUrl: string, hours: number) {
  return {
    to: email,
    subject: 'Finish signing up for BDS Exchange',
    text: [
      `Someone signed ${organisation} up for BDS Exchange with this address.`,
      `Finish signing up here (the link works once, for ${hours} hours):`,
      '',
      `${portalUrl}/providers/sign-up/confirm#token=${token}`,
      '',
      'If it was not you, ignore this mail: no account is created.',
    ].join('\n'),
  } satisfies MailMessage;
}

/**
 * What a sign-up with an address that already has an account mails instead: the same moment, the
 * same kind of mail, so the sign-up's answer tells nobody whether the address is known.
 */
export function signUpTakenMail(email: string, portalUrl: string) {
  return {
    to: email,
    subject: 'Someone tried to sign up for BDS Exchange with your address',
    text: [
      'Someone tried to sign up for BDS Exchange with this address, which already has an account.',
      'No new account was created.',
      '',
      `If it was you, sign in here, or reset your password if you have forgotten it: ${portalUrl}/sign-in`,
      '',
      'If it was not you, ignore this mail: your account is unchanged.',
    ].join('\n'),
  } satisfies MailMessage;
}
