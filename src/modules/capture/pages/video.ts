/**
 * The privacy-enhanced player of a YouTube or Vimeo address: youtube-nocookie.com (no cookies
 * until the visitor plays) and Vimeo with `dnt=1`. Anything else is null: a page embeds no
 * other site.
 */
export function videoEmbedUrl(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.replace(/^(www\.|m\.)/, '');
  const id = (pattern: RegExp, value: string | null | undefined) => (value && pattern.test(value) ? value : null);
  const youtubeId = /^[A-Za-z0-9_-]{11}$/;
  if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    const parts = url.pathname.split('/').filter(Boolean);
    const found = parts[0] === 'watch' ? id(youtubeId, url.searchParams.get('v')) : ['embed', 'shorts', 'live'].includes(parts[0] ?? '') ? id(youtubeId, parts[1]) : null;
    return found ? `https://www.youtube-nocookie.com/embed/${found}` : null;
  }
  if (host === 'youtu.be') {
    const found = id(youtubeId, url.pathname.slice(1));
    return found ? `https://www.youtube-nocookie.com/embed/${found}` : null;
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const found = url.pathname.split('/').filter(Boolean).find((part) => /^\d{1,12}$/.test(part));
    return found ? `https://player.vimeo.com/video/${found}?dnt=1` : null;
  }
  return null;
}
