// Checks the committed golden captures for internal consistency, by hand and without the codec
// under test: every line's api key, version and correlation id are those in its frame; every
// request but an acks=0 produce has its response; every stored batch is well framed, its CRC32C
// holds, it is exactly what the client sent (the broker only fills in the base offset and leader
// epoch), and its snappy framing is the one the captures README states.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const fixtures = join(root, 'packages', 'protocol', 'test', 'fixtures');
const capturesDir = join(fixtures, 'captures');
const kafkaLogDir = join(fixtures, 'kafka-log');

interface Line {
  connection: number;
  dir: 'request' | 'response';
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  frame: string;
}

function readCapture(client: string, scenario: string): Line[] {
  return readFileSync(join(capturesDir, client, `${scenario}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Line);
}

const CRC32C_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32c(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC32C_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];
const XERIAL = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
/** Snappy framing per client, as found in the captures (see captures/README.md). */
const SNAPPY_FRAMING: Record<string, 'xerial' | 'raw'> = {
  java: 'xerial',
  'kafka-python': 'xerial',
  'kafka-python-3': 'xerial',
  kcat: 'raw',
  'confluent-kafka': 'raw',
  kafkajs: 'raw',
  platformatic: 'raw',
};

const clients = readdirSync(capturesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

test('captures: at least the six clients, each with scenarios', () => {
  for (const c of ['kcat', 'kafkajs', 'java', 'kafka-python', 'confluent-kafka', 'platformatic']) assert.ok(clients.includes(c), c);
});

for (const client of clients) {
  for (const file of readdirSync(join(capturesDir, client)).filter((f) => f.endsWith('.jsonl'))) {
    const scenario = file.replace(/\.jsonl$/, '');
    test(`captures/${client}/${scenario}: lines match their frames, requests match responses`, () => {
      const lines = readCapture(client, scenario);
      assert.ok(lines.length >= 2);
      const open = new Map<string, Line>();
      for (const l of lines) {
        assert.match(l.frame, /^([0-9a-f]{2})+$/);
        const frame = Buffer.from(l.frame, 'hex');
        const id = `${l.connection}/${l.correlationId}`;
        if (l.dir === 'request') {
          assert.equal(frame.readInt16BE(0), l.apiKey);
          assert.equal(frame.readInt16BE(2), l.apiVersion);
          assert.equal(frame.readInt32BE(4), l.correlationId);
          // every request header from v1 on carries a client id (int16 length, then bytes)
          const len = frame.readInt16BE(8);
          assert.ok(len >= -1 && 10 + Math.max(len, 0) <= frame.length, `client id length ${len}`);
          assert.ok(!open.has(id), `correlation id reused while open: ${id}`);
          open.set(id, l);
        } else {
          assert.equal(frame.readInt32BE(0), l.correlationId);
          const req = open.get(id);
          assert.ok(req, `response without request: ${id}`);
          assert.equal(req.apiKey, l.apiKey);
          assert.equal(req.apiVersion, l.apiVersion);
          open.delete(id);
        }
      }
      for (const req of open.values()) assert.equal(req.apiKey, 0, `request api ${req.apiKey} without response`);
      if (scenario === 'produce-acks0') assert.ok([...open.values()].length >= 1, 'the acks=0 produce has no response');
    });
  }
}

interface Batch {
  bytes: Buffer;
  codec: string;
  control: boolean;
}

function batches(log: Buffer): Batch[] {
  const out: Batch[] = [];
  let pos = 0;
  while (pos < log.length) {
    const length = log.readInt32BE(pos + 8);
    const bytes = log.subarray(pos, pos + 12 + length);
    assert.equal(bytes.length, 12 + length, 'truncated batch');
    assert.equal(bytes.readInt8(16), 2, 'magic 2');
    assert.equal(bytes.readUInt32BE(17), crc32c(bytes.subarray(21)), 'CRC32C');
    const attributes = bytes.readInt16BE(21);
    out.push({ bytes, codec: CODECS[attributes & 7]!, control: (attributes & 0x20) !== 0 });
    pos += 12 + length;
  }
  return out;
}

for (const file of readdirSync(kafkaLogDir).filter((f) => f.endsWith('.json'))) {
  const name = file.replace(/\.json$/, '');
  test(`kafka-log/${name}: framed, CRC-valid, as the client sent it`, () => {
    const meta = JSON.parse(readFileSync(join(kafkaLogDir, file), 'utf8')) as {
      client: string;
      topic: string;
      codec: string;
      records: Array<{ key: string | null; value: string | null; headers: Array<[string, string]> }>;
    };
    assert.equal(meta.topic, name);
    assert.ok(meta.records.length > 0);
    const stored = batches(readFileSync(join(kafkaLogDir, `${name}.log`)));
    const data = stored.filter((b) => !b.control);
    assert.ok(data.length >= 1);
    const scenario = `produce-${name.slice(meta.client.length + 1)}`;
    const produced = readCapture(meta.client, scenario)
      .filter((l) => l.dir === 'request' && l.apiKey === 0)
      .map((l) => Buffer.from(l.frame, 'hex'));
    let count = 0;
    for (const b of data) {
      assert.equal(b.codec, meta.codec);
      count += b.bytes.readInt32BE(57);
      // from the magic byte on, the stored batch is byte for byte the one in the produce request
      const tail = b.bytes.subarray(16);
      assert.ok(produced.some((f) => f.includes(tail)), 'stored batch found in the captured produce request');
      if (b.codec === 'snappy') {
        const xerial = b.bytes.subarray(61, 69).equals(XERIAL);
        assert.equal(xerial ? 'xerial' : 'raw', SNAPPY_FRAMING[meta.client]);
      }
    }
    assert.equal(count, meta.records.length, 'record count in the batch headers');
  });
}
