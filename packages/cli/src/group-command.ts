/**
 * sluice group list|describe|reset-offsets|delete: consumer groups through the admin API.
 * describe shows each partition's committed offset, end offset and lag.
 */
import { parseArgs } from 'node:util';
import { Admin } from '@sluice/client';
import { BOOTSTRAP_OPTION, UsageError, bootstrapFrom, table } from './args.js';

export const GROUP_USAGE = `Usage: sluice group <action> [options]

  list
  describe GROUP            members, and per partition the committed offset, end offset and lag
  reset-offsets GROUP --topic T (--to-earliest | --to-latest | --to-offset N) [--execute]
                            without --execute, only shows what would change
  delete GROUP              only groups without members

  -b, --bootstrap-server HOST:PORT
`;

export async function groupCommand(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      ...BOOTSTRAP_OPTION,
      topic: { type: 'string', short: 't' },
      'to-earliest': { type: 'boolean' },
      'to-latest': { type: 'boolean' },
      'to-offset': { type: 'string' },
      execute: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || action === undefined) {
    process.stdout.write(GROUP_USAGE);
    return action === undefined ? 2 : 0;
  }
  const group = positionals[0];
  const needGroup = () => {
    if (group === undefined) throw new UsageError(`group ${action} needs a group id`);
    return group;
  };
  const admin = new Admin({ bootstrapServers: bootstrapFrom(values['bootstrap-server']), clientId: 'sluice-cli' });
  try {
    switch (action) {
      case 'list': {
        const groups = await admin.listGroups();
        process.stdout.write(table([['GROUP', 'STATE', 'PROTOCOL TYPE'], ...groups.map((g) => [g.groupId, g.state, g.protocolType])]));
        return 0;
      }
      case 'describe': {
        const id = needGroup();
        const [d] = await admin.describeGroups([id]);
        process.stdout.write(`Group ${d.groupId}: ${d.state}, ${d.members.length} member(s)${d.protocol ? `, assignor ${d.protocol}` : ''}\n`);
        const owner = new Map<string, string>();
        for (const m of d.members) for (const tp of m.assignment ?? []) owner.set(`${tp.topic}\u0000${tp.partition}`, `${m.memberId} (${m.clientHost})`);
        const committed = (await admin.listGroupOffsets(id)).filter((c) => c.offset !== null);
        const ends = committed.length === 0 ? [] : await admin.listOffsets(committed.map((c) => ({ topic: c.topic, partition: c.partition, spec: 'latest' as const })));
        const rows = committed
          .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
          .map((c) => {
            const end = ends.find((e) => e.topic === c.topic && e.partition === c.partition)?.offset ?? -1n;
            return [c.topic, c.partition, c.offset!, end, end >= 0n ? end - c.offset! : '-', owner.get(`${c.topic}\u0000${c.partition}`) ?? '-'];
          });
        process.stdout.write(table([['TOPIC', 'PARTITION', 'CURRENT-OFFSET', 'LOG-END-OFFSET', 'LAG', 'CONSUMER'], ...rows]));
        return 0;
      }
      case 'reset-offsets': {
        const id = needGroup();
        const topic = values.topic;
        if (topic === undefined) throw new UsageError('reset-offsets needs --topic');
        const targets = [values['to-earliest'], values['to-latest'], values['to-offset'] !== undefined].filter(Boolean).length;
        if (targets !== 1) throw new UsageError('give exactly one of --to-earliest, --to-latest, --to-offset N');
        const [d] = await admin.describeTopics([topic]);
        const partitions = d.partitions.map((p) => ({ topic, partition: p.partition }));
        const offsets =
          values['to-offset'] !== undefined
            ? partitions.map((tp) => ({ ...tp, offset: BigInt(values['to-offset']!) }))
            : (await admin.listOffsets(partitions.map((tp) => ({ ...tp, spec: values['to-earliest'] ? ('earliest' as const) : ('latest' as const) })))).map((l) => ({ topic, partition: l.partition, offset: l.offset }));
        process.stdout.write(table([['TOPIC', 'PARTITION', 'NEW-OFFSET'], ...offsets.map((o) => [o.topic, o.partition, o.offset])]));
        if (!values.execute) {
          process.stdout.write('Nothing changed: add --execute to apply (the group must have no members).\n');
          return 0;
        }
        await admin.alterGroupOffsets(id, offsets.map((o) => ({ topic: o.topic, partition: o.partition, offset: o.offset })));
        process.stdout.write(`Reset the offsets of group ${id}.\n`);
        return 0;
      }
      case 'delete':
        await admin.deleteGroups([needGroup()]);
        process.stdout.write(`Deleted group ${group}.\n`);
        return 0;
      default:
        throw new UsageError(`unknown group action '${action}'`);
    }
  } finally {
    await admin.close();
  }
}
