/**
 * Commands with actions (`sluice topic create`, `sluice group describe`): the usage of the whole
 * command and of each action, `--help` anywhere, and usage errors for a missing or unknown action.
 */
import { type Io, UsageError, asksForHelp } from './args.ts';

export interface Action {
  /** The action's arguments and options, e.g. 'TOPIC [--partitions N]'. */
  synopsis: string;
  /** One line for the command's usage. */
  summary: string;
  /** Further lines for the action's own --help (options, examples). */
  details?: string;
  run(argv: string[], io: Io): Promise<number>;
}

export interface ActionCommand {
  name: string;
  summary: string;
  actions: Record<string, Action>;
  /** Options every action takes, shown once at the end of the usage. */
  commonOptions: string;
}

export function commandUsage(command: ActionCommand): string {
  const lines = Object.entries(command.actions).map(([name, a]) => `  ${`${name} ${a.synopsis}`.trimEnd()}\n      ${a.summary}`);
  return `Usage: sluice ${command.name} <action> [options]\n\n${command.summary}\n\nActions:\n${lines.join('\n')}\n\nCommon options:\n${command.commonOptions}\nRun 'sluice ${command.name} <action> --help' for an action's options.\n`;
}

export function actionUsage(command: ActionCommand, name: string): string {
  const a = command.actions[name];
  return `Usage: sluice ${`${command.name} ${name} ${a.synopsis}`.trimEnd()}\n\n${a.summary[0].toUpperCase()}${a.summary.slice(1)}.\n${a.details ? `\n${a.details}` : ''}\nCommon options:\n${command.commonOptions}`;
}

/** The action named by argv[0], if argv[0] names one. */
export function actionOf(command: ActionCommand, argv: readonly string[]): string | undefined {
  const name = argv[0];
  return name !== undefined && Object.hasOwn(command.actions, name) ? name : undefined;
}

export async function runActionCommand(command: ActionCommand, argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(commandUsage(command));
    return 2;
  }
  if (name === 'help' || (actionOf(command, argv) === undefined && asksForHelp(argv))) {
    io.out(commandUsage(command));
    return 0;
  }
  const action = actionOf(command, argv);
  if (action === undefined) {
    throw new UsageError(`unknown ${command.name} action '${name}'; the actions are ${Object.keys(command.actions).join(', ')}`);
  }
  if (asksForHelp(rest)) {
    io.out(actionUsage(command, action));
    return 0;
  }
  return command.actions[action].run(rest, io);
}
