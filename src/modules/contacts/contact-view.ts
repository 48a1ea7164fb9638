import type { Contact } from '../../db/schema.js';

/** A contact as the API shows it: the row without its workspace (the caller's own). */
export function contactView(contact: Contact): Omit<Contact, 'workspace_id'> {
  const { workspace_id: _workspace, ...rest } = contact;
  return rest;
}
