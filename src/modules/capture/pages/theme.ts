import type { ThemeOverrideValue, ThemeValue } from './definition.js';

/** The theme a workspace starts with: calm, high contrast, a blue that passes AA with white. */
export const DEFAULT_THEME: ThemeValue = {
  colors: { background: '#ffffff', surface: '#f3f5f9', text: '#1b2330', muted: '#4d5868', primary: '#2456d3', primary_text: '#ffffff' },
  font: 'system',
  logo_url: null,
  favicon_url: null,
};

/** Font stacks the theme's `font` names: system fonts only, so a page loads no font file. */
export const FONT_STACKS: Readonly<Record<ThemeValue['font'], string>> = {
  system: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  humanist: "Seravek, 'Gill Sans Nova', Ubuntu, Calibri, 'DejaVu Sans', source-sans-pro, sans-serif",
  geometric: "Avenir, Montserrat, Corbel, 'URW Gothic', source-sans-pro, sans-serif",
  serif: "Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, serif",
  mono: "ui-monospace, 'Cascadia Code', 'Source Code Pro', Menlo, Consolas, 'DejaVu Sans Mono', monospace",
};

/** The workspace's theme with the page's overrides on top. */
export function resolveTheme(base: ThemeValue, override: ThemeOverrideValue): ThemeValue {
  return {
    colors: { ...base.colors, ...override.colors },
    font: override.font ?? base.font,
    logo_url: override.logo_url === undefined ? base.logo_url : override.logo_url,
    favicon_url: override.favicon_url === undefined ? base.favicon_url : override.favicon_url,
  };
}

/** The theme as CSS custom properties: the one rule a page carries of its own (allowed by its hash in the CSP). */
export function themeCss(theme: ThemeValue): string {
  const c = theme.colors;
  // Every value is a #rrggbb checked by the schema or a stack of ours: nothing else reaches here.
  return `:root{--bg:${c.background};--surface:${c.surface};--text:${c.text};--muted:${c.muted};--primary:${c.primary};--on-primary:${c.primary_text};--font:${FONT_STACKS[theme.font]}}`;
}
