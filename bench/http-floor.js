// The floor for an HTTP server in Node on this machine: a plain `node:http` server that reads each
// request's body and answers a canned Query API body, no JSON parsing, no auth, no Cypher.
// `node bench/http-floor.js` prints `HTTP listening on http://127.0.0.1:PORT` once listening.
import { createServer } from 'node:http';

const BODY = JSON.stringify({
  data: {
    fields: ['user', 'roles', 'passwordChangeRequired', 'suspended', 'home'],
    values: [['neo4j', ['admin', 'PUBLIC'], false, false, null]],
  },
  bookmarks: ['FB:sysdb:0'],
});

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(202, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) });
    response.end(BODY);
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`HTTP listening on http://127.0.0.1:${server.address().port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
