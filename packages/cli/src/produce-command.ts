/**
 * sluice produce TOPIC: one record per line of standard input. With --key-separator, the text
 * before the first separator is the key. Headers apply to every record. Long runs report
 * progress on stderr (progress.ts).
 */
import { createInterface } from 'node:readline';
import type { Producer, ProducerRecord } from '@sluice/client';
import { CliError, type Io, UsageError, expectPositionals, parseCommandLine, parseSettings, parseWholeNumber } from './args.ts';
import { CLIENT_ID, CONNECTION_OPTIONS, CONNECTION_USAGE, checkReachable, connectionFrom, loadClient } from './connect.ts';
import { ConnectionWatch, connectionCheckInterval } from './connection-watch.ts';
import { Progress, progressInterval } from './progress.ts';

const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
const ACKS = { all: 'all', '-1': 'all', '1': 1, '0': 0 } as const;

export const PRODUCE_USAGE = `Usage: sluice produce TOPIC [options] < lines

  -k, --key-separator SEP    the text before SEP on each line is the record key
  -H, --header key=value     add a header to every record (repeatable)
  -p, --partition N          send every record to this partition
  -z, --compression CODEC    none, gzip, snappy, lz4 or zstd
      --acks all|1|0         default all
${CONNECTION_USAGE}`;

export async function produceCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine({
    args: argv,
    allowPositionals: true,
    options: {
      ...CONNECTION_OPTIONS,
      'key-separator': { type: 'string', short: 'k' },
      header: { type: 'string', short: 'H', multiple: true },
      partition: { type: 'string', short: 'p' },
      compression: { type: 'string', short: 'z' },
      acks: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(PRODUCE_USAGE);
    return 0;
  }
  const [topic] = expectPositionals(positionals, ['a topic']);
  const headers = parseSettings(values.header, '--header');
  const partition = parseWholeNumber(values.partition, '--partition', 0);
  const compression = values.compression ?? 'none';
  if (!(CODECS as readonly string[]).includes(compression)) throw new UsageError(`--compression must be one of ${CODECS.join(', ')}, got ${JSON.stringify(compression)}`);
  const acksText = values.acks ?? 'all';
  if (!Object.hasOwn(ACKS, acksText)) throw new UsageError(`--acks must be all, 1 or 0, got ${JSON.stringify(acksText)}`);
  const progress = new Progress({ everyMs: progressInterval(io.env), write: io.err });
  const connection = connectionFrom(values, io);
  await checkReachable(connection);
  const { Producer } = await loadClient();
  const producer = new Producer({
    bootstrapServers: connection.bootstrapServers,
    clientId: CLIENT_ID,
    compression: compression as (typeof CODECS)[number],
    acks: ACKS[acksText as keyof typeof ACKS],
  });
  const separator = values['key-separator'];
  let sent = 0;
  let acknowledged = 0;
  let failed: unknown = null;
  const pending = new Set<Promise<unknown>>();
  // The producer retries through a lost cluster for up to delivery.timeout.ms; say so meanwhile.
  const watch = new ConnectionWatch(
    () => checkReachable(connection),
    (reason) => io.err(`sluice produce: ${reason.message}; still trying (a record is given up after delivery.timeout.ms, 120 s).\n`),
    () => io.err('sluice produce: the cluster can be reached again; producing.\n'),
  );
  watch.start(connectionCheckInterval(io.env));
  try {
    await findTopic(producer, topic, connection.connectTimeoutMs);
    for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
      if (failed !== null) break;
      let key: string | null = null;
      let value = line;
      if (separator !== undefined) {
        const at = line.indexOf(separator);
        if (at >= 0) {
          key = line.slice(0, at);
          value = line.slice(at + separator.length);
        }
      }
      const record: ProducerRecord = { topic, key, value, headers, partition };
      const p: Promise<unknown> = producer.send(record).then(
        () => {
          acknowledged++;
          watch.sawRecords();
        },
        (e) => {
          failed ??= e;
        },
      );
      pending.add(p);
      void p.finally(() => pending.delete(p));
      sent++;
      if (pending.size >= 10_000) await Promise.race(pending);
      progress.tick(() => `sent ${sent} records (${acknowledged} acknowledged)…`);
    }
    await producer.flush();
    await Promise.all(pending);
  } finally {
    watch.stop();
    await producer.close();
  }
  if (failed !== null) {
    io.err(`sluice produce: ${acknowledged} of ${sent} records were acknowledged before the failure below\n`);
    throw failed;
  }
  progress.finish(`sent ${sent} records to ${topic}, all acknowledged.`);
  return 0;
}

/**
 * Looks the topic up before reading stdin (which creates it where the cluster auto-creates
 * topics), so that a topic that is not there fails within --connect-timeout rather than after
 * the producer's max.block.ms (60 s).
 */
async function findTopic(producer: Producer, topic: string, connectTimeoutMs: number): Promise<void> {
  const waitMs = connectTimeoutMs;
  try {
    await producer.connect({ topics: [topic], signal: AbortSignal.timeout(waitMs) });
  } catch (e) {
    if ((e as { code?: string }).code !== 'ABORTED') throw e;
    throw new CliError(
      `topic '${topic}' is not available after ${waitMs} ms: it does not exist and the cluster does not create topics on first use (auto.create.topics.enable=false), or its partitions have no leader; \`sluice topic create ${topic}\` creates it, \`sluice topic describe ${topic}\` shows its leaders`,
    );
  }
}
