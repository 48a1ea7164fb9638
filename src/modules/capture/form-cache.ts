import { sql } from 'kysely';
import type { Database, Executor } from '../../db/database.js';
import { isId } from '../../db/ids.js';
import type { FormStatus } from '../../db/schema.js';
import { workspaceSettings } from '../workspaces/service.js';
import type { FormDefinitionValue } from './definition.js';

/** What the public routes need of a form, per request, without asking the database each time. */
export interface CachedForm {
  id: string;
  workspaceId: string;
  name: string;
  status: FormStatus;
  liveVersion: number | null;
  secret: string;
  truncateIps: boolean;
}

const TTL_MS = 30_000;

/** NOTIFY channel: a form's id, when its status or live version changed (publish, archive). */
export const FORMS_CHANNEL = 'inflow_forms';

/** Tells every process's cache, on commit, that this form changed. In the changing transaction. */
export async function announceFormChange(tx: Executor, formId: string): Promise<void> {
  await sql`select pg_notify(${FORMS_CHANNEL}, ${formId})`.execute(tx);
}
const MAX_ENTRIES = 10_000;

/**
 * A per-process cache of forms by their public id and of published versions (which never
 * change and are kept until evicted). Coherent across processes through NOTIFY (like API keys):
 * a publish or an archive evicts the form everywhere on commit. While the listening connection
 * is down forms are read each time; entries expire after 30 s regardless.
 */
export class FormCache {
  private readonly forms = new Map<string, { form: CachedForm | null; at: number }>();
  private readonly versions = new Map<string, FormDefinitionValue>();
  private listening = false;
  private unlisten: (() => Promise<void>) | null = null;

  constructor(private readonly db: Executor, private readonly now: () => number = Date.now) {}

  async start(database: Database): Promise<void> {
    this.unlisten = await database.listen(FORMS_CHANNEL, {
      message: (id) => this.forget(id),
      up: () => {
        this.forms.clear();
        this.listening = true;
      },
      down: () => {
        this.listening = false;
        this.forms.clear();
      },
    });
  }

  async stop(): Promise<void> {
    const unlisten = this.unlisten;
    this.unlisten = null;
    this.listening = false;
    await unlisten?.();
  }

  async form(id: string): Promise<CachedForm | null> {
    if (!isId(id)) return null;
    const hit = this.listening ? this.forms.get(id) : undefined;
    if (hit && this.now() - hit.at < TTL_MS) return hit.form;
    // Public URLs carry only the form id (unique across workspaces: forms_public_id); the
    // workspace comes from the row, and every later query filters by it.
    const row = await this.db.selectFrom('forms').select(['id', 'workspace_id', 'name', 'status', 'live_version']).where('id', '=', id).executeTakeFirst();
    const settings = row ? await workspaceSettings(this.db, row.workspace_id) : undefined;
    const form = row && settings
      ? { id: row.id, workspaceId: row.workspace_id, name: row.name, status: row.status, liveVersion: row.live_version, secret: settings.secret, truncateIps: settings.truncate_ips }
      : null;
    if (this.listening) this.remember(this.forms, id, { form, at: this.now() });
    return form;
  }

  /** A published version of a form; null when there is no such version. */
  async version(form: CachedForm, version: number): Promise<FormDefinitionValue | null> {
    const key = `${form.id}:${version}`;
    const hit = this.versions.get(key);
    if (hit) return hit;
    const row = await this.db
      .selectFrom('form_versions')
      .select('definition')
      .where('workspace_id', '=', form.workspaceId)
      .where('form_id', '=', form.id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!row) return null;
    const definition = row.definition as FormDefinitionValue;
    this.remember(this.versions, key, definition);
    return definition;
  }

  forget(id: string): void {
    this.forms.delete(id);
  }

  private remember<V>(map: Map<string, V>, key: string, value: V): void {
    if (map.size >= MAX_ENTRIES) map.delete(map.keys().next().value!);
    map.set(key, value);
  }
}
