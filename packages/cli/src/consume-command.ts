/**
 * sluice consume TOPIC: prints records. Without --group it reads the partitions directly (all,
 * or one with --partition) from the beginning, the end, an offset or a time; with --group it
 * joins that consumer group and commits what it printed. With --exit it stops once it has read
 * to the end of every partition it reads (as kcat's -e): in a group, every partition assigned
 * to it, up to where each ended when it was assigned. Long runs report progress on stderr
 * (progress.ts).
 */
import type { TopicPartition } from '@sluice/client';
import { CliError, type Io, UsageError, expectPositionals, parseCommandLine, parseOffset, parseTime, parseWholeNumber } from './args.ts';
import { CLIENT_ID, CONNECTION_OPTIONS, CONNECTION_USAGE, checkReachable, connectionFrom, loadClient, openAdmin } from './connect.ts';
import { ConnectionWatch, connectionCheckInterval } from './connection-watch.ts';
import { Progress, progressInterval } from './progress.ts';
import { parseFormat, renderRecord } from './record-format.ts';

export const CONSUME_USAGE = `Usage: sluice consume TOPIC [options]

Where to start (without --group; default: the end, i.e. only new records):
      --from-beginning       every record still in the log
      --offset N             from offset N (with --partition)
      --from-time TIME       from the first record at or after TIME (ISO 8601 or epoch ms)
  -p, --partition N          only this partition
  -g, --group ID             consume as a member of group ID (starts where the group left off,
                             else at the end, or the beginning with --from-beginning)
  -n, --max-messages N       stop after N records
  -e, --exit                 stop at the end of every partition (with --group: every partition
                             assigned) instead of waiting for more
  -f, --format FORMAT        'text' (the value, default), 'json' (one object a line: topic, partition,
                             offset, timestamp, timestampType, key, value, headers; bytes that are not
                             UTF-8 as base64, with "keyEncoding"/"valueEncoding": "base64"), or a
                             template with %t topic %p partition %o offset %k key %v value
                             %h headers %T timestamp
${CONNECTION_USAGE}`;

export async function consumeCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine({
    args: argv,
    allowPositionals: true,
    options: {
      ...CONNECTION_OPTIONS,
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
    io.out(CONSUME_USAGE);
    return 0;
  }
  const [topic] = expectPositionals(positionals, ['a topic']);
  if (values.offset !== undefined && values.partition === undefined) throw new UsageError('--offset needs --partition');
  const startOptions = (['from-beginning', 'offset', 'from-time'] as const).filter((k) => values[k] !== undefined);
  if (startOptions.length > 1) throw new UsageError(`give one place to start, not --${startOptions.join(' and --')}`);
  if (values.group !== undefined && (values.offset !== undefined || values.partition !== undefined || values['from-time'] !== undefined)) {
    throw new UsageError('--group consumes what the group is assigned; it cannot be combined with --partition, --offset or --from-time');
  }
  const format = parseFormat(values.format!);
  const max = parseWholeNumber(values['max-messages'], '--max-messages', 1) ?? Infinity;
  const partitionArg = parseWholeNumber(values.partition, '--partition', 0);
  const offsetArg = values.offset === undefined ? undefined : parseOffset(values.offset, '--offset');
  const fromTime = values['from-time'] === undefined ? undefined : parseTime(values['from-time'], '--from-time');
  const progress = new Progress({ everyMs: progressInterval(io.env), write: io.err });
  const connection = connectionFrom(values, io);
  const checkEveryMs = connectionCheckInterval(io.env);

  // The topic first, through the admin API: a missing topic is an error here, not a silent wait;
  // without a group, also where each partition ends now and where reading starts.
  const ends = new Map<string, bigint>();
  const starts: { partition: number; offset: bigint }[] = [];
  let assigned: TopicPartition[] = [];
  const admin = await openAdmin(connection);
  try {
    const [d] = await admin.describeTopics([topic]);
    if (values.group === undefined) {
      if (partitionArg !== undefined && !d.partitions.some((p) => p.partition === partitionArg)) {
        throw new UsageError(`topic ${topic} has no partition ${partitionArg} (it has ${d.partitions.length})`);
      }
      const partitions = partitionArg === undefined ? d.partitions.map((p) => p.partition) : [partitionArg];
      assigned = partitions.map((partition) => ({ topic, partition }));
      const latest = await admin.listOffsets(assigned.map((tp) => ({ ...tp, spec: 'latest' as const })));
      for (const l of latest) ends.set(`${l.topic}\u0000${l.partition}`, l.offset);
      if (offsetArg !== undefined) starts.push({ partition: assigned[0].partition, offset: offsetArg });
      else if (fromTime !== undefined) {
        const found = await admin.listOffsets(assigned.map((tp) => ({ ...tp, spec: { timestamp: fromTime } })));
        starts.push(...found.map((f) => ({ partition: f.partition, offset: f.offset >= 0n ? f.offset : ends.get(`${topic}\u0000${f.partition}`)! })));
      } else if (values['from-beginning']) starts.push(...(await admin.listOffsets(assigned.map((tp) => ({ ...tp, spec: 'earliest' as const })))));
      else starts.push(...latest);
    }
  } finally {
    await admin.close();
  }

  const { Consumer } = await loadClient();
  const consumer = new Consumer({
    bootstrapServers: connection.bootstrapServers,
    clientId: CLIENT_ID,
    groupId: values.group,
    enableAutoCommit: false,
    autoOffsetReset: values['from-beginning'] ? 'earliest' : 'latest',
  });
  const abort = new AbortController();
  const stop = () => abort.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let printed = 0;
  const key = (tp: TopicPartition) => `${tp.topic}\u0000${tp.partition}`;
  const positions = new Map<string, bigint>();
  // A lost cluster: waiting for new records, say so and keep trying; with --exit, give up.
  let lost: Error | null = null;
  const watch = values.exit
    ? new ConnectionWatch(
        () => checkReachable(connection),
        (reason) => {
          lost = reason;
          abort.abort();
        },
      )
    : new ConnectionWatch(
        () => checkReachable(connection),
        (reason) => io.err(`sluice consume: ${reason.message}; still trying (Ctrl-C to stop).\n`),
        () => io.err('sluice consume: the cluster can be reached again; consuming.\n'),
      );
  watch.start(checkEveryMs);
  try {
    if (values.group !== undefined) consumer.subscribe(topic);
    else {
      consumer.assign(assigned);
      for (const s of starts) {
        consumer.seek({ topic, partition: s.partition }, s.offset);
        positions.set(key({ topic, partition: s.partition }), s.offset);
      }
    }

    /** With --exit, whether every partition read has been read to its end. */
    const atEnd = async (): Promise<boolean> => {
      if (values.group === undefined) return assigned.every((tp) => (ends.get(key(tp)) ?? 0n) <= (positions.get(key(tp)) ?? 0n));
      const membership = consumer.groupMetadata();
      if (membership === null || membership.generationId < 0) return false; // not in the group yet
      const mine = consumer.assignment();
      // Joined, but given nothing (more members than partitions): there is nothing to read.
      if (mine.length === 0) return membership.generationId > 0;
      const unknown = mine.filter((tp) => !ends.has(key(tp)));
      if (unknown.length > 0) for (const l of await consumer.endOffsets(unknown, { signal: abort.signal })) ends.set(key(l), l.offset);
      for (const tp of mine) if ((await consumer.position(tp, { signal: abort.signal })) < ends.get(key(tp))!) return false;
      return true;
    };

    while (printed < max && !abort.signal.aborted) {
      if (values.exit && (await atEnd())) break;
      const records = await consumer.poll({ timeoutMs: 500, signal: abort.signal }).catch((e) => {
        if (abort.signal.aborted) return [];
        throw e;
      });
      // What was printed, per partition: the group commits exactly that, never records a
      // --max-messages stop left unprinted.
      const printedTo = new Map<string, { topic: string; partition: number; offset: bigint }>();
      if (records.length > 0) watch.sawRecords();
      for (const r of records) {
        if (printed >= max) break;
        io.out(`${renderRecord(format, r)}\n`);
        printed++;
        positions.set(key(r), r.offset + 1n);
        printedTo.set(key(r), { topic: r.topic, partition: r.partition, offset: r.offset + 1n });
        progress.tick(() => `consumed ${printed} records…`);
      }
      if (values.group !== undefined && printedTo.size > 0) await consumer.commit({ offsets: [...printedTo.values()] });
    }
  } catch (e) {
    if (!abort.signal.aborted) throw e;
  } finally {
    watch.stop();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await consumer.close();
  }
  if (lost !== null) throw new CliError(`${(lost as Error).message} (after ${printed} records)`);
  progress.finish(`consumed ${printed} records from ${topic}.`);
  return 0;
}
