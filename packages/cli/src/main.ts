/**
 * The sluice command. `sluice help` lists the commands.
 */
import { UsageError } from './args.js';

const USAGE = `Usage: sluice <command> [options]

Commands:
  broker     run a Kafka-compatible broker
  topic      create, list, describe, delete and alter topics
  produce    send lines of standard input as records
  consume    print records
  group      list, describe, reset and delete consumer groups
  help       show this help

topic, produce, consume and group talk to any Kafka cluster: --bootstrap-server HOST:PORT
(default $KAFKA_BOOTSTRAP_SERVERS, else 127.0.0.1:9092). Long produce and consume runs report
progress on stderr every 2 s ($SLUICE_PROGRESS_INTERVAL_MS changes that; 0 reports every record).

Run 'sluice <command> --help' for a command's options.
`;

interface Command {
  run: (argv: string[]) => Promise<number>;
  usage: string;
}

// Each command is loaded only when it is asked for: loading the broker, the client and the
// protocol's codecs takes longer than `sluice --help` may.
const COMMANDS: Record<string, () => Promise<Command>> = {
  broker: async () => { const m = await import('./broker-command.js'); return { run: m.brokerCommand, usage: m.BROKER_USAGE }; },
  topic: async () => { const m = await import('./topic-command.js'); return { run: m.topicCommand, usage: m.TOPIC_USAGE }; },
  produce: async () => { const m = await import('./produce-command.js'); return { run: m.produceCommand, usage: m.PRODUCE_USAGE }; },
  consume: async () => { const m = await import('./consume-command.js'); return { run: m.consumeCommand, usage: m.CONSUME_USAGE }; },
  group: async () => { const m = await import('./group-command.js'); return { run: m.groupCommand, usage: m.GROUP_USAGE }; },
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command === undefined ? 1 : 0;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (load === undefined) {
    process.stderr.write(`sluice: unknown command '${command}'\n\n${USAGE}`);
    return 1;
  }
  const entry = await load();
  try {
    return await entry.run(rest);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || (e as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      process.stderr.write(`sluice ${command}: ${(e as Error).message}\n\n${entry.usage}`);
      return 2;
    }
    if ((e as { code?: string }).code === 'SLUICE_CONFIG_INVALID') {
      process.stderr.write(`sluice ${command}: ${(e as Error).message}\n`);
      return 2;
    }
    if (e instanceof Error && typeof (e as { code?: unknown }).code === 'string' && (e as { retriable?: unknown }).retriable !== undefined) {
      // A client error (KafkaError): its message says what happened; no stack trace.
      process.stderr.write(`sluice ${command}: ${e.message}\n`);
      return 1;
    }
    if ((e as { code?: string }).code === 'EADDRINUSE') {
      process.stderr.write(`sluice ${command}: the port is already in use; pick another with --port, or stop whatever holds it\n`);
      return 1;
    }
    throw e;
  }
}
