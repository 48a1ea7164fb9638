// The yardstick: the least a Node HTTP server can do per request.
import http from 'node:http';

const server = http.createServer((_req, res) => {
  res.statusCode = 204;
  res.end();
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
