import type { Role } from '../../db/schema.js';
import type { MailMessage } from '../../mail/mailer.js';

/** How long an invitation's link works; inviting the address again gives a fresh period. */
export const INVITATION_DAYS = 7;

export interface InvitationEmailInput {
  to: string;
  workspaceName: string;
  /** The inviting member's name or email; null when an API key sent it. */
  inviterName: string | null;
  role: Role;
  /** The server's address as the invitee's browser reaches it, without a trailing slash. */
  baseUrl: string;
  token: string;
}

/**
 * The link the invitation mails. The token rides in the fragment: browsers never send it to the
 * server or in a Referer, so it stays out of access logs; the page posts it when asked.
 */
export function invitationLink(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/invite#token=${encodeURIComponent(token)}`;
}

/** The invitation mail, in plain text: what, from whom, the link, and how long it works. */
export function invitationEmail(input: InvitationEmailInput): MailMessage {
  const from = input.inviterName ? `${input.inviterName} invited you` : 'You are invited';
  return {
    to: input.to,
    subject: `Join ${input.workspaceName} on Inflow`,
    text: [
      `${from} to join the workspace "${input.workspaceName}" on Inflow as ${input.role}.`,
      '',
      'Open this link to accept (or decline) the invitation:',
      invitationLink(input.baseUrl, input.token),
      '',
      `The link works once and for ${INVITATION_DAYS} days. If you did not expect it, ignore this email: nothing happens unless you accept.`,
    ].join('\n'),
  };
}
