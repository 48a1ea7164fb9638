import { isIP } from 'node:net';

/** The network part of an address, when the workspace keeps no more: /24 of IPv4, /48 of IPv6. */
export function truncateIp(ip: string): string {
  const kind = isIP(ip);
  if (kind === 4) return ip.split('.').slice(0, 3).concat('0').join('.');
  if (kind === 6) {
    if (ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4) return truncateIp(ip.slice(7));
    const [head = '', tail] = ip.split('::');
    const left = head ? head.split(':') : [];
    const right = tail !== undefined && tail ? tail.split(':') : [];
    const full = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
    return `${full.slice(0, 3).map((g) => g || '0').join(':')}::`;
  }
  return ip;
}
