/**
 * What the `sluice connect` process does with an error that no code caught. Connectors, tasks,
 * converters and transforms are user code running in the worker's process; the worker awaits
 * and catches every call it makes into them, but not work a plugin starts on its own.
 *
 * - A promise rejected with nothing waiting on it (a task's `start` calls `this.refresh()`
 *   without `await`, and that rejects): Node's default ends the process, and with it every other
 *   connector and task on the worker. In Kafka Connect a plugin's own thread that dies of an
 *   exception is only logged (the JVM's default uncaught exception handler) and the worker goes
 *   on; so here the rejection is logged, with its stack, and the worker goes on.
 * - An exception thrown synchronously outside any call (in a plugin's timer or event callback):
 *   Node cannot safely resume after it (whatever the throw interrupted is left half done), so
 *   Node's default stands and the process exits, but first one line in the log says why.
 *
 * Only the command does this: a program embedding the worker (`startConnectStandalone`,
 * `startConnectDistributed`) owns its process and decides its own policy.
 */
import { inspect } from 'node:util';

/** Starts logging stray rejections and the uncaught exception that ends the process; returns how to stop. */
export function logStrayErrors(log: (line: string) => void): () => void {
  const onRejection = (reason: unknown) => log(describeUnhandledRejection(reason));
  // The monitor only watches: Node still prints the stack and exits with status 1 after it.
  const onUncaught = (error: unknown, origin: string) => log(describeUncaughtException(error, origin));
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtExceptionMonitor', onUncaught);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtExceptionMonitor', onUncaught);
  };
}

export function describeUnhandledRejection(reason: unknown): string {
  return (
    'ERROR Unhandled promise rejection (the worker goes on): a plugin (a connector, task, converter or transform) ' +
    'left a promise rejected that nothing waited for; await or catch that work in the plugin. ' +
    `The rejection: ${reasonWithStack(reason)}`
  );
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
