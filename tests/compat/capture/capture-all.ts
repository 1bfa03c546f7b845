// Captures golden bytes for the protocol codec from real clients talking to a real Apache Kafka
// 4.3.1 through the recording proxy, and copies the log segments those clients' batches were
// stored in. Not run in CI (it needs Java, Maven, kcat, Python and the network to install the
// pinned clients); the fixtures it writes are committed.
//
//   node --conditions=sluice:source tests/compat/capture/capture-all.ts [client ...]
//
// With client names (kcat, kafkajs, java, kafka-python, kafka-python-3, confluent-kafka, platformatic) only those
// are captured again; other fixtures are left as they are.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTopicsAndWait, KAFKA_VERSION, startApacheKafka } from '@sluice/test-kit';
import { RecordingProxy, toJsonLine, type CapturedFrame } from './recording-proxy.ts';
import { KCAT_RECORDS, RECORDS, toTsv } from './records.ts';
import { javaClient } from './clients/java.ts';
import { kafkajs } from './clients/kafkajs.ts';
import { kcat } from './clients/kcat.ts';
import { confluentKafka, kafkaPython, kafkaPython3 } from './clients/python.ts';
import { platformatic } from './clients/platformatic.ts';
import type { CaptureClient, CaptureContext } from './clients/types.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const fixtures = join(root, 'packages', 'protocol', 'test', 'fixtures');
const capturesDir = join(fixtures, 'captures');
const kafkaLogDir = join(fixtures, 'kafka-log');

const ALL: CaptureClient[] = [kcat, kafkajs, javaClient, kafkaPython, kafkaPython3, confluentKafka, platformatic];
/** Topics produced into by scenarios that keep no kafka-log fixture. */
const EXTRA_TOPICS = ['java-acks0', 'kafkajs-idempotent', 'confluent-kafka-idempotent', 'platformatic-idempotent'];

const log = (m: string) => process.stderr.write(`[capture] ${m}\n`);

/** Sanity checks on what the proxy recorded: every frame carries the fields its line claims. */
function check(frames: CapturedFrame[], where: string): string[] {
  const problems: string[] = [];
  const open = new Map<string, CapturedFrame>();
  for (const f of frames) {
    const id = `${f.connection}/${f.correlationId}`;
    if (f.dir === 'request') {
      if (f.frame.readInt16BE(0) !== f.apiKey || f.frame.readInt16BE(2) !== f.apiVersion || f.frame.readInt32BE(4) !== f.correlationId) {
        problems.push(`${where}: request header does not match its line (${id})`);
      }
      open.set(id, f);
    } else {
      if (f.apiKey < 0) problems.push(`${where}: unmatched response ${id}`);
      if (f.frame.readInt32BE(0) !== f.correlationId) problems.push(`${where}: response correlation id mismatch ${id}`);
      const req = open.get(id);
      if (!req || req.apiKey !== f.apiKey || req.apiVersion !== f.apiVersion) problems.push(`${where}: response ${id} without its request`);
      open.delete(id);
    }
  }
  for (const [id, req] of open) {
    const acks0 = req.apiKey === 0; // a produce with acks=0 has no response
    if (!acks0) problems.push(`${where}: request ${id} (api ${req.apiKey} v${req.apiVersion}) got no response`);
  }
  return problems;
}

function summary(frames: CapturedFrame[]): string {
  const counts = new Map<string, number>();
  for (const f of frames) if (f.dir === 'request') counts.set(`${f.apiKey}v${f.apiVersion}`, (counts.get(`${f.apiKey}v${f.apiVersion}`) ?? 0) + 1);
  const conns = new Set(frames.map((f) => f.connection)).size;
  return `${frames.length} frames on ${conns} connections; requests ${[...counts].map(([k, n]) => (n > 1 ? `${k}x${n}` : k)).join(' ')}`;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !ALL.some((c) => c.name === w));
  if (unknown.length) throw new Error(`unknown client(s) ${unknown.join(', ')}; known: ${ALL.map((c) => c.name).join(', ')}`);
  const clients = wanted.length ? ALL.filter((c) => wanted.includes(c.name)) : ALL;

  const versions: Record<string, string> = {};
  for (const c of clients) {
    log(`preparing ${c.name}`);
    versions[c.name] = await c.prepare(log);
    log(`  ${versions[c.name]}`);
  }

  const work = mkdtempSync(join(tmpdir(), 'sluice-capture-'));
  const recordsFile = join(work, 'records.tsv');
  const kcatRecordsFile = join(work, 'kcat-records.tsv');
  writeFileSync(recordsFile, toTsv(RECORDS));
  writeFileSync(kcatRecordsFile, toTsv(KCAT_RECORDS));

  const proxy = await RecordingProxy.start({ warn: (m) => log(`proxy: ${m}`) });
  const kafka = await startApacheKafka({
    advertisedPort: proxy.port,
    config: {
      // small internal topics keep Metadata and FindCoordinator answers small
      'offsets.topic.num.partitions': '3',
      'transaction.state.log.num.partitions': '3',
    },
    log,
  });
  proxy.setUpstream(kafka.host, kafka.port);
  const problems: string[] = [];
  try {
    // Topics are created beforehand over the broker's internal listener, which bypasses the proxy:
    // the captures then hold only the clients' own traffic, and no auto-creation retries.
    const topics = [...clients.flatMap((c) => c.scenarios.flatMap((s) => (s.produces ? [s.produces.topic] : []))),
      ...EXTRA_TOPICS.filter((t) => clients.some((c) => t.startsWith(`${c.name}-`)))];
    await createTopicsAndWait(kafka.directBootstrap, topics.map((name) => ({ name, partitions: 1 })));
    log(`created ${topics.length} topics`);

    const ctx: CaptureContext = { bootstrap: proxy.address, recordsFile, kcatRecordsFile, log };
    for (const c of clients) {
      const dir = join(capturesDir, c.name);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      for (const s of c.scenarios) {
        await proxy.waitIdle(200, 10_000);
        proxy.take();
        log(`${c.name}/${s.name}`);
        await s.run(ctx);
        if (!(await proxy.waitIdle(300, 20_000))) log(`  ${c.name}/${s.name}: connections still open after 20 s`);
        const frames = proxy.take();
        problems.push(...check(frames, `${c.name}/${s.name}`));
        writeFileSync(join(dir, `${s.name}.jsonl`), frames.map(toJsonLine).join('\n') + '\n');
        log(`  ${summary(frames)}`);
      }
    }

    // The stored batches: each produce scenario wrote only into its own topic's partition 0.
    mkdirSync(kafkaLogDir, { recursive: true });
    for (const c of clients) {
      for (const s of c.scenarios) {
        if (!s.produces) continue;
        const { topic, codec, records, note } = s.produces;
        const segment = join(kafka.logDir, `${topic}-0`, '00000000000000000000.log');
        if (!existsSync(segment)) throw new Error(`no segment for ${topic}`);
        copyFileSync(segment, join(kafkaLogDir, `${topic}.log`));
        const meta = { client: c.name, clientVersion: versions[c.name], broker: `Apache Kafka ${KAFKA_VERSION}`, topic, partition: 0, codec, ...(note ? { note } : {}), records };
        writeFileSync(join(kafkaLogDir, `${topic}.json`), JSON.stringify(meta, null, 2) + '\n');
      }
    }
  } finally {
    await proxy.close();
    await kafka.stop();
    rmSync(work, { recursive: true, force: true });
  }

  const versionsFile = join(capturesDir, 'clients.json');
  const previous = existsSync(versionsFile) ? (JSON.parse(readFileSync(versionsFile, 'utf8')) as { clients: Record<string, string> }).clients : {};
  writeFileSync(
    versionsFile,
    JSON.stringify({ broker: `Apache Kafka ${KAFKA_VERSION} (org.apache.kafka:kafka_2.13:${KAFKA_VERSION}, KRaft, single node)`, clients: { ...previous, ...versions } }, null, 2) + '\n',
  );
  if (problems.length) {
    for (const p of problems) log(`PROBLEM ${p}`);
    process.exitCode = 1;
  }
  log('done');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
