import { sql, type Kysely } from 'kysely';
import { newId } from '../../db/ids.js';
import type { Tables, User } from '../../db/schema.js';
import { conflict, invalid } from '../../errors.js';
import { isPlausibleEmail, normaliseLoginEmail } from './email.js';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './passwords.js';
import { randomToken, sha256 } from './tokens.js';
import type { Executor } from '../../db/database.js';

export const SESSION_DAYS = 30;
export const MIN_PASSWORD_LENGTH = 8;

export interface PublicUser {
  id: string;
  email: string;
  name: string;
}

export interface SessionUser {
  user: PublicUser;
  sessionId: string;
  csrfToken: string;
  lastSeenAt: Date;
}

export function publicUser(user: Pick<User, 'id' | 'email' | 'name'>): PublicUser {
  return { id: user.id, email: user.email, name: user.name };
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw invalid('The password is too short', [
      { field: 'password', message: `must be at least ${MIN_PASSWORD_LENGTH} characters` },
    ]);
  }
}

/** Users by id, as anyone may see them (no password hash): for listing a workspace's members. */
export function publicUsersByIds(db: Executor, ids: readonly string[]): Promise<PublicUser[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'email', 'name']).where('id', 'in', ids).execute();
}

/** Users by login email, for one address or many. */
export function usersByEmail(db: Executor, emails: readonly string[]) {
  return db.selectFrom('users').selectAll().where('email', 'in', emails.map(normaliseLoginEmail)).execute();
}

export async function createUser(db: Executor, input: { email: string; password: string; name?: string }): Promise<User> {
  const email = normaliseLoginEmail(input.email);
  if (!isPlausibleEmail(email)) throw invalid('The email address is not valid', [{ field: 'email', message: 'is not a valid email address' }]);
  checkPassword(input.password);
  const row = await db
    .insertInto('users')
    .values({ id: newId(), email, name: input.name?.trim() ?? '', password_hash: await hashPassword(input.password) })
    .onConflict((oc) => oc.column('email').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw conflict('A user with this email already exists', [{ field: 'email', message: 'is already taken' }]);
  return row;
}

/**
 * Sets a new password and signs the user out everywhere except `keepSessionId` (the session
 * that made the change), so a stolen session dies with the old password. Returns how many
 * sessions were ended.
 */
export async function changePassword(db: Kysely<Tables>, userId: string, password: string, keepSessionId: string | null): Promise<number> {
  checkPassword(password);
  const hash = await hashPassword(password);
  return db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ password_hash: hash, updated_at: sql`now()` }).where('id', '=', userId).execute();
    let ended = tx.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepSessionId) ended = ended.where('id', '!=', keepSessionId);
    const result = await ended.executeTakeFirst();
    return Number(result.numDeletedRows);
  });
}

/** The user whose password this is, or null; takes the same time whether or not the email exists. */
export async function verifyCredentials(db: Executor, email: string, password: string): Promise<User | null> {
  const [user] = await usersByEmail(db, [email]);
  if (!user) return verifyAgainstDecoy(password).then(() => null);
  return (await verifyPassword(password, user.password_hash)) ? user : null;
}

export async function startSession(
  db: Executor,
  userId: string,
  client: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db
    .insertInto('sessions')
    .values({
      id: sha256(token),
      user_id: userId,
      csrf_token: csrfToken,
      ip: client.ip,
      user_agent: client.userAgent?.slice(0, 512) ?? null,
      expires_at: expiresAt,
    })
    .execute();
  await db.updateTable('users').set({ last_login_at: sql`now()` }).where('id', '=', userId).execute();
  return { token, csrfToken, expiresAt };
}

/** The live session behind a cookie token, with its user; null for unknown or expired tokens. */
export async function sessionByToken(db: Executor, token: string): Promise<SessionUser | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id as session_id', 'sessions.csrf_token', 'sessions.last_seen_at', 'users.id', 'users.email', 'users.name'])
    .where('sessions.id', '=', sha256(token))
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  if (!row) return null;
  return { user: publicUser(row), sessionId: row.session_id, csrfToken: row.csrf_token, lastSeenAt: row.last_seen_at };
}

/** Sliding expiry: a session in use stays alive; callers throttle how often they touch it. */
export async function touchSession(db: Executor, sessionId: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: sql`now()`, expires_at: sql`now() + ${SESSION_DAYS} * interval '1 day'` })
    .where('id', '=', sessionId)
    .execute();
}

export async function endSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function purgeExpiredSessions(db: Executor): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', sql<Date>`now()`).executeTakeFirst();
  return Number(result.numDeletedRows);
}
