// A canned Bolt server: the floor for a Bolt server in Node on this machine. It frames messages and
// answers each by its tag with bytes prepared at start-up: no PackStream decoding, no Cypher, no
// store. `node bench/bolt-stub.js` prints `bolt://127.0.0.1:PORT` once listening.
import { createServer } from 'node:net';

// A minimal PackStream encoder for the canned replies (strings under 256 bytes, small collections).
const str = (s) => {
  const bytes = Buffer.from(s, 'utf8');
  return Buffer.concat([bytes.length < 16 ? Buffer.of(0x80 + bytes.length) : Buffer.of(0xd0, bytes.length), bytes]);
};
const pack = (v) => {
  if (v === null) return Buffer.of(0xc0);
  if (v === true) return Buffer.of(0xc3);
  if (v === false) return Buffer.of(0xc2);
  if (typeof v === 'number') return Buffer.of(v); // tiny ints only
  if (typeof v === 'string') return str(v);
  if (Array.isArray(v)) return Buffer.concat([Buffer.of(0x90 + v.length), ...v.map(pack)]);
  const entries = Object.entries(v);
  return Buffer.concat([Buffer.of(0xa0 + entries.length), ...entries.flatMap(([k, x]) => [str(k), pack(x)])]);
};
const message = (tag, ...fields) => {
  const body = Buffer.concat([Buffer.of(0xb0 + fields.length, tag), ...fields.map(pack)]);
  const header = Buffer.alloc(2);
  header.writeUInt16BE(body.length);
  return Buffer.concat([header, body, Buffer.of(0, 0)]);
};
const SUCCESS = (meta) => message(0x70, meta);
const FIELDS = ['user', 'roles', 'passwordChangeRequired', 'suspended', 'home'];

const replies = new Map([
  [0x01, SUCCESS({ server: 'Neo4j/5.26.0', connection_id: 'bolt-stub' })],
  [0x6a, SUCCESS({})],
  [0x10, SUCCESS({ fields: FIELDS, t_first: 0 })],
  [
    0x3f,
    Buffer.concat([message(0x71, ['neo4j', ['admin', 'PUBLIC'], false, false, null]), SUCCESS({ type: 'r', t_last: 0, db: 'system' })]),
  ],
  [0x2f, SUCCESS({ type: 'r', t_last: 0, db: 'system' })],
  [0x11, SUCCESS({})],
  [0x12, SUCCESS({ bookmark: 'FB:stub' })],
  [0x13, SUCCESS({})],
  [0x0f, SUCCESS({})],
  [0x54, SUCCESS({})],
  [0x6b, SUCCESS({})],
]);

const server = createServer((socket) => {
  socket.setNoDelay(true);
  let handshook = false;
  let pending = Buffer.alloc(0);
  socket.on('data', (data) => {
    pending = Buffer.concat([pending, data]);
    if (!handshook) {
      if (pending.length < 20) return;
      socket.write(Buffer.of(0, 0, 8, 5)); // Bolt 5.8, whatever was offered
      pending = pending.subarray(20);
      handshook = true;
    }
    const out = [];
    // Whole messages only: a chunk header, its body, and the 00 00 end marker (single-chunk requests).
    while (pending.length >= 2) {
      const size = pending.readUInt16BE(0);
      if (size === 0) {
        pending = pending.subarray(2);
        continue;
      }
      if (pending.length < size + 4) break;
      const tag = pending[3];
      pending = pending.subarray(size + 4);
      if (tag === 0x02) return socket.end(Buffer.concat(out));
      out.push(replies.get(tag) ?? SUCCESS({}));
    }
    if (out.length > 0) socket.write(Buffer.concat(out));
  });
  socket.on('error', () => {});
});
server.listen(0, '127.0.0.1', () => console.log(`bolt://127.0.0.1:${server.address().port}`));
process.on('SIGTERM', () => process.exit(0));
