import type { Executor } from '../../db/database.js';
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
const MAX_ENTRIES = 10_000;

/**
 * A per-process cache of forms by their public id (30 s, dropped at once by this process's
 * publish/archive) and of published versions, which never change and are kept until evicted.
 * A form seen by another process's publish is at most 30 s stale; a page that still shows the
 * old version posts it, and that version stays valid.
 */
export class FormCache {
  private readonly forms = new Map<string, { form: CachedForm | null; at: number }>();
  private readonly versions = new Map<string, FormDefinitionValue>();

  constructor(private readonly db: Executor, private readonly now: () => number = Date.now) {}

  async form(id: string): Promise<CachedForm | null> {
    if (!isId(id)) return null;
    const hit = this.forms.get(id);
    if (hit && this.now() - hit.at < TTL_MS) return hit.form;
    // Public URLs carry only the form id (unique across workspaces: forms_public_id); the
    // workspace comes from the row, and every later query filters by it.
    const row = await this.db.selectFrom('forms').select(['id', 'workspace_id', 'name', 'status', 'live_version']).where('id', '=', id).executeTakeFirst();
    const settings = row ? await workspaceSettings(this.db, row.workspace_id) : undefined;
    const form = row && settings
      ? { id: row.id, workspaceId: row.workspace_id, name: row.name, status: row.status, liveVersion: row.live_version, secret: settings.secret, truncateIps: settings.truncate_ips }
      : null;
    this.remember(this.forms, id, { form, at: this.now() });
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
