// A customer's website for browser tests: another origin (`localhost` on its own port, while
// Inflow answers on 127.0.0.1), serving pages under a strict Content-Security-Policy with
// Trusted Types, as a careful site would. Pages report any CSP violation to `window.__violations`.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Site {
  url: string;
  close(): Promise<void>;
}

/** Serves `pages[path](nonce)` as HTML with a CSP that allows `inflow` for scripts, requests and posts. */
export async function startSite(inflow: string, pages: Record<string, (nonce: string) => string>): Promise<Site> {
  const server = http.createServer((req, res) => {
    const page = pages[(req.url ?? '/').split('?')[0]!];
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    const nonce = randomBytes(12).toString('base64');
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': [
        "default-src 'none'",
        `script-src 'nonce-${nonce}' ${inflow}`,
        `style-src 'nonce-${nonce}'`,
        `connect-src ${inflow}`,
        `form-action ${inflow}`,
        "img-src 'none'",
        "base-uri 'none'",
        "require-trusted-types-for 'script'",
      ].join('; '),
    });
    res.end(page(nonce));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The page's own script: collects CSP violations for the test to read. */
export const violationCollector = (nonce: string) =>
  `<script nonce="${nonce}">window.__violations=[];document.addEventListener('securitypolicyviolation',function(e){window.__violations.push(e.violatedDirective+' '+e.blockedURI)});</script>`;
