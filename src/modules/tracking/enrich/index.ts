export { CHANNELS, classify, type Channel, type ChannelInput, type Classification } from './channel.js';
export { CLICK_IDS, type ClickId } from './click-ids.js';
export { AI_ASSISTANTS } from './ai-assistants.js';
export { bareHost, siteOfApp, siteOfHost, siteOfSource, type KnownSite, type SiteEntry, type SiteKind } from './known-sites.js';
export { SEARCH_ENGINES } from './search-engines.js';
export { SOCIAL_NETWORKS } from './social-networks.js';
export { WEBMAIL } from './webmail.js';
export { cleanUrl, cleanValue, utmOf, type Utm } from './utm.js';
export { deviceOf, type Device, type DeviceKind } from './user-agent.js';
