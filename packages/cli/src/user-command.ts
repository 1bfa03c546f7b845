/**
 * sluice user add|list|delete: SCRAM users of a cluster (Sluice or Kafka), through the admin API's
 * AlterUserScramCredentials and DescribeUserScramCredentials, as Kafka's
 * `kafka-configs --entity-type users --alter --add-config 'SCRAM-SHA-256=[password=…]'`.
 * The password is read from standard input (one line) unless --password is given, so that it
 * need not appear in the shell's history or the process list; it is salted by the client and
 * never sent.
 */
import type { ScramMechanismName } from '@sluice/client';
import { CliError, type Io, UsageError, expectPositionals, parseCommandLine, table } from './args.ts';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, withAdmin } from './connect.ts';
import { type ActionCommand, runActionCommand } from './subcommands.ts';

const MECHANISMS: readonly ScramMechanismName[] = ['SCRAM-SHA-256', 'SCRAM-SHA-512'];

function mechanismsOf(text: string | undefined): ScramMechanismName[] {
  if (text === undefined) return [...MECHANISMS];
  const names = text.split(',').map((m) => m.trim().toUpperCase());
  for (const n of names) if (!(MECHANISMS as readonly string[]).includes(n)) throw new UsageError(`--mechanism ${n}: use SCRAM-SHA-256, SCRAM-SHA-512 or both, comma separated`);
  return names as ScramMechanismName[];
}

async function firstLine(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += chunk.toString();
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0];
}

export const USER_COMMAND: ActionCommand = {
  name: 'user',
  summary: 'Add, list and delete the SCRAM users (SASL SCRAM-SHA-256 and SCRAM-SHA-512) of a cluster.',
  commonOptions: CONNECTION_USAGE,
  actions: {
    add: {
      synopsis: 'NAME [--password PASSWORD] [--mechanism M[,M]] [--iterations N]',
      summary: "add a user, or set a user's password",
      details: 'The password is read from the first line of standard input unless --password is given.\n--mechanism: SCRAM-SHA-256, SCRAM-SHA-512 or both (the default).\n--iterations: PBKDF2 iterations, 4096 (the default) to 16384.\n',
      async run(argv, io) {
        const { values, positionals } = parseCommandLine({ args: argv, allowPositionals: true, options: { ...CONNECTION_OPTIONS, password: { type: 'string' }, mechanism: { type: 'string' }, iterations: { type: 'string' } } });
        const [user] = expectPositionals(positionals, ['a user name']);
        const mechanisms = mechanismsOf(values.mechanism);
        const iterations = values.iterations === undefined ? 4096 : Number(values.iterations);
        if (!Number.isInteger(iterations)) throw new UsageError(`--iterations ${values.iterations}: a whole number, 4096 to 16384`);
        const password = values.password ?? (await firstLine(io.stdin));
        if (password === '') throw new UsageError('no password: give it on the first line of standard input, or with --password');
        return withAdmin(values, io, async (admin) => {
          await admin.alterUserScramCredentials(mechanisms.map((mechanism) => ({ user, mechanism, password, iterations })));
          io.out(`Set the ${mechanisms.join(' and ')} credentials of user ${user}.\n`);
          return 0;
        });
      },
    },
    list: {
      synopsis: '[NAME...]',
      summary: 'list users with their SCRAM mechanisms and iterations',
      async run(argv, io) {
        const { values, positionals } = parseCommandLine({ args: argv, allowPositionals: true, options: { ...CONNECTION_OPTIONS } });
        return withAdmin(values, io, async (admin) => {
          const users = await admin.describeUserScramCredentials(positionals.length > 0 ? positionals : undefined);
          io.out(table([['USER', 'MECHANISM', 'ITERATIONS'], ...users.flatMap((u) => u.credentials.map((c) => [u.user, c.mechanism, c.iterations]))]));
          return 0;
        });
      },
    },
    delete: {
      synopsis: 'NAME [--mechanism M[,M]]',
      summary: "delete a user's SCRAM credentials (both mechanisms unless --mechanism)",
      async run(argv, io) {
        const { values, positionals } = parseCommandLine({ args: argv, allowPositionals: true, options: { ...CONNECTION_OPTIONS, mechanism: { type: 'string' } } });
        const [user] = expectPositionals(positionals, ['a user name']);
        return withAdmin(values, io, async (admin) => {
          const existing = (await admin.describeUserScramCredentials()).find((u) => u.user === user);
          const asked = mechanismsOf(values.mechanism);
          const mechanisms = values.mechanism === undefined ? (existing?.credentials.map((c) => c.mechanism) ?? []) : asked;
          if (mechanisms.length === 0) throw new CliError(`user ${user} has no SCRAM credentials; 'sluice user list' shows the users`);
          await admin.alterUserScramCredentials(mechanisms.map((mechanism) => ({ user, mechanism, delete: true as const })));
          io.out(`Deleted the ${mechanisms.join(' and ')} credentials of user ${user}.\n`);
          return 0;
        });
      },
    },
  },
};

export function userCommand(argv: string[], io: Io): Promise<number> {
  return runActionCommand(USER_COMMAND, argv, io);
}
