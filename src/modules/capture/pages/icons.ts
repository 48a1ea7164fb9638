import type { ICONS } from './definition.js';

/** The bullet icons: 24×24 stroked paths drawn inline (no icon font, no request, nothing a CSP must allow). */
export const ICON_PATHS: Readonly<Record<(typeof ICONS)[number], string>> = {
  check: 'M5 12.5l4.5 4.5L19 7.5',
  star: 'M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z',
  bolt: 'M13 2.5L4.5 13.5h6.5l-1 8 8.5-11h-6.5z',
  shield: 'M12 3l7.5 3v5.5c0 4.6-3.2 8.3-7.5 9.5-4.3-1.2-7.5-4.9-7.5-9.5V6zM9 12l2 2 4-4',
  clock: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7.5V12l3 2',
  chart: 'M4 20h16M7 16v-5M12 16V6M17 16v-8',
  heart: 'M12 20s-7.5-4.6-9-9.3C2 7.4 4.3 4.5 7.3 4.5c2 0 3.5 1.1 4.7 2.8 1.2-1.7 2.7-2.8 4.7-2.8 3 0 5.3 2.9 4.3 6.2-1.5 4.7-9 9.3-9 9.3z',
  gift: 'M3.5 9h17v4h-17zM5 13v8h14v-8M12 9v12M12 9C10.5 5 6.5 4.5 6.5 7S9.5 9 12 9zm0 0c1.5-4 5.5-4.5 5.5-2S14.5 9 12 9z',
  users: 'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2.5 20c0-3.6 2.9-6 6.5-6s6.5 2.4 6.5 6M16 4.3a3.5 3.5 0 0 1 0 6.4M21.5 20c0-2.8-1.6-4.9-4-5.7',
  calendar: 'M4 5.5h16V20H4zM4 10h16M8 3v4M16 3v4',
  mail: 'M3.5 5.5h17v13h-17zM3.5 6.5l8.5 6.5 8.5-6.5',
  download: 'M12 3.5v11M7.5 10l4.5 4.5 4.5-4.5M4.5 19.5h15',
};
