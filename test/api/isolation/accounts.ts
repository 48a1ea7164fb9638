import type { MakeIsolationFixture } from './fixture.js';

// Accounts' routes act on the signed-in user only (/api/auth/…): nothing of B's to aim at.
export const fixture: MakeIsolationFixture = async (_server, b) => ({ params: {}, secrets: [b.ownerEmail] });
