import { describe, expect, it } from 'vitest';
import { invitationEmail, invitationLink } from './invitation-email.js';

describe('the invitation mail', () => {
  it('puts the token in the fragment, so it is never sent to the server with the page', () => {
    expect(invitationLink('https://inflow.example.com/', 'abc_DEF-123')).toBe('https://inflow.example.com/invite#token=abc_DEF-123');
  });

  it('says who invited whom to what, as which role, and for how long the link works', () => {
    const mail = invitationEmail({ to: 'ana@example.com', workspaceName: 'Acme', inviterName: 'Sam Sales', role: 'marketer', baseUrl: 'http://localhost:3000', token: 't0k' });
    expect(mail.to).toBe('ana@example.com');
    expect(mail.subject).toBe('Join Acme on Inflow');
    expect(mail.text).toContain('Sam Sales invited you to join the workspace "Acme" on Inflow as marketer.');
    expect(mail.text).toContain('http://localhost:3000/invite#token=t0k');
    expect(mail.text).toContain('works once and for 7 days');
  });

  it('does without an inviter name when an API key sent it', () => {
    const mail = invitationEmail({ to: 'ana@example.com', workspaceName: 'Acme', inviterName: null, role: 'viewer', baseUrl: 'http://x', token: 't' });
    expect(mail.text.startsWith('You are invited to join the workspace "Acme"')).toBe(true);
  });
});
