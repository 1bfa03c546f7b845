/**
 * The sluice command. `sluice help` lists the commands.
 */
import { UsageError } from './args.js';
import { BROKER_USAGE, brokerCommand } from './broker-command.js';

const USAGE = `Usage: sluice <command> [options]

Commands:
  broker     run a Kafka-compatible broker
  help       show this help

Run 'sluice <command> --help' for a command's options.
`;

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  broker: brokerCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command === undefined ? 1 : 0;
  }
  const run = COMMANDS[command];
  if (run === undefined) {
    process.stderr.write(`sluice: unknown command '${command}'\n\n${USAGE}`);
    return 1;
  }
  try {
    return await run(rest);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || (e as { code?: string }).code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      process.stderr.write(`sluice ${command}: ${(e as Error).message}\n\n${command === 'broker' ? BROKER_USAGE : ''}`);
      return 2;
    }
    if ((e as { code?: string }).code === 'SLUICE_CONFIG_INVALID') {
      process.stderr.write(`sluice ${command}: ${(e as Error).message}\n`);
      return 2;
    }
    if ((e as { code?: string }).code === 'EADDRINUSE') {
      process.stderr.write(`sluice ${command}: the port is already in use; pick another with --port, or stop whatever holds it\n`);
      return 1;
    }
    throw e;
  }
}
