/**
 * `sluice connect standalone worker.properties source.properties sink.properties` as a user runs
 * it (Kafka's connect-standalone files, unchanged in form), against a `sluice broker` process: a
 * FileStreamSource → topic → FileStreamSink pipeline ends with every line, the REST API answers on
 * the port the worker says it bound for `listeners` (port 0 here), SIGTERM stops it cleanly; a bad
 * connector file is refused with its reason and exit status 1, and a distributed worker without its
 * required settings names the missing one.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from '@sluice/test-kit';
import { brokerForTheseTests, linesOf, restUrlIn, runSluice } from './cli-support.ts';

describe('sluice connect standalone', () => {
  const scratch = brokerForTheseTests('sluice-connect-cli-');
  const run = runSluice;

  test('a file pipeline from .properties files, the REST API, a clean stop', { timeout: 180_000 }, async () => {
    const { dir, bootstrap } = scratch;
    const input = join(dir, 'in.txt');
    const output = join(dir, 'out.txt');
    const expected = Array.from({ length: 2000 }, (_, i) => `order ${i}: ${i * 7} units`);
    writeFileSync(input, `${expected.join('\n')}\n`);
    writeFileSync(join(dir, 'worker.properties'), `# as Kafka's config/connect-standalone.properties\nbootstrap.servers=${bootstrap}\nkey.converter=org.apache.kafka.connect.json.JsonConverter\nvalue.converter=org.apache.kafka.connect.json.JsonConverter\nkey.converter.schemas.enable=true\nvalue.converter.schemas.enable=true\noffset.storage.file.filename=${join(dir, 'connect.offsets')}\noffset.flush.interval.ms=1000\nlisteners=http://127.0.0.1:0\n`);
    writeFileSync(join(dir, 'source.properties'), `name=local-file-source\nconnector.class=FileStreamSource\ntasks.max=1\nfile=${input}\ntopic=connect-test\n`);
    writeFileSync(join(dir, 'sink.properties'), `name=local-file-sink\nconnector.class=FileStreamSink\ntasks.max=1\nfile=${output}\ntopics=connect-test\n`);
    const worker = run(['connect', 'standalone', join(dir, 'worker.properties'), join(dir, 'source.properties'), join(dir, 'sink.properties')]);
    try {
      await eventually('ready', () => worker.out().includes('Ready.') || worker.child.exitCode !== null, 60_000);
      // Port 0: the worker binds a free port and says which (one picked here could be taken first).
      const rest = restUrlIn(worker.out());
      assert.match(rest ?? '', /^http:\/\/127\.0\.0\.1:[1-9]\d*$/, `${worker.out()}\n${worker.err()}`);
      await eventually('every line in the sink file', () => linesOf(output).length >= expected.length, 120_000);
      assert.deepEqual(linesOf(output), expected);
      const list = (await (await fetch(`${rest}/connectors?expand=status`)).json()) as Record<string, any>;
      assert.deepEqual(Object.keys(list).sort(), ['local-file-sink', 'local-file-source']);
      assert.equal(list['local-file-source'].status.tasks[0].state, 'RUNNING');
    } finally {
      worker.child.kill('SIGTERM');
    }
    assert.equal(await worker.exited, 0, worker.err());
    assert.match(worker.out(), /SIGTERM: stopping connectors and tasks .*\nStopped cleanly\./);
    // The offsets file holds the source's position at the end of the file, in Kafka's key form.
    const offsets = JSON.parse(readFileSync(join(dir, 'connect.offsets'), 'utf8'));
    assert.deepEqual(offsets, [[JSON.stringify(['local-file-source', { filename: input }]), JSON.stringify({ position: readFileSync(input).length })]]);
  });

  test('a connector file that fails validation: its reason, exit status 1; distributed without group.id: which setting is missing', { timeout: 60_000 }, async () => {
    const { dir, bootstrap } = scratch;
    writeFileSync(join(dir, 'worker2.properties'), `bootstrap.servers=${bootstrap}\nlisteners=http://127.0.0.1:0\n`);
    writeFileSync(join(dir, 'bad.properties'), 'name=bad\nconnector.class=FileStreamSource\nfile=/tmp/x\n');
    const bad = run(['connect', 'standalone', join(dir, 'worker2.properties'), join(dir, 'bad.properties')]);
    assert.equal(await bad.exited, 1);
    assert.match(bad.err(), /sluice connect: Connector configuration is invalid and contains the following 1 error\(s\):\ntopic: Missing required configuration "topic" which has no default value\./);
    const distributed = run(['connect', 'distributed', join(dir, 'worker2.properties')]);
    assert.equal(await distributed.exited, 1);
    assert.match(distributed.err(), /sluice connect: Missing required configuration "group\.id" which has no default value\./);
    const usage = run(['connect', 'sideways']);
    assert.equal(await usage.exited, 2);
  });
});
