/**
 * The sluice command. `sluice help` lists the commands.
 */
import { UsageError } from './args.js';
import { BROKER_USAGE, brokerCommand } from './broker-command.js';
import { CONSUME_USAGE, consumeCommand } from './consume-command.js';
import { GROUP_USAGE, groupCommand } from './group-command.js';
import { PRODUCE_USAGE, produceCommand } from './produce-command.js';
import { TOPIC_USAGE, topicCommand } from './topic-command.js';

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

const COMMANDS: Record<string, { run: (argv: string[]) => Promise<number>; usage: string }> = {
  broker: { run: brokerCommand, usage: BROKER_USAGE },
  topic: { run: topicCommand, usage: TOPIC_USAGE },
  produce: { run: produceCommand, usage: PRODUCE_USAGE },
  consume: { run: consumeCommand, usage: CONSUME_USAGE },
  group: { run: groupCommand, usage: GROUP_USAGE },
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command === undefined ? 1 : 0;
  }
  const entry = COMMANDS[command];
  if (entry === undefined) {
    process.stderr.write(`sluice: unknown command '${command}'\n\n${USAGE}`);
    return 1;
  }
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
