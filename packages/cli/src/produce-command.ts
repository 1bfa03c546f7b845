/**
 * sluice produce TOPIC: one record per line of standard input. With --key-separator, the text
 * before the first separator is the key. Headers apply to every record. Long runs report
 * progress on stderr (progress.ts).
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Producer, type ProducerRecord } from '@sluice/client';
import { BOOTSTRAP_OPTION, UsageError, bootstrapFrom, parseSettings } from './args.js';
import { Progress } from './progress.js';

export const PRODUCE_USAGE = `Usage: sluice produce TOPIC [options] < lines

  -k, --key-separator SEP    the text before SEP on each line is the record key
  -H, --header key=value     add a header to every record (repeatable)
  -p, --partition N          send every record to this partition
  -z, --compression CODEC    none, gzip, snappy, lz4 or zstd
      --acks all|1|0         default all
  -b, --bootstrap-server HOST:PORT
`;

export async function produceCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...BOOTSTRAP_OPTION,
      'key-separator': { type: 'string', short: 'k' },
      header: { type: 'string', short: 'H', multiple: true },
      partition: { type: 'string', short: 'p' },
      compression: { type: 'string', short: 'z' },
      acks: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(PRODUCE_USAGE);
    return 0;
  }
  const topic = positionals[0];
  if (topic === undefined) throw new UsageError('produce needs a topic');
  const headers = parseSettings(values.header);
  const partition = values.partition === undefined ? undefined : Number(values.partition);
  const acks = values.acks === undefined ? 'all' : values.acks === 'all' ? 'all' : (Number(values.acks) as 0 | 1 | -1);
  const progress = new Progress();
  const producer = new Producer({
    bootstrapServers: bootstrapFrom(values['bootstrap-server']),
    clientId: 'sluice-cli',
    compression: (values.compression ?? 'none') as 'none',
    acks,
  });
  const separator = values['key-separator'];
  let sent = 0;
  let acknowledged = 0;
  let failed: unknown = null;
  const pending = new Set<Promise<unknown>>();
  try {
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
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
        () => void acknowledged++,
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
    await producer.close();
  }
  if (failed !== null) {
    process.stderr.write(`sluice produce: ${(failed as Error).message}\n`);
    return 1;
  }
  progress.finish(`sent ${sent} records to ${topic}, all acknowledged.`);
  return 0;
}
