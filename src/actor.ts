/** Who did something: a dashboard user, an API key, an import, a form's visitor (id: the form), or Inflow itself. */
export interface Actor {
  type: 'user' | 'api_key' | 'import' | 'form' | 'system';
  id: string | null;
}
