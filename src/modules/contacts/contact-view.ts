import type { Contact } from '../../db/schema.js';

/**
 * A contact as the API shows it: the row without its workspace (the caller's own), the copy of
 * its tags kept for searching and the lists a trashed contact will rejoin when restored.
 */
export function contactView(contact: Contact): Omit<Contact, 'workspace_id' | 'tag_keys' | 'phone_digits' | 'deleted_lists'> {
  const { workspace_id: _workspace, tag_keys: _keys, phone_digits: _digits, deleted_lists: _lists, ...rest } = contact;
  return rest;
}
