/**
 * Writes docs/errors.md from the error catalogues: each package's const object of codes, with the
 * one-line doc comment of each code read from its source file, and Kafka's error table with the
 * classification the client acts on. `npm run docs:errors`; tests/docs/errors.test.ts fails when
 * the committed file differs from what this makes, or when a code has no doc comment.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BrokerErrorCode } from '@sluice/broker';
import { ExitStatus } from '@sluice/cli';
import { ClientErrorCode } from '@sluice/client';
import { ConfigErrorCode } from '@sluice/config';
import { ConnectErrorCode } from '@sluice/connect-api';
import { ErrorCode, ProtocolErrorCode, errorInfo } from '@sluice/protocol';
import { StorageErrorCode } from '@sluice/storage';
import { StreamsErrorCode } from '@sluice/streams';

export const ERRORS_DOC = fileURLToPath(new URL('../docs/errors.md', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));

export interface Catalogue {
  /** The package, as users import it. */
  pkg: string;
  /** The exported const object. */
  name: string;
  /** Its source file, relative to the repository. */
  file: string;
  codes: Readonly<Record<string, string | number>>;
  /** What the package's errors are and carry, above the table. */
  about: string;
}

export const CATALOGUES: Catalogue[] = [
  {
    pkg: '@sluice/protocol',
    name: 'ProtocolErrorCode',
    file: 'packages/protocol/src/primitives/errors.ts',
    codes: ProtocolErrorCode,
    about: '`DecodeError`, `EncodeError` (and `UnsupportedFieldVersionError`, `FrameTooLargeError` under them) and `InvalidRecordBatchError`, which also carries the Kafka `errorCode` a broker answers with.',
  },
  {
    pkg: '@sluice/config',
    name: 'ConfigErrorCode',
    file: 'packages/config/src/definition.ts',
    codes: ConfigErrorCode,
    about: '`ConfigError`, with `errorCode` 40 (INVALID_CONFIG) for responses.',
  },
  {
    pkg: '@sluice/storage',
    name: 'StorageErrorCode',
    file: 'packages/storage/src/errors.ts',
    codes: StorageErrorCode,
    about: '`StorageError` and its subclasses (`DiskFullError`, `CorruptLogError`, `ProducerStateError`…); each carries the Kafka `errorCode` the broker answers with (KAFKA_STORAGE_ERROR unless something more precise fits) and, where there is one, the `cause`.',
  },
  {
    pkg: '@sluice/broker',
    name: 'BrokerErrorCode',
    file: 'packages/broker/src/errors.ts',
    codes: BrokerErrorCode,
    about: "The broker process's own failures: `ListenError`, `DataDirLockedError` and `StateFileError` (a state file of the data folder it cannot start with). Requests are refused with Kafka's errors by name (the table at the end), with the reason in the response's error_message where the API version has that field.",
  },
  {
    pkg: '@sluice/client',
    name: 'ClientErrorCode',
    file: 'packages/client/src/errors.ts',
    codes: ClientErrorCode,
    about: "Every failure is a `KafkaError`. A broker's error keeps Kafka's name as `code` (`NOT_LEADER_OR_FOLLOWER`) with the number as `errorCode`; failures found on the client's side have the codes below. `retriable` says whether trying again may succeed.",
  },
  {
    pkg: '@sluice/streams',
    name: 'StreamsErrorCode',
    file: 'packages/streams/src/errors.ts',
    codes: StreamsErrorCode,
    about: '`StreamsError`, with the `taskId` it happened in where it happened in one, and the `cause`.',
  },
  {
    pkg: '@sluice/connect-api',
    name: 'ConnectErrorCode',
    file: 'packages/connect-api/src/errors.ts',
    codes: ConnectErrorCode,
    about: "Kafka Connect's exceptions under their Java names, for connectors, converters and transforms and the runtime: `ConnectException`, `DataException` (and `SchemaBuilderException` under it), `RetriableException`; a plugin's bad setting is a `ConfigException`, which is @sluice/config's `ConfigError` (INVALID_CONFIG) with Kafka's message.",
  },
  {
    pkg: 'sluice (the CLI)',
    name: 'ExitStatus',
    file: 'packages/cli/src/exit-status.ts',
    codes: ExitStatus,
    about: 'The CLI reports through its exit status, and on stderr the error by its code with what to do.',
  },
];

/** The one-line doc comment above each entry of `export const NAME = { … } as const`, by key. */
export function docComments(source: string, name: string): Map<string, string> {
  const start = source.indexOf(`export const ${name} = {`);
  if (start < 0) throw new Error(`no 'export const ${name} = {' in the source`);
  const end = source.indexOf('} as const;', start);
  const body = source.slice(start, end);
  const docs = new Map<string, string>();
  for (const m of body.matchAll(/\/\*\*([\s\S]*?)\*\/\s*([A-Z][A-Z0-9_]*):/g)) {
    const text = m[1]!
      .split('\n')
      .map((line) => line.replace(/^\s*\*?\s?/, '').trim())
      .filter((line) => line.length > 0)
      .join(' ');
    docs.set(m[2]!, text);
  }
  return docs;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

function catalogueSection(c: Catalogue): string {
  const docs = docComments(readFileSync(`${root}/${c.file}`, 'utf8'), c.name);
  const rows = Object.entries(c.codes).map(([key, value]) => {
    const doc = docs.get(key);
    if (doc === undefined) throw new Error(`${c.name}.${key} in ${c.file} has no /** doc */ line`);
    return `| \`${value}\` | ${cell(doc)} |`;
  });
  const head = typeof Object.values(c.codes)[0] === 'number' ? '| Exit status | Meaning |' : '| Code | Meaning |';
  return [`## ${c.pkg}`, '', `\`${c.name}\` in ${c.file}. ${c.about}`, '', head, '|---|---|', ...rows, ''].join('\n');
}

function kafkaSection(): string {
  const rows = (Object.values(ErrorCode) as number[])
    .sort((a, b) => a - b)
    .map((code) => {
      const i = errorInfo(code);
      const then = [i.refreshMetadata ? 'refresh metadata' : '', i.findCoordinator ? 'find the coordinator' : ''].filter(Boolean).join(', ');
      return `| ${code} | \`${i.name}\` | ${i.retriable ? 'yes' : 'no'} | ${then} | ${i.category} |`;
    });
  return [
    "## Kafka's errors",
    '',
    "`ErrorCode` and `errorInfo` in packages/protocol/src/error-codes.ts: every error of Apache Kafka 4.3, and how Sluice's client treats it, each answer taken from the base class of the exception Kafka's Java client maps the code to (RetriableException, InvalidMetadataException, RefreshRetriableException, TransactionAbortableException, ApplicationRecoverableException, InvalidConfigurationException). The category is KIP-1050's, which the transactional producer acts on.",
    '',
    '| Number | Name | Retriable | Before retrying | Category |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

export function errorsMarkdown(): string {
  return [
    '# Errors',
    '',
    '<!-- Generated by scripts/generate-errors-doc.ts from the error catalogues (npm run docs:errors); do not edit by hand. -->',
    '',
    "Every error Sluice raises has a stable `code` to branch on, and a message that says what happened and what to do. The rule for codes (docs/decisions/009-errors.md): UPPER_SNAKE_CASE without a product prefix, as Kafka writes its own; where the condition is one Kafka names, the code is Kafka's name (`TOPIC_ALREADY_EXISTS`, `OUT_OF_ORDER_SEQUENCE_NUMBER`); a code that is not Kafka's names its area only where it would otherwise be unclear (`STORAGE_DISK_FULL`). A code means one thing in every package.",
    '',
    ...CATALOGUES.map(catalogueSection),
    kafkaSection(),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(ERRORS_DOC, errorsMarkdown());
  console.log(`wrote ${ERRORS_DOC}`);
}
