/**
 * The instance's process id, kept in `<state.dir>/<application.id>/kafka-streams-process-metadata`
 * as Java's StateDirectory keeps it (JSON `{"processId":"<uuid>"}`; fields a later version adds
 * are ignored), so that a state directory used by Java Kafka Streams and by Sluice gives one id.
 *
 * Why it matters: under exactly_once_v2 the transactional id is `<application.id>-<process id>-<n>`.
 * An instance restarted on its state directory keeps the id, so its producer's InitProducerId
 * aborts the open transactions of the killed instance before it at once; with a new id they would
 * hold back read_committed readers (and changelog restores) until transaction.timeout.ms.
 *
 * As in Java, only a topology with persistent stores uses the state directory: any other gets a
 * new random id at each start and writes nothing. A file that cannot be read as a process id is
 * replaced by a new one, with a warning (Java logs and carries on the same way).
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StreamsError, StreamsErrorCode } from '../errors.ts';
import type { StreamsLogger } from './handlers.ts';
import { PROCESS_FILE_NAME, type StateDirectory } from './state-directory.ts';

const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a process file holds: the id, none (no file, or no id in it), or why it cannot be read. */
export type ProcessFileContent = { processId: string } | { processId: null; problem?: string };

/** Reads a process file; a missing file or one without an id gives `processId: null`. */
export function readProcessFile(path: string): ProcessFileContent {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { processId: null };
    return { processId: null, problem: (e as Error).message };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { processId: null, problem: `not JSON (${(e as Error).message})` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { processId: null, problem: 'not a JSON object' };
  const id = (parsed as { processId?: unknown }).processId;
  if (id === undefined || id === null) return { processId: null };
  if (typeof id !== 'string' || !UUID_TEXT.test(id)) return { processId: null, problem: `processId ${JSON.stringify(id)} is not a UUID` };
  return { processId: id.toLowerCase() };
}

/** Writes the file as Java's ObjectMapper does, crash-safe: a temporary file, fsync, rename, fsync of the folder. */
export function writeProcessFile(path: string, processId: string): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, JSON.stringify({ processId }));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  const dir = openSync(join(path, '..'), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

/**
 * The process id of an instance (Java's StateDirectory.initializeProcessId): read from the state
 * directory, or made and written there. The directory's lock is taken first and kept until the
 * directory is closed; when another live instance holds it (two instances on one state.dir),
 * this one gets a new id that is not written, so the two never share a transactional id.
 */
export function initializeProcessId(directory: StateDirectory, hasPersistentStores: boolean, log: StreamsLogger): string {
  if (!hasPersistentStores) return randomUUID();
  try {
    return readOrMakeProcessId(directory, log);
  } catch (e) {
    if (e instanceof StreamsError) throw e;
    throw new StreamsError(
      StreamsErrorCode.PROCESSOR_STATE,
      `cannot keep the process id in the state directory ${directory.appDir} (${(e as Error).message}); set state.dir to a folder this process can write`,
    );
  }
}

function readOrMakeProcessId(directory: StateDirectory, log: StreamsLogger): string {
  if (!directory.lockApplicationDir()) {
    const processId = randomUUID();
    log.warn(
      `the state directory ${directory.appDir} is in use by another instance; this one runs as process ${processId}, which is not kept for its next start. ` +
        'Give each instance its own state.dir so that a restart keeps its process id (and aborts its predecessor\'s open transactions at once).',
    );
    return processId;
  }
  const path = join(directory.appDir, PROCESS_FILE_NAME);
  const found = readProcessFile(path);
  if (found.processId !== null) {
    log.info(`process id ${found.processId}, read from ${path}`);
    return found.processId;
  }
  const processId = randomUUID();
  if ('problem' in found && found.problem !== undefined) {
    log.warn(
      `the process file ${path} cannot be read (${found.problem}); it is replaced with a new process id ${processId}. ` +
        'Transactions the previous instance left open under exactly_once_v2 end only at their transaction.timeout.ms.',
    );
  } else {
    log.info(`no process id in ${directory.appDir}: this instance is process ${processId}`);
  }
  writeProcessFile(path, processId);
  return processId;
}
