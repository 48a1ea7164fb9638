import autocannon from 'autocannon';
const ws = (await (await fetch('http://127.0.0.1:3990/api/v1/workspace', { headers: { authorization: 'Bearer inf_bench_tracking_ingest_key_001' } })).json()).id;
let n = 0;
const r = await autocannon({ url: 'http://127.0.0.1:3990/public/events', method: 'POST', connections: 50, duration: 8, requests: [{ setupRequest: (req) => { n++; const v = `00000000-0000-4000-a000-${String(n % 5000).padStart(12, '0')}`; return { ...req, headers: { 'content-type': 'text/plain', 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36' }, body: JSON.stringify({ workspace_id: ws, visitor_id: v, session_id: v.replace('0000-4000', '1111-4000'), sent_at: Date.now(), events: [{ type: 'page_view', at: Date.now(), url: `https://www.acme.example/p${n % 8}`, title: 'T', referrer: null }] }) }; } }] });
console.log(process.env.TB, r.requests.average, r.latency.p99, r.non2xx);
