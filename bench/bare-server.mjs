// The yardstick: the least a Node HTTP server can do per request. With BODY_FILE it answers
// 200 with that file's bytes as HTML (the same page Inflow serves, for pages-serve).
import fs from 'node:fs';
import http from 'node:http';

const body = process.env.BODY_FILE ? fs.readFileSync(process.env.BODY_FILE) : null;
const server = http.createServer((_req, res) => {
  if (!body) {
    res.statusCode = 204;
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
  res.end(body);
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
