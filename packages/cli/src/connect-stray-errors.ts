/**
 * What the `sluice connect` process does with an error that no code caught. Connectors, tasks,
 * converters and transforms are user code running in the worker's process; the worker awaits
 * and catches every call it makes into them, but not work a plugin starts on its own.
 *
 * - A promise rejected with nothing waiting on it (a task's `start` calls `this.refresh()`
 *   without `await`, and that rejects): Node's default ends the process, and with it every other
 *   connector and task on the worker. In Kafka Connect a plugin's own thread that dies of an
 *   exception is only logged (the JVM's default uncaught exception handler) and the worker goes
 *   on; so here the rejection is logged, with its stack, and the worker goes on. The log blames a
 *   plugin only when the stack runs through a module of a `plugin.path` location; otherwise it
 *   says the origin is not known (the worker's own code can leave a rejection too, and a stack
 *   cut at an `await` may no longer show the plugin).
 * - An exception thrown synchronously outside any call (in a plugin's timer or event callback):
 *   Node cannot safely resume after it (whatever the throw interrupted is left half done), so
 *   Node's default stands and the process exits, but first one line in the log says why.
 *
 * Only the command does this: a program embedding the worker (`startConnectStandalone`,
 * `startConnectDistributed`) owns its process and decides its own policy.
 */
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';

/**
 * Starts logging stray rejections and the uncaught exception that ends the process; returns how to
 * stop. `pluginLocations` are where plugin.path's plugins lie, their folders or single module
 * files (read when a rejection comes, as they are known only once the worker config is read).
 */
export function logStrayErrors(log: (line: string) => void, pluginLocations: () => readonly string[] = () => []): () => void {
  const onRejection = (reason: unknown) => log(describeUnhandledRejection(reason, pluginLocations()));
  // The monitor only watches: Node still prints the stack and exits with status 1 after it.
  const onUncaught = (error: unknown, origin: string) => log(describeUncaughtException(error, origin));
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtExceptionMonitor', onUncaught);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtExceptionMonitor', onUncaught);
  };
}

export function describeUnhandledRejection(reason: unknown, pluginLocations: readonly string[] = []): string {
  return `ERROR Unhandled promise rejection (the worker goes on): a promise was rejected and nothing waited for it. ${originOf(reason, pluginLocations)} The rejection: ${reasonWithStack(reason)}`;
}

/** What the stack says about where a rejection came from, and no more. */
function originOf(reason: unknown, pluginLocations: readonly string[]): string {
  if (!(reason instanceof Error)) return 'Where it came from is not known.';
  const frame = stackFiles(reason).find((f) => pluginLocations.some((location) => f.file === location || f.file.startsWith(location.endsWith(sep) ? location : location + sep)));
  if (frame !== undefined) return `It came from a plugin's code (${frame.at}): await or catch that work in the plugin.`;
  return "Its stack runs through no plugin.path module, so where it came from is not known: the worker's own code, or a plugin's work whose stack was cut at an await.";
}

/** The files of an Error's stack frames, first first, each with its `file:line:column`. */
function stackFiles(error: Error): { file: string; at: string }[] {
  const out: { file: string; at: string }[] = [];
  for (const line of (error.stack ?? '').split('\n')) {
    const m = /^\s+at (?:.*\()?(.+?):(\d+):(\d+)\)?$/.exec(line);
    if (m === null) continue;
    let file = m[1]!;
    if (file.startsWith('file://')) {
      try {
        file = fileURLToPath(file);
      } catch {
        continue;
      }
    }
    // node:internal frames and the like name no file.
    if (!file.startsWith(sep)) continue;
    out.push({ file, at: `${file}:${m[2]}:${m[3]}` });
  }
  return out;
}

export function describeUncaughtException(error: unknown, origin: string): string {
  // 'unhandledRejection' only when the user asked Node for --unhandled-rejections=strict.
  const why =
    origin === 'unhandledRejection'
      ? 'Unhandled promise rejection, with --unhandled-rejections=strict'
      : "Uncaught exception, thrown outside any call the worker makes (such as in a plugin's timer or event callback), after which Node cannot safely go on";
  return `FATAL ${why}; the worker exits: ${oneLine(error)}. Its stack follows. Work done since the last offset commit is done again at the next start (delivery is at least once)`;
}

/** An Error's stack (with its causes, as Node prints them); anything else as Node shows a value. */
function reasonWithStack(reason: unknown): string {
  if (reason instanceof Error) return inspect(reason);
  return `${inspect(reason)} (not an Error, so it has no stack; reject with an Error to learn where it came from)`;
}

function oneLine(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.replace(/\s*\n\s*/g, ' ');
  return inspect(error, { breakLength: Infinity });
}
