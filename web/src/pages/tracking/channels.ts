import type { Channel } from '../../api/tracking';

/** How the dashboard names and colours each channel, in the order a legend lists them. */
export const CHANNEL_LOOK: Record<Channel, { label: string; color: string }> = {
  organic_search: { label: 'Organic search', color: '#2f9e44' },
  paid_search: { label: 'Paid search', color: '#1971c2' },
  organic_social: { label: 'Organic social', color: '#e8590c' },
  paid_social: { label: 'Paid social', color: '#c2255c' },
  email: { label: 'Email', color: '#7048e8' },
  referral: { label: 'Referral', color: '#0c8599' },
  direct: { label: 'Direct', color: '#495057' },
  display: { label: 'Display', color: '#f08c00' },
  affiliate: { label: 'Affiliate', color: '#5c940d' },
  other: { label: 'Other', color: '#adb5bd' },
};

export const CHANNEL_ORDER = Object.keys(CHANNEL_LOOK) as Channel[];

export const channelLabel = (channel: Channel | null | undefined) => (channel ? CHANNEL_LOOK[channel]?.label ?? channel : 'Unknown');

/** "Organic search · google", "Paid social · linkedin / webinar": where a visit came from, in one line. */
export function sourceLine(visit: { channel: Channel | null; source?: string | null; campaign?: string | null }): string {
  const detail = [visit.source, visit.campaign].filter(Boolean).join(' / ');
  return detail ? `${channelLabel(visit.channel)} · ${detail}` : channelLabel(visit.channel);
}
