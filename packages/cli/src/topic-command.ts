/**
 * sluice topic create|list|describe|delete|alter|describe-config|alter-config: topics through the
 * Kafka admin API, against Sluice or any Kafka cluster. describe-config and alter-config follow
 * rpk's names (alter-config is IncrementalAlterConfigs: --set, --delete, --append, --subtract).
 */
import type { AlterConfigOp } from '@sluice/client';
import { type Io, UsageError, expectPositionals, parseCommandLine, parseSettings, parseWholeNumber, table } from './args.ts';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, withAdmin } from './connect.ts';
import { type ActionCommand, runActionCommand } from './subcommands.ts';

/** --set/--delete/--append/--subtract as IncrementalAlterConfigs operations, in that order. */
export function alterOps(values: { set?: string[]; delete?: string[]; append?: string[]; subtract?: string[] }): AlterConfigOp[] {
  return [
    ...Object.entries(parseSettings(values.set, '--set')).map(([name, value]) => ({ name, op: 'set' as const, value })),
    ...(values.delete ?? []).map((name) => ({ name, op: 'delete' as const })),
    ...Object.entries(parseSettings(values.append, '--append')).map(([name, value]) => ({ name, op: 'append' as const, value })),
    ...Object.entries(parseSettings(values.subtract, '--subtract')).map(([name, value]) => ({ name, op: 'subtract' as const, value })),
  ];
}

function describeOps(ops: readonly AlterConfigOp[]): string {
  return ops.map((o) => (o.op === 'delete' ? `deleted ${o.name}` : `${o.op === 'set' ? 'set' : o.op === 'append' ? 'appended to' : 'subtracted from'} ${o.name}=${o.value}`)).join(', ');
}

export const TOPIC_COMMAND: ActionCommand = {
  name: 'topic',
  summary: 'Create, list, describe, delete and alter topics.',
  commonOptions: CONNECTION_USAGE,
  actions: {
    create: {
      synopsis: 'TOPIC [--partitions N] [--replication-factor N] [--config key=value]... [--if-not-exists]',
      summary: 'create a topic',
      details: `  -p, --partitions N           default: the cluster's num.partitions
  -r, --replication-factor N   default: the cluster's default.replication.factor
  -c, --config key=value       a topic setting (Kafka's names, e.g. retention.ms=86400000); repeatable
      --if-not-exists          succeed when the topic exists already
`,
      async run(argv, io) {
        const { values, positionals } = parseCommandLine({
          args: argv,
          allowPositionals: true,
          options: {
            ...CONNECTION_OPTIONS,
            partitions: { type: 'string', short: 'p' },
            'replication-factor': { type: 'string', short: 'r' },
            config: { type: 'string', short: 'c', multiple: true },
            'if-not-exists': { type: 'boolean' },
          },
        });
        const [topic] = expectPositionals(positionals, ['a topic name']);
        const numPartitions = parseWholeNumber(values.partitions, '--partitions', 1);
        const replicationFactor = parseWholeNumber(values['replication-factor'], '--replication-factor', 1);
        const configs = parseSettings(values.config, '--config');
        return withAdmin(values, io, async (admin) => {
          const [created] = await admin.createTopics([{ name: topic, numPartitions, replicationFactor, configs }], { ifNotExists: values['if-not-exists'] });
          io.out(created === undefined ? `Topic ${topic} exists already.\n` : `Created topic ${created.name} with ${created.numPartitions} partition(s), id ${created.topicId}.\n`);
          return 0;
        });
      },
    },
    list: {
      synopsis: '[--internal]',
      summary: 'list the topics, one a line',
      details: '      --internal     include internal topics (__consumer_offsets)\n',
      async run(argv, io) {
        const { values, positionals } = parseCommandLine({ args: argv, allowPositionals: true, options: { ...CONNECTION_OPTIONS, internal: { type: 'boolean' } } });
        expectPositionals(positionals, []);
        return withAdmin(values, io, async (admin) => {
          for (const t of (await admin.listTopics({ includeInternal: values.internal === true })).sort()) io.out(`${t}\n`);
          return 0;
        });
      },
    },
    describe: {
      synopsis: 'TOPIC',
      summary: 'partitions, leaders and replicas, and the settings that differ from the defaults',
      async run(argv, io) {
        const { values, positionals } = parseCommandLine({ args: argv, allowPositionals: true, options: { ...CONNECTION_OPTIONS } });
        const [topic] = expectPositionals(positionals, ['a topic name']);
        return withAdmin(values, io, async (admin) => {
          const [d] = await admin.describeTopics([topic]);
          const [config] = await admin.describeConfigs([{ type: 'topic', name: topic }]);
          const overrides = config.configs.filter((c) => !c.isDefault && c.source === 'dynamic-topic').map((c) => `${c.name}=${c.isSensitive ? '(sensitive)' : c.value}`);
          io.out(`Topic: ${d.name}\tTopicId: ${d.topicId}\tPartitionCount: ${d.partitions.length}\tConfigs: ${overrides.join(',')}\n`);
          io.out(table([['Partition', 'Leader', 'Replicas', 'Isr'], ...d.partitions.map((p) => [p.partition, p.leader, p.replicas.join(','), p.isr.join(',')])]));
          return 0;
        });
      },
    },
    delete: {
      synopsis: 'TOPIC...',
      summary: 'delete topics and their records',
      async run(argv, io) {
        const { values, positionals } = parseCommandLine({ args: argv, allowPositionals: true, options: { ...CONNECTION_OPTIONS } });
        const topics = expectPositionals(positionals, ['a topic name'], Infinity);
        return withAdmin(values, io, async (admin) => {
          await admin.describeTopics(topics); // DeleteTopics retries UNKNOWN_TOPIC_OR_PARTITION for 60 s
          await admin.deleteTopics(topics);
          for (const t of topics) io.out(`Deleted topic ${t}.\n`);
          return 0;
        });
      },
    },
    alter: {
      synopsis: 'TOPIC [--config key=value]... [--delete-config key]... [--partitions N]',
      summary: 'change settings (as alter-config does) and add partitions',
      details: `  -c, --config key=value       set a topic setting (repeatable)
      --delete-config key      back to the cluster's default (repeatable)
  -p, --partitions N           grow the topic to N partitions
`,
      async run(argv, io) {
        const { values, positionals } = parseCommandLine({
          args: argv,
          allowPositionals: true,
          options: { ...CONNECTION_OPTIONS, partitions: { type: 'string', short: 'p' }, config: { type: 'string', short: 'c', multiple: true }, 'delete-config': { type: 'string', multiple: true } },
        });
        const [topic] = expectPositionals(positionals, ['a topic name']);
        const partitions = parseWholeNumber(values.partitions, '--partitions', 1);
        const ops = alterOps({ set: values.config, delete: values['delete-config'] });
        if (ops.length === 0 && partitions === undefined) throw new UsageError('topic alter needs --config, --delete-config or --partitions');
        return withAdmin(values, io, async (admin) => {
          await admin.describeTopics([topic]); // fails at once for a topic that does not exist
          if (ops.length > 0) await admin.incrementalAlterConfigs([{ type: 'topic', name: topic, ops }]);
          if (partitions !== undefined) await admin.createPartitions([{ topic, count: partitions }]);
          io.out(`Altered topic ${topic}.\n`);
          return 0;
        });
      },
    },
    'describe-config': {
      synopsis: 'TOPIC [--overrides]',
      summary: "every setting of a topic with its value and where it comes from (the topic's own, the broker's, Kafka's default)",
      details: `      --overrides    only the topic's own settings
Sensitive values are shown as (sensitive).
`,
      async run(argv, io) {
        const { values, positionals } = parseCommandLine({ args: argv, allowPositionals: true, options: { ...CONNECTION_OPTIONS, overrides: { type: 'boolean' } } });
        const [topic] = expectPositionals(positionals, ['a topic name']);
        return withAdmin(values, io, async (admin) => {
          // DescribeConfigs' UNKNOWN_TOPIC_OR_PARTITION is retriable (the topic may be on its
          // way); the CLI asks for the topic first, whose absence is final.
          await admin.describeTopics([topic]);
          const [config] = await admin.describeConfigs([{ type: 'topic', name: topic }]);
          const entries = config.configs.filter((c) => !values.overrides || c.source === 'dynamic-topic').sort((a, b) => a.name.localeCompare(b.name));
          io.out(table([['KEY', 'VALUE', 'SOURCE'], ...entries.map((c) => [c.name, c.isSensitive ? '(sensitive)' : (c.value ?? '-'), c.source.toUpperCase().replaceAll('-', '_')])]));
          return 0;
        });
      },
    },
    'alter-config': {
      synopsis: 'TOPIC [--set key=value]... [--delete key]... [--append key=value]... [--subtract key=value]... [--dry-run]',
      summary: "change a topic's settings, leaving the others as they are (IncrementalAlterConfigs)",
      details: `  -s, --set key=value        set a setting (repeatable)
  -d, --delete key           remove the topic's own value: back to the broker's or Kafka's default (repeatable)
      --append key=value     add to a list setting, e.g. cleanup.policy=compact (repeatable)
      --subtract key=value   remove from a list setting (repeatable)
      --dry-run              let the cluster validate the change without applying it
`,
      async run(argv, io) {
        const { values, positionals } = parseCommandLine({
          args: argv,
          allowPositionals: true,
          options: {
            ...CONNECTION_OPTIONS,
            set: { type: 'string', short: 's', multiple: true },
            delete: { type: 'string', short: 'd', multiple: true },
            append: { type: 'string', multiple: true },
            subtract: { type: 'string', multiple: true },
            'dry-run': { type: 'boolean' },
          },
        });
        const [topic] = expectPositionals(positionals, ['a topic name']);
        const ops = alterOps(values);
        if (ops.length === 0) throw new UsageError('topic alter-config needs --set, --delete, --append or --subtract');
        return withAdmin(values, io, async (admin) => {
          await admin.describeTopics([topic]); // fails at once for a topic that does not exist
          await admin.incrementalAlterConfigs([{ type: 'topic', name: topic, ops }], { validateOnly: values['dry-run'] });
          io.out(values['dry-run'] ? `Valid, nothing changed (--dry-run): would have ${describeOps(ops)} on topic ${topic}.\n` : `Altered topic ${topic}: ${describeOps(ops)}.\n`);
          return 0;
        });
      },
    },
  },
};

export function topicCommand(argv: string[], io: Io): Promise<number> {
  return runActionCommand(TOPIC_COMMAND, argv, io);
}
