/**
 * sluice group list|describe|reset-offsets|delete: consumer groups through the admin API.
 * describe shows each partition's committed offset, end offset and lag; reset-offsets takes
 * kafka-consumer-groups.sh's targets (--to-earliest, --to-latest, --to-offset, --shift-by,
 * --to-datetime, --by-duration) and, like it, only shows the plan unless --execute is given.
 */
import type { TopicPartition } from '@sluice/client';
import { CliError, type Io, UsageError, expectPositionals, parseCommandLine, parseDuration, parseOffset, parseTime, table } from './args.ts';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, withAdmin } from './connect.ts';
import { type ActionCommand, runActionCommand } from './subcommands.ts';

/** Where reset-offsets moves each partition. */
export type ResetTarget =
  | { kind: 'earliest' }
  | { kind: 'latest' }
  | { kind: 'offset'; offset: bigint }
  | { kind: 'shift'; by: bigint }
  | { kind: 'time'; timestamp: number };

export interface ResetTargetOptions {
  'to-earliest'?: boolean;
  'to-latest'?: boolean;
  'to-offset'?: string;
  'shift-by'?: string;
  'to-datetime'?: string;
  'by-duration'?: string;
}

/** Exactly one target option, read; `now` anchors --by-duration. */
export function resetTarget(values: ResetTargetOptions, now: number): ResetTarget {
  const given = (['to-earliest', 'to-latest', 'to-offset', 'shift-by', 'to-datetime', 'by-duration'] as const).filter((k) => values[k] !== undefined && values[k] !== false);
  if (given.length !== 1) {
    throw new UsageError(`give exactly one of --to-earliest, --to-latest, --to-offset N, --shift-by N, --to-datetime TIME, --by-duration DURATION${given.length > 1 ? ` (got --${given.join(', --')})` : ''}`);
  }
  if (values['to-earliest']) return { kind: 'earliest' };
  if (values['to-latest']) return { kind: 'latest' };
  if (values['to-offset'] !== undefined) return { kind: 'offset', offset: parseOffset(values['to-offset'], '--to-offset') };
  if (values['shift-by'] !== undefined) return { kind: 'shift', by: parseOffset(values['shift-by'], '--shift-by', true) };
  if (values['to-datetime'] !== undefined) return { kind: 'time', timestamp: parseTime(values['to-datetime'], '--to-datetime') };
  return { kind: 'time', timestamp: now - parseDuration(values['by-duration']!, '--by-duration') };
}

/** `--topic orders` or `--topic orders:0,2` (kafka-consumer-groups.sh's form). */
export function parseTopicSpec(text: string): { topic: string; partitions: number[] | null } {
  const at = text.lastIndexOf(':');
  if (at < 0) return { topic: text, partitions: null };
  const topic = text.slice(0, at);
  const partitions = text
    .slice(at + 1)
    .split(',')
    .map((p) => {
      if (!/^\d+$/.test(p.trim())) throw new UsageError(`--topic ${text}: partitions are whole numbers separated by commas, e.g. ${topic}:0,1`);
      return Number(p);
    });
  if (topic === '') throw new UsageError(`--topic ${text}: a topic name comes before ':'`);
  return { topic, partitions };
}

const clamp = (v: bigint, low: bigint, high: bigint) => (v < low ? low : v > high ? high : v);

export const GROUP_COMMAND: ActionCommand = {
  name: 'group',
  summary: 'List, describe, reset the offsets of and delete consumer groups.',
  commonOptions: CONNECTION_USAGE,
  actions: {
    list: {
      synopsis: '',
      summary: 'the groups, their state and protocol type',
      async run(argv, io) {
        const { values, positionals } = parseCommandLine({ args: argv, allowPositionals: true, options: { ...CONNECTION_OPTIONS } });
        expectPositionals(positionals, []);
        return withAdmin(values, io, async (admin) => {
          const groups = (await admin.listGroups()).sort((a, b) => a.groupId.localeCompare(b.groupId));
          io.out(table([['GROUP', 'STATE', 'PROTOCOL TYPE'], ...groups.map((g) => [g.groupId, g.state, g.protocolType])]));
          return 0;
        });
      },
    },
    describe: {
      synopsis: 'GROUP',
      summary: 'members, and per partition the committed offset, end offset and lag',
      async run(argv, io) {
        const { values, positionals } = parseCommandLine({ args: argv, allowPositionals: true, options: { ...CONNECTION_OPTIONS } });
        const [id] = expectPositionals(positionals, ['a group id']);
        return withAdmin(values, io, async (admin) => {
          const [d] = await admin.describeGroups([id]);
          const committed = (await admin.listGroupOffsets(id)).filter((c) => c.offset !== null);
          if (d.state === 'Dead' && d.members.length === 0 && committed.length === 0) {
            throw new CliError(`group '${id}' does not exist (GROUP_ID_NOT_FOUND)\n  \`sluice group list\` lists the groups`);
          }
          io.out(`Group ${d.groupId}: ${d.state}, ${d.members.length} member(s)${d.protocol ? `, assignor ${d.protocol}` : ''}\n`);
          const owner = new Map<string, string>();
          for (const m of d.members) for (const tp of m.assignment ?? []) owner.set(`${tp.topic}\u0000${tp.partition}`, `${m.memberId} (${m.clientHost})`);
          // Partitions with a committed offset, and those assigned that have none yet (as '-').
          const offsets = new Map(committed.map((c) => [`${c.topic}\u0000${c.partition}`, { topic: c.topic, partition: c.partition, offset: c.offset as bigint | null }]));
          for (const m of d.members) for (const tp of m.assignment ?? []) if (!offsets.has(`${tp.topic}\u0000${tp.partition}`)) offsets.set(`${tp.topic}\u0000${tp.partition}`, { ...tp, offset: null });
          const listed = [...offsets.values()];
          const ends = listed.length === 0 ? [] : await admin.listOffsets(listed.map((c) => ({ topic: c.topic, partition: c.partition, spec: 'latest' as const })));
          const rows = listed
            .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
            .map((c) => {
              const end = ends.find((e) => e.topic === c.topic && e.partition === c.partition)?.offset ?? -1n;
              const lag = end >= 0n && c.offset !== null ? end - c.offset : '-';
              return [c.topic, c.partition, c.offset ?? '-', end, lag, owner.get(`${c.topic}\u0000${c.partition}`) ?? '-'];
            });
          io.out(table([['TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'CONSUMER'], ...rows]));
          return 0;
        });
      },
    },
    'reset-offsets': {
      synopsis: 'GROUP (--topic T[:P,P...]... | --all-topics) TARGET [--execute]',
      summary: "move a group's committed offsets; without --execute, only shows what would change",
      details: `Which partitions:
  -t, --topic T[:P,P...]     a topic, or some of its partitions (repeatable)
      --all-topics           every topic the group has committed offsets for
Where to (exactly one; offsets beyond the log are moved to its start or end, as Kafka's tool does):
      --to-earliest          the first record still in the log
      --to-latest            the end: only records produced from now on
      --to-offset N          offset N
      --shift-by N           the committed offset plus N (negative goes back)
      --to-datetime TIME     the first record at or after TIME (ISO 8601, e.g. 2026-12-03T09:30:00Z, or epoch ms)
      --by-duration DURATION the first record at or after DURATION ago (PT1H30M, P1D, or 90s, 15m, 2h, 1d)
      --execute              apply the change (the group must have no members)
      --dry-run              only show the change (the default)
`,
      async run(argv, io) {
        const { values, positionals } = parseCommandLine({
          args: argv,
          allowPositionals: true,
          options: {
            ...CONNECTION_OPTIONS,
            topic: { type: 'string', short: 't', multiple: true },
            'all-topics': { type: 'boolean' },
            'to-earliest': { type: 'boolean' },
            'to-latest': { type: 'boolean' },
            'to-offset': { type: 'string' },
            'shift-by': { type: 'string' },
            'to-datetime': { type: 'string' },
            'by-duration': { type: 'string' },
            execute: { type: 'boolean' },
            'dry-run': { type: 'boolean' },
          },
        });
        const [id] = expectPositionals(positionals, ['a group id']);
        if ((values.topic === undefined) === (values['all-topics'] !== true)) throw new UsageError('give --topic T (repeatable) or --all-topics');
        if (values.execute && values['dry-run']) throw new UsageError('give --execute or --dry-run, not both');
        const target = resetTarget(values, Date.now());
        const specs = (values.topic ?? []).map(parseTopicSpec);
        return withAdmin(values, io, async (admin) => {
          if (values.execute) {
            // Kafka only moves the offsets of a group without members; say so before planning.
            // A group never seen (GROUP_ID_NOT_FOUND) has no members: its offsets can be set.
            const d = await admin.describeGroups([id]).then(
              ([g]) => g,
              (e: unknown) => {
                if ((e as { code?: string }).code === 'GROUP_ID_NOT_FOUND') return { state: 'Dead', members: [] };
                throw e;
              },
            );
            if (d.members.length > 0) {
              throw new CliError(`group '${id}' has ${d.members.length} active member(s) (${d.state}): offsets can only be reset while it has none; stop its consumers first (\`sluice group describe ${id}\` lists them)`);
            }
          }
          const current = new Map((await admin.listGroupOffsets(id)).filter((c) => c.offset !== null).map((c) => [`${c.topic}\u0000${c.partition}`, c.offset!]));
          let partitions: TopicPartition[];
          if (values['all-topics']) {
            partitions = [...current.keys()].map((k) => {
              const [topic, partition] = k.split('\u0000');
              return { topic, partition: Number(partition) };
            });
            if (partitions.length === 0) throw new CliError(`group '${id}' has no committed offsets; name the topics with --topic`);
          } else {
            const described = await admin.describeTopics(specs.map((s) => s.topic));
            partitions = specs.flatMap((s, i) => {
              const existing = new Set(described[i].partitions.map((p) => p.partition));
              for (const p of s.partitions ?? []) if (!existing.has(p)) throw new CliError(`topic ${s.topic} has no partition ${p} (UNKNOWN_TOPIC_OR_PARTITION); it has ${existing.size}`);
              return (s.partitions ?? [...existing]).map((partition) => ({ topic: s.topic, partition }));
            });
          }
          partitions.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
          const key = (tp: TopicPartition) => `${tp.topic}\u0000${tp.partition}`;
          const lookup = async (spec: 'earliest' | 'latest' | { timestamp: number }) =>
            new Map((await admin.listOffsets(partitions.map((tp) => ({ ...tp, spec })))).map((l) => [key(l), l.offset]));
          const [earliest, latest] = await Promise.all([lookup('earliest'), lookup('latest')]);
          const byTime = target.kind === 'time' ? await lookup({ timestamp: target.timestamp }) : null;
          const plan = partitions.map((tp) => {
            const low = earliest.get(key(tp))!;
            const high = latest.get(key(tp))!;
            const now = current.get(key(tp));
            let offset: bigint;
            switch (target.kind) {
              case 'earliest':
                offset = low;
                break;
              case 'latest':
                offset = high;
                break;
              case 'offset':
                offset = clamp(target.offset, low, high);
                break;
              case 'shift':
                if (now === undefined) throw new CliError(`group '${id}' has no committed offset for ${tp.topic}-${tp.partition} to shift from; use another target for it`);
                offset = clamp(now + target.by, low, high);
                break;
              case 'time': {
                // No record at or after that time: the end, as Kafka's tool does.
                const found = byTime!.get(key(tp))!;
                offset = found >= 0n ? found : high;
                break;
              }
            }
            return { ...tp, current: now, offset };
          });
          io.out(table([['TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'NEW-OFFSET'], ...plan.map((p) => [p.topic, p.partition, p.current ?? '-', p.offset])]));
          if (!values.execute) {
            io.out('Nothing changed: add --execute to apply (the group must have no members).\n');
            return 0;
          }
          await admin.alterGroupOffsets(id, plan.map((p) => ({ topic: p.topic, partition: p.partition, offset: p.offset })));
          io.out(`Reset the offsets of group ${id}.\n`);
          return 0;
        });
      },
    },
    delete: {
      synopsis: 'GROUP...',
      summary: 'delete groups that have no members, with their committed offsets',
      async run(argv, io) {
        const { values, positionals } = parseCommandLine({ args: argv, allowPositionals: true, options: { ...CONNECTION_OPTIONS } });
        const groups = expectPositionals(positionals, ['a group id'], Infinity);
        return withAdmin(values, io, async (admin) => {
          await admin.deleteGroups(groups);
          for (const g of groups) io.out(`Deleted group ${g}.\n`);
          return 0;
        });
      },
    },
  },
};

export function groupCommand(argv: string[], io: Io): Promise<number> {
  return runActionCommand(GROUP_COMMAND, argv, io);
}
