export const SLUG_PATTERN = '^[a-z0-9][a-z0-9-]{0,62}$';
const SLUG = new RegExp(SLUG_PATTERN);

export function isSlug(value: string): boolean {
  return SLUG.test(value);
}

/** A slug suggestion from a display name: "Acme Brasil Ltda." → "acme-brasil-ltda". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

/** A display name from a slug, for workspaces made by scripts: "acme-brasil" → "Acme Brasil". */
export function titleFromSlug(slug: string): string {
  return slug
    .split('-')
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
