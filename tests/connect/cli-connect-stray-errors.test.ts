/**
 * A plugin's error that no code caught, in the `sluice connect standalone` process as a user runs
 * it (fixtures/careless-async-plugin.ts, loaded through plugin.path), against a `sluice broker`
 * process:
 *
 * - a task that leaves promises rejected with nothing waiting on them (an Error and a plain
 *   string) no longer ends the process (Node's default): the log names each rejection, the
 *   Error's with its stack, and the worker goes on as Kafka Connect does when a plugin's own
 *   thread dies: its REST API answers, a FileStreamSource → FileStreamSink pipeline beside it
 *   carries lines written after the rejections, and SIGTERM still stops it cleanly;
 * - an exception thrown in a plugin's timer callback still ends the process (status 1, as Node's
 *   default, since Node cannot safely resume), but the log first says so in one line naming it.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from '@sluice/test-kit';
import { brokerForTheseTests, linesOf, restUrlIn, runSluice } from './cli-support.ts';

const plugin = join(import.meta.dirname, 'fixtures', 'careless-async-plugin.ts');

describe('sluice connect: errors a plugin leaves uncaught', () => {
  const scratch = brokerForTheseTests('sluice-connect-stray-');
  const runWorker = (args: string[]) => runSluice(['connect', 'standalone', ...args]);

  // listeners at port 0: the worker binds a free port and prints it (restUrlIn).
  const workerProperties = (name: string) => {
    const { dir, bootstrap } = scratch;
    const path = join(dir, `${name}.properties`);
    writeFileSync(path, `bootstrap.servers=${bootstrap}\nkey.converter=org.apache.kafka.connect.storage.StringConverter\nvalue.converter=org.apache.kafka.connect.storage.StringConverter\noffset.storage.file.filename=${join(dir, `${name}.offsets`)}\noffset.flush.interval.ms=1000\nlisteners=http://127.0.0.1:0\nplugin.path=${plugin}\n`);
    return path;
  };
  const connectorProperties = (name: string, text: string) => {
    const path = join(scratch.dir, `${name}.properties`);
    writeFileSync(path, text);
    return path;
  };

  test('a rejection nothing waited for is logged with its stack; the worker, its REST API and the other connectors go on', { timeout: 120_000 }, async () => {
    const input = join(scratch.dir, 'in.txt');
    const output = join(scratch.dir, 'out.txt');
    const firstLines = Array.from({ length: 50 }, (_, i) => `before ${i}`);
    const laterLines = Array.from({ length: 50 }, (_, i) => `after ${i}`);
    writeFileSync(input, `${firstLines.join('\n')}\n`);
    const worker = runWorker([
      workerProperties('worker'),
      connectorProperties('careless', 'name=careless\nconnector.class=test.CarelessAsyncSource\ncareless=rejection\n'),
      connectorProperties('source', `name=file-source\nconnector.class=FileStreamSource\nfile=${input}\ntopic=stray-errors\n`),
      connectorProperties('sink', `name=file-sink\nconnector.class=FileStreamSink\nfile=${output}\ntopics=stray-errors\n`),
    ]);
    try {
      // Both rejections logged, or the process gone (Node's default for an unhandled rejection).
      await eventually('both rejections in the log', () => !worker.running() || (worker.err().includes("'metrics endpoint unreachable'") && worker.err().includes('CacheRefreshError')), 60_000);
      assert.ok(worker.running(), `the worker exited (status ${worker.child.exitCode}) after a plugin's unhandled rejection:\n${worker.err()}`);
      const logLines = worker.err().split('\n');
      const errorLine = logLines.findIndex((l) => l.startsWith('ERROR Unhandled promise rejection') && l.endsWith('CacheRefreshError: schema cache refresh failed: registry answered 503'));
      assert.ok(errorLine >= 0, worker.err());
      // Blamed on the plugin because its stack runs through the plugin.path module, naming the place.
      assert.match(logLines[errorLine], /a promise was rejected and nothing waited for it\. It came from a plugin's code \(.*careless-async-plugin\.ts:\d+:\d+\): await or catch that work in the plugin\./);
      // The stack follows, naming where the plugin's code rejected.
      assert.match(logLines[errorLine + 1], /^\s+at .*careless-async-plugin\.ts:\d+:\d+/);
      // No stack, so no one is blamed.
      assert.ok(logLines.some((l) => l.startsWith('ERROR Unhandled promise rejection') && /nothing waited for it\. Where it came from is not known\. The rejection: 'metrics endpoint unreachable' \(not an Error, so it has no stack/.test(l)), worker.err());

      // Lines written after the rejections still go through the other connectors.
      appendFileSync(input, `${laterLines.join('\n')}\n`);
      await eventually('every line in the sink file', () => !worker.running() || linesOf(output).length >= firstLines.length + laterLines.length, 60_000);
      assert.deepEqual(linesOf(output), [...firstLines, ...laterLines], worker.err());

      await eventually('the worker says where its REST API is', () => !worker.running() || restUrlIn(worker.out()) !== undefined, 60_000);
      const rest = restUrlIn(worker.out());
      assert.ok(rest !== undefined, `${worker.out()}\n${worker.err()}`);
      const statuses = (await (await fetch(`${rest}/connectors?expand=status`)).json()) as Record<string, { status: { connector: { state: string }; tasks: { state: string }[] } }>;
      assert.deepEqual(Object.keys(statuses).sort(), ['careless', 'file-sink', 'file-source']);
      // As in Kafka, work a plugin runs on its own is not the task: the careless task stays RUNNING.
      for (const [name, { status }] of Object.entries(statuses)) {
        assert.equal(status.connector.state, 'RUNNING', name);
        assert.deepEqual(status.tasks.map((t) => t.state), ['RUNNING'], name);
      }
    } finally {
      worker.child.kill('SIGTERM');
    }
    assert.equal(await worker.exited, 0, worker.err());
    assert.match(worker.out(), /Stopped cleanly\./);
  });

  test("an exception thrown in a plugin's timer ends the process, and the log says so first in one line naming it", { timeout: 120_000 }, async () => {
    const worker = runWorker([
      workerProperties('thrower'),
      connectorProperties('throwing', 'name=throwing\nconnector.class=test.CarelessAsyncSource\ncareless=throw\n'),
    ]);
    try {
      await eventually('the worker to exit', () => !worker.running(), 60_000);
    } finally {
      if (worker.running()) worker.child.kill('SIGKILL');
    }
    assert.equal(await worker.exited, 1, worker.err());
    const fatal = worker.err().split('\n').find((l) => l.startsWith('FATAL '));
    assert.ok(fatal !== undefined, `no FATAL line before the exit:\n${worker.err()}`);
    assert.match(fatal, /^FATAL Uncaught exception, .*; the worker exits: CacheRefreshError: schema cache refresh threw in a timer callback\. /);
    // Node's own report, with the stack, still follows it.
    assert.ok(worker.err().indexOf(fatal) < worker.err().indexOf('at Timeout._onTimeout'), worker.err());
  });
});
