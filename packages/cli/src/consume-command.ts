/**
 * sluice consume TOPIC: prints records. Without --group it reads the partitions directly (all,
 * or one with --partition) from the beginning, the end, an offset or a time; with --group it
 * joins that consumer group and commits what it printed. Long runs report progress on stderr
 * (progress.ts).
 */
import { parseArgs } from 'node:util';
import { Admin, Consumer, type ConsumerRecord, type TopicPartition } from '@sluice/client';
import { BOOTSTRAP_OPTION, UsageError, bootstrapFrom } from './args.js';
import { Progress } from './progress.js';

export const CONSUME_USAGE = `Usage: sluice consume TOPIC [options]

Where to start (without --group; default: the end, i.e. only new records):
      --from-beginning       every record still in the log
      --offset N             from offset N (with --partition)
      --from-time TIME       from the first record at or after TIME (ISO 8601 or epoch ms)
  -p, --partition N          only this partition
  -g, --group ID             consume as a member of group ID (starts where the group left off)
  -n, --max-messages N       stop after N records
  -e, --exit                 stop at the end of every partition instead of waiting
  -f, --format FORMAT        'text' (value only, default), 'json', or a template with
                             %t topic %p partition %o offset %k key %v value %h headers %T timestamp
  -b, --bootstrap-server HOST:PORT
`;

function render(format: string, r: ConsumerRecord): string {
  const value = r.value?.toString('utf8') ?? '';
  if (format === 'text') return value;
  if (format === 'json') {
    return JSON.stringify({
      topic: r.topic,
      partition: r.partition,
      offset: r.offset.toString(),
      timestamp: r.timestamp,
      key: r.key?.toString('utf8') ?? null,
      value: r.value?.toString('utf8') ?? null,
      headers: Object.fromEntries(r.headers.map((h) => [h.key, h.value?.toString('utf8') ?? null])),
    });
  }
  return format.replace(/%([tpokvhT%])/g, (_, c: string) => {
    switch (c) {
      case 't':
        return r.topic;
      case 'p':
        return String(r.partition);
      case 'o':
        return r.offset.toString();
      case 'k':
        return r.key?.toString('utf8') ?? '';
      case 'v':
        return value;
      case 'h':
        return r.headers.map((h) => `${h.key}=${h.value?.toString('utf8') ?? ''}`).join(',');
      case 'T':
        return String(r.timestamp);
      default:
        return '%';
    }
  });
}

function parseTime(text: string): number {
  const n = /^\d+$/.test(text) ? Number(text) : Date.parse(text);
  if (!Number.isFinite(n)) throw new UsageError(`--from-time: cannot read ${JSON.stringify(text)} as a time; give ISO 8601 or milliseconds since the epoch`);
  return n;
}

export async function consumeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...BOOTSTRAP_OPTION,
      'from-beginning': { type: 'boolean' },
      offset: { type: 'string' },
      'from-time': { type: 'string' },
      partition: { type: 'string', short: 'p' },
      group: { type: 'string', short: 'g' },
      'max-messages': { type: 'string', short: 'n' },
      exit: { type: 'boolean', short: 'e' },
      format: { type: 'string', short: 'f', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(CONSUME_USAGE);
    return 0;
  }
  const topic = positionals[0];
  if (topic === undefined) throw new UsageError('consume needs a topic');
  if (values.offset !== undefined && values.partition === undefined) throw new UsageError('--offset needs --partition');
  if (values.group !== undefined && (values.offset !== undefined || values.partition !== undefined || values['from-time'] !== undefined)) {
    throw new UsageError('--group consumes what the group is assigned; it cannot be combined with --partition, --offset or --from-time');
  }
  const bootstrapServers = bootstrapFrom(values['bootstrap-server']);
  const max = values['max-messages'] === undefined ? Infinity : Number(values['max-messages']);
  const progress = new Progress();
  const consumer = new Consumer({
    bootstrapServers,
    clientId: 'sluice-cli',
    groupId: values.group,
    enableAutoCommit: false,
    autoOffsetReset: values['from-beginning'] ? 'earliest' : 'latest',
  });
  const abort = new AbortController();
  const stop = () => abort.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let printed = 0;
  try {
    let assigned: TopicPartition[] = [];
    // With --exit: where each partition ends now, and where reading starts (from the admin API,
    // so that nothing waits on the consumer's own offset lookups).
    const ends = new Map<number, bigint>();
    const positions = new Map<number, bigint>();
    if (values.group !== undefined) {
      consumer.subscribe(topic);
    } else {
      const admin = new Admin({ bootstrapServers, clientId: 'sluice-cli' });
      try {
        const [d] = await admin.describeTopics([topic]);
        const partitions = values.partition === undefined ? d.partitions.map((p) => p.partition) : [Number(values.partition)];
        assigned = partitions.map((partition) => ({ topic, partition }));
        consumer.assign(assigned);
        const latest = await admin.listOffsets(assigned.map((tp) => ({ ...tp, spec: 'latest' as const })));
        for (const l of latest) ends.set(l.partition, l.offset);
        let starts: { partition: number; offset: bigint }[];
        if (values.offset !== undefined) starts = [{ partition: assigned[0].partition, offset: BigInt(values.offset) }];
        else if (values['from-time'] !== undefined) {
          const at = parseTime(values['from-time']);
          const found = await admin.listOffsets(assigned.map((tp) => ({ ...tp, spec: { timestamp: at } })));
          starts = found.map((f) => ({ partition: f.partition, offset: f.offset >= 0n ? f.offset : ends.get(f.partition)! }));
        } else if (values['from-beginning']) starts = await admin.listOffsets(assigned.map((tp) => ({ ...tp, spec: 'earliest' as const })));
        else starts = latest;
        for (const s of starts) {
          consumer.seek({ topic, partition: s.partition }, s.offset);
          positions.set(s.partition, s.offset);
        }
      } finally {
        await admin.close();
      }
    }
    const done = () => {
      if (printed >= max) return true;
      if (!values.exit || values.group !== undefined) return false;
      return assigned.every((tp) => (ends.get(tp.partition) ?? 0n) <= (positions.get(tp.partition) ?? 0n));
    };
    while (!done() && !abort.signal.aborted) {
      const records = await consumer.poll({ timeoutMs: 500, signal: abort.signal }).catch((e) => {
        if (abort.signal.aborted) return [];
        throw e;
      });
      for (const r of records) {
        if (printed >= max) break;
        process.stdout.write(`${render(values.format!, r)}\n`);
        printed++;
        positions.set(r.partition, r.offset + 1n);
        progress.tick(() => `consumed ${printed} records…`);
      }
      if (values.group !== undefined && records.length > 0) await consumer.commit();
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await consumer.close();
  }
  progress.finish(`consumed ${printed} records from ${topic}.`);
  return 0;
}
