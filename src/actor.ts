/** Who did something: a dashboard user, an API key, an import, or Inflow itself. */
export interface Actor {
  type: 'user' | 'api_key' | 'import' | 'system';
  id: string | null;
}
