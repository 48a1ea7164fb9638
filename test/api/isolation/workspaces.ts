import type { MakeIsolationFixture } from './fixture.js';

export const fixture: MakeIsolationFixture = async (server, b) => {
  const key = await server.database.db.selectFrom('api_keys').select('id').where('workspace_id', '=', b.workspaceId).executeTakeFirstOrThrow();
  const owner = await server.database.db.selectFrom('memberships').select('user_id').where('workspace_id', '=', b.workspaceId).executeTakeFirstOrThrow();
  return {
    params: {
      '/api/v1/api-keys/:id': { id: key.id },
      '/api/v1/members/:userId': { userId: owner.user_id },
    },
    secrets: [b.workspaceId, b.slug, b.ownerEmail, key.id, owner.user_id],
  };
};
