// A draft rendered as visitors would see it, outside the cache: the signed preview link and the
// editor's live preview. The forms shown are the live ones, like on the page's address.
import type { Executor } from '../../../db/database.js';
import type { FormCache } from '../form-cache.js';
import type { RenderForm } from '../render/form-view.js';
import { publicForm } from '../public-view.js';
import { eachBlock } from './checks.js';
import type { PageDefinitionValue } from './definition.js';
import { pageDocument, type PageDocument } from './page-document.js';
import { personalise } from './personalise.js';
import { workspaceTheme } from './store.js';
import { resolveTheme } from './theme.js';

/** The live forms of the workspace that the page's form blocks name, each with the version shown; the others are left out. */
export async function liveForms(forms: FormCache, workspaceId: string, def: PageDefinitionValue): Promise<{ byId: Map<string, RenderForm>; shown: Array<{ id: string; version: number }> }> {
  const ids = new Set([...eachBlock(def.blocks, '')].flatMap(([block]) => (block.type === 'form' && block.form_id ? [block.form_id] : [])));
  const byId = new Map<string, RenderForm>();
  const shown: Array<{ id: string; version: number }> = [];
  for (const id of ids) {
    const form = await forms.form(id);
    const live = form && form.workspaceId === workspaceId && form.status === 'live' && form.liveVersion ? await forms.version(form, form.liveVersion) : null;
    shown.push({ id, version: live ? form!.liveVersion! : 0 });
    if (live) byId.set(id, publicForm(id, form!.liveVersion!, live));
  }
  return { byId, shown };
}

/** A definition with the workspace's theme under its overrides, as an anonymous visitor of a preview sees it (noindex, no canonical). */
export async function draftDocument(deps: { db: Executor; forms: FormCache }, workspaceId: string, def: PageDefinitionValue, origin: string): Promise<PageDocument> {
  const theme = resolveTheme(await workspaceTheme(deps.db, workspaceId), def.theme);
  const { byId } = await liveForms(deps.forms, workspaceId, def);
  const doc = pageDocument({ def, theme, canonicalUrl: null, origin, forms: byId, noindex: true, now: new Date() });
  return { html: personalise(doc.html, null), policy: doc.policy };
}
