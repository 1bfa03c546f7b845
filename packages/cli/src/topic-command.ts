/**
 * sluice topic create|list|describe|delete|alter: topics through the Kafka admin API, against
 * Sluice or any Kafka cluster (--bootstrap-server, default 127.0.0.1:9092).
 */
import { parseArgs } from 'node:util';
import { Admin } from '@sluice/client';
import { BOOTSTRAP_OPTION, UsageError, bootstrapFrom, parseSettings, table } from './args.js';

export const TOPIC_USAGE = `Usage: sluice topic <action> [options]

  create NAME [--partitions N] [--config key=value]...
  list [--internal]
  describe NAME             partitions, leaders, configs that differ from the defaults
  delete NAME
  alter NAME [--config key=value]... [--delete-config key]... [--partitions N]

Common options:
  -b, --bootstrap-server HOST:PORT   default $KAFKA_BOOTSTRAP_SERVERS or 127.0.0.1:9092
`;

export async function topicCommand(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      ...BOOTSTRAP_OPTION,
      partitions: { type: 'string', short: 'p' },
      config: { type: 'string', short: 'c', multiple: true },
      'delete-config': { type: 'string', multiple: true },
      internal: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || action === undefined) {
    process.stdout.write(TOPIC_USAGE);
    return action === undefined ? 2 : 0;
  }
  const name = positionals[0];
  const needName = () => {
    if (name === undefined) throw new UsageError(`topic ${action} needs a topic name`);
    return name;
  };
  const partitions = values.partitions === undefined ? undefined : Number(values.partitions);
  if (partitions !== undefined && (!Number.isInteger(partitions) || partitions < 1)) throw new UsageError('--partitions must be a whole number of at least 1');
  const admin = new Admin({ bootstrapServers: bootstrapFrom(values['bootstrap-server']), clientId: 'sluice-cli' });
  try {
    switch (action) {
      case 'create': {
        const [created] = await admin.createTopics([{ name: needName(), numPartitions: partitions, configs: parseSettings(values.config) }]);
        process.stdout.write(`Created topic ${created.name} with ${created.numPartitions} partition(s), id ${created.topicId}.\n`);
        return 0;
      }
      case 'list': {
        for (const t of (await admin.listTopics({ includeInternal: values.internal === true })).sort()) process.stdout.write(`${t}\n`);
        return 0;
      }
      case 'describe': {
        const topic = needName();
        const [d] = await admin.describeTopics([topic]);
        const [config] = await admin.describeConfigs([{ type: 'topic', name: topic }]);
        const overrides = config.configs.filter((c) => !c.isDefault).map((c) => `${c.name}=${c.value}`);
        process.stdout.write(`Topic: ${d.name}\tTopicId: ${d.topicId}\tPartitionCount: ${d.partitions.length}\tConfigs: ${overrides.join(',')}\n`);
        process.stdout.write(table([['Partition', 'Leader', 'Replicas', 'Isr'], ...d.partitions.map((p) => [p.partition, p.leader, p.replicas.join(','), p.isr.join(',')])]));
        return 0;
      }
      case 'delete':
        await admin.deleteTopics([needName()]);
        process.stdout.write(`Deleted topic ${name}.\n`);
        return 0;
      case 'alter': {
        const topic = needName();
        const ops = [
          ...Object.entries(parseSettings(values.config)).map(([k, v]) => ({ name: k, op: 'set' as const, value: v })),
          ...(values['delete-config'] ?? []).map((k) => ({ name: k, op: 'delete' as const })),
        ];
        if (ops.length === 0 && partitions === undefined) throw new UsageError('topic alter needs --config, --delete-config or --partitions');
        if (ops.length > 0) await admin.incrementalAlterConfigs([{ type: 'topic', name: topic, ops }]);
        if (partitions !== undefined) await admin.createPartitions([{ topic, count: partitions }]);
        process.stdout.write(`Altered topic ${topic}.\n`);
        return 0;
      }
      default:
        throw new UsageError(`unknown topic action '${action}'`);
    }
  } finally {
    await admin.close();
  }
}
