/**
 * The sluice command. `sluice help` lists the commands.
 *
 * Exit status: 0 success; 1 a failure (the cluster cannot be reached, it refused the request);
 * 2 a usage error (an unknown command, action or option, a missing or bad argument), reported
 * on one line that names it and points at --help. The broker has its own (BROKER_USAGE).
 */
import { CliError, type Io, UsageError, asksForHelp, processIo } from './args.ts';
import { explainFailure, isKafkaError } from './failures.ts';
import { type ActionCommand, actionOf } from './subcommands.ts';
import { ExitStatus } from './exit-status.ts';

export { ExitStatus };

export const USAGE = `Usage: sluice <command> [options]

Commands:
  broker     run a Kafka-compatible broker
  topic      create, list, describe, delete and alter topics, and their settings
  produce    send lines of standard input as records
  consume    print records (as text, JSON lines or a template)
  group      list, describe, reset the offsets of and delete consumer groups
  cluster    the cluster id, controller, brokers and number of topics
  user       add, list and delete SCRAM users
  connect    run a Kafka Connect worker (standalone or distributed) with Kafka Connect's REST API
  help       show this help

topic, produce, consume, group, cluster and user talk to any Kafka cluster: --bootstrap-server HOST:PORT
(default $KAFKA_BOOTSTRAP_SERVERS, else 127.0.0.1:9092). A cluster that cannot be reached is
reported after --connect-timeout MS (default 3000). Long produce and consume runs report
progress on stderr every 2 s ($SLUICE_PROGRESS_INTERVAL_MS changes that; 0 reports every record).

Exit status: 0 success, 1 failure, 2 usage error.
Run 'sluice <command> --help' for a command's options.
`;

interface Command {
  run: (argv: string[], io: Io) => Promise<number>;
  /** Commands without actions: their usage, for --help anywhere on the line. */
  usage?: string;
  actions?: ActionCommand;
}

// Each command is loaded when it runs: `sluice --help` loads neither the broker nor the client.
const COMMANDS: Record<string, () => Promise<Command>> = {
  broker: async () => {
    const m = await import('./broker-command.ts');
    return { run: m.brokerCommand, usage: m.BROKER_USAGE };
  },
  topic: async () => {
    const m = await import('./topic-command.ts');
    return { run: m.topicCommand, actions: m.TOPIC_COMMAND };
  },
  produce: async () => {
    const m = await import('./produce-command.ts');
    return { run: m.produceCommand, usage: m.PRODUCE_USAGE };
  },
  consume: async () => {
    const m = await import('./consume-command.ts');
    return { run: m.consumeCommand, usage: m.CONSUME_USAGE };
  },
  group: async () => {
    const m = await import('./group-command.ts');
    return { run: m.groupCommand, actions: m.GROUP_COMMAND };
  },
  cluster: async () => {
    const m = await import('./cluster-command.ts');
    return { run: m.clusterCommand, actions: m.CLUSTER_COMMAND };
  },
  user: async () => {
    const m = await import('./user-command.ts');
    return { run: m.userCommand, actions: m.USER_COMMAND };
  },
  connect: async () => {
    const m = await import('./connect-worker-command.ts');
    return { run: m.connectCommand, usage: m.CONNECT_USAGE };
  },
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.err(USAGE);
    return ExitStatus.USAGE;
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    return ExitStatus.OK;
  }
  if (!Object.hasOwn(COMMANDS, command)) {
    io.err(`sluice: unknown command '${command}'; the commands are ${Object.keys(COMMANDS).join(', ')} (see 'sluice --help')\n`);
    return ExitStatus.USAGE;
  }
  const entry = await COMMANDS[command]();
  const action = entry.actions && actionOf(entry.actions, rest);
  const name = action ? `${command} ${action}` : command;
  // --help wins over anything else on the line, as it does for actions (subcommands.ts).
  if (entry.usage !== undefined && asksForHelp(rest)) {
    io.out(entry.usage);
    return ExitStatus.OK;
  }
  try {
    return await entry.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`sluice ${name}: ${e.message} (see 'sluice ${name} --help')\n`);
      return ExitStatus.USAGE;
    }
    // A bad setting (ConfigError, INVALID_CONFIG) is the command line's fault, like a usage error;
    // the client's KafkaError never has this code (a broker's INVALID_CONFIG is explained below).
    if ((e as { code?: string }).code === 'INVALID_CONFIG' && !isKafkaError(e)) {
      io.err(`sluice ${name}: ${(e as Error).message}\n`);
      return ExitStatus.USAGE;
    }
    if (e instanceof CliError) {
      io.err(`sluice ${name}: ${e.message}\n`);
      return ExitStatus.FAILED;
    }
    if (isKafkaError(e)) {
      io.err(`sluice ${name}: ${explainFailure(e)}\n`);
      return ExitStatus.FAILED;
    }
    if ((e as { code?: string }).code === 'EADDRINUSE') {
      io.err(`sluice ${name}: the port is already in use; pick another with --port, or stop whatever holds it\n`);
      return ExitStatus.FAILED;
    }
    throw e;
  }
}
