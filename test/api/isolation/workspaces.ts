import { inviteMember } from '../../../src/modules/workspaces/invitations.js';
import type { MakeIsolationFixture } from './fixture.js';

export const fixture: MakeIsolationFixture = async (server, b) => {
  const db = server.database.db;
  const key = await db.selectFrom('api_keys').select('id').where('workspace_id', '=', b.workspaceId).executeTakeFirstOrThrow();
  const owner = await db.selectFrom('memberships').select('user_id').where('workspace_id', '=', b.workspaceId).executeTakeFirstOrThrow();
  const { invitation } = await inviteMember(db, { id: b.workspaceId, role: 'owner' }, { userId: owner.user_id, keyId: null }, { email: 'invitee-of-b@example.com', role: 'viewer' });
  return {
    params: {
      '/api/v1/api-keys/:id': { id: key.id },
      '/api/v1/members/:userId': { userId: owner.user_id },
      '/api/v1/invitations/:id': { id: invitation.id },
    },
    secrets: [b.workspaceId, b.slug, b.ownerEmail, key.id, owner.user_id, invitation.id, invitation.email],
  };
};
