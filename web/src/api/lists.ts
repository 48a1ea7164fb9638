import { apiRequest, fetchAllPages } from './client';
import type { Contact } from './contacts';
import type { Page } from './types';

export interface ContactList {
  id: string;
  name: string;
  description: string;
  member_count: number;
  created_at: string;
  updated_at: string;
}

/** A list as one contact sees it: when they joined. */
export interface ListMembership {
  id: string;
  name: string;
  description: string;
  added_at: string;
}

export const listsKey = (slug: string) => [slug, 'lists'] as const;
export const listKey = (slug: string, id: string) => [slug, 'lists', 'one', id] as const;
export const listContactsKey = (slug: string, id: string) => [slug, 'lists', 'contacts', id] as const;
export const contactListsKey = (slug: string, contactId: string) => [slug, 'lists', 'of-contact', contactId] as const;

const listPath = (id: string) => `/api/v1/lists/${encodeURIComponent(id)}`;
/** The API takes up to this many contacts per membership change. */
const MAX_CHANGE = 1000;

/** Every list of the workspace, by name: lists are few, so pickers show them whole. */
export function listLists(slug: string) {
  return fetchAllPages<ContactList>('/api/v1/lists', slug);
}

export function getList(slug: string, id: string) {
  return apiRequest<ContactList>(listPath(id), { workspace: slug });
}

export function createList(slug: string, input: { name: string; description?: string }) {
  return apiRequest<ContactList>('/api/v1/lists', { method: 'POST', body: input, workspace: slug });
}

export function patchList(slug: string, id: string, input: { name?: string; description?: string }) {
  return apiRequest<ContactList>(listPath(id), { method: 'PATCH', body: input, workspace: slug });
}

export function deleteList(slug: string, id: string) {
  return apiRequest<void>(listPath(id), { method: 'DELETE', workspace: slug });
}

export function listContacts(slug: string, id: string, cursor: string | null) {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  return apiRequest<Page<Contact>>(`${listPath(id)}/contacts${query}`, { workspace: slug });
}

export async function addToList(slug: string, id: string, contactIds: string[]) {
  let added = 0;
  let already = 0;
  for (let i = 0; i < contactIds.length; i += MAX_CHANGE) {
    const result = await apiRequest<{ added: number; already_members: number; not_found: string[] }>(`${listPath(id)}/contacts`, {
      method: 'POST',
      body: { contact_ids: contactIds.slice(i, i + MAX_CHANGE) },
      workspace: slug,
    });
    added += result.added;
    already += result.already_members;
  }
  return { added, already };
}

export async function removeFromList(slug: string, id: string, contactIds: string[]) {
  let removed = 0;
  for (let i = 0; i < contactIds.length; i += MAX_CHANGE) {
    const result = await apiRequest<{ removed: number }>(`${listPath(id)}/contacts`, {
      method: 'DELETE',
      body: { contact_ids: contactIds.slice(i, i + MAX_CHANGE) },
      workspace: slug,
    });
    removed += result.removed;
  }
  return { removed };
}

export async function listsOfContact(slug: string, contactId: string) {
  return (await apiRequest<Page<ListMembership>>(`/api/v1/contacts/${encodeURIComponent(contactId)}/lists`, { workspace: slug })).data;
}
