/** Who did something: a dashboard user, an API key, an import, a form's visitor (id: the form), a tracked visitor (id: the visitor id), or Inflow itself. */
export interface Actor {
  type: 'user' | 'api_key' | 'import' | 'form' | 'visitor' | 'system';
  id: string | null;
}
