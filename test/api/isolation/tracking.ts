import { randomUuid } from '../../../src/modules/capture/visitor-id.js';
import { identifyProof } from '../../../src/modules/tracking/identity.js';
import { trackingSettings } from '../../../src/modules/tracking/settings.js';
import type { MakeIsolationFixture } from './fixture.js';

// A visitor of B's site, browsing a secret page and then identified as B's contact: its visitor
// id, its events and its contact's sources are B's.
export const fixture: MakeIsolationFixture = async (server, b) => {
  const visitor = randomUuid();
  const email = 'beta-tracked@beta-secret.example';
  const { identify_key: key } = await trackingSettings(server.database.db, b.workspaceId);
  const response = await fetch(`${server.url}/public/events`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36' },
    body: JSON.stringify({
      workspace_id: b.workspaceId,
      visitor_id: visitor,
      session_id: randomUuid(),
      events: [
        { type: 'page_view', at: Date.now(), url: 'https://beta.example/beta-secret-page', title: 'Beta secret title', referrer: null },
        { type: 'identify', at: Date.now(), url: 'https://beta.example/beta-secret-page', email, token: identifyProof(key, email) },
      ],
    }),
  });
  if (response.status !== 204) throw new Error(`B's visitor could not be tracked: ${response.status}`);
  const contact = await server.database.db.selectFrom('tracking_visitors').select('contact_id').where('workspace_id', '=', b.workspaceId).where('id', '=', visitor).executeTakeFirstOrThrow();
  return {
    params: {
      '/api/v1/tracking/visitors/:id': { id: visitor },
      '/api/v1/contacts/:id/sources': { id: contact.contact_id! },
    },
    secrets: ['beta-secret-page', 'Beta secret title', key],
  };
};
