import type { TestServer, Tenant } from '../../helpers/server.js';

/** What one module gives the tenant-isolation test: records of workspace B to aim at. */
export interface IsolationFixture {
  /** For each of the module's routes with path parameters: B's value for each parameter. */
  params: Record<string, Record<string, string>>;
  /** Text of B's records that must never appear in an answer to workspace A. */
  secrets: string[];
}

export type MakeIsolationFixture = (server: TestServer, b: Tenant) => Promise<IsolationFixture>;
