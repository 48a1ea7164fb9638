import type { Contact } from '../../db/schema.js';

/** A contact as the API shows it: the row without its workspace (the caller's own) and the copy of its tags kept for searching. */
export function contactView(contact: Contact): Omit<Contact, 'workspace_id' | 'tag_keys'> {
  const { workspace_id: _workspace, tag_keys: _keys, ...rest } = contact;
  return rest;
}
