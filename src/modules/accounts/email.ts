/** Login names: trimmed and lower-cased whole, since people type their address in any case. */
export function normaliseLoginEmail(email: string): string {
  return email.trim().toLowerCase();
}

const SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function isPlausibleEmail(email: string): boolean {
  return email.length <= 254 && SHAPE.test(email);
}
