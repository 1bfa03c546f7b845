// The connector contract's own behaviour: what the base classes do when a plugin does not override
// them (a sink task's preCommit flushes and commits what it was given, a connector validates
// against its ConfigDef), passwords stay hidden, and a recommender shapes the validation answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ConfigDef,
  Password,
  SinkConnector,
  SinkTask,
  SourceConnector,
  SourceTask,
  configInfos,
  type ConnectorConfig,
  type SinkRecord,
  type SourceRecord,
  type TaskClass,
  type TopicPartitionOffset,
} from '@sluice/connect-api';

class CountingSink extends SinkTask {
  flushed: TopicPartitionOffset[][] = [];
  version(): string {
    return '1';
  }
  start(): void {}
  put(records: SinkRecord[]): void {
    void records;
  }
  override flush(offsets: TopicPartitionOffset[]): void {
    this.flushed.push(offsets);
  }
  stop(): void {}
}

class FileSink extends SinkConnector {
  version(): string {
    return '1';
  }
  start(): void {}
  taskClass(): TaskClass {
    return CountingSink;
  }
  taskConfigs(maxTasks: number): ConnectorConfig[] {
    return Array.from({ length: maxTasks }, (_, i) => ({ task: String(i) }));
  }
  stop(): void {}
  config(): ConfigDef {
    return new ConfigDef()
      .define({ name: 'file', type: 'STRING', importance: 'high', documentation: 'Where lines go.' })
      .define({ name: 'password', type: 'PASSWORD', defaultValue: null, importance: 'low', documentation: 'A secret.' })
      .define({
        name: 'mode',
        type: 'STRING',
        defaultValue: 'append',
        importance: 'low',
        documentation: 'How the file is written.',
        recommender: { validValues: () => ['append', 'truncate'], visible: (_name, parsed) => parsed.file !== 'stdout' },
      });
  }
}

test('a sink task commits what it flushed unless it says otherwise', async () => {
  const task = new CountingSink();
  const offsets = [{ topic: 't', partition: 0, offset: 42n }];
  assert.deepEqual(await task.preCommit(offsets), offsets);
  assert.deepEqual(task.flushed, [offsets]);
});

test('a connector validates against its ConfigDef, with recommended values and visibility, and hides passwords', () => {
  const connector = new FileSink();
  const { configValues } = connector.validate({ file: 'stdout', mode: 'rewrite', password: 's3cret' });
  const infos = configInfos('FileSink', connector.config(), configValues);
  assert.equal(infos.error_count, 1);
  const mode = infos.configs.find((c) => c.definition?.name === 'mode')!.value!;
  assert.deepEqual(mode.recommended_values, ['append', 'truncate']);
  assert.deepEqual(mode.errors, ['Invalid value rewrite for configuration mode']);
  assert.equal(mode.visible, false);
  assert.equal(infos.configs.find((c) => c.definition?.name === 'password')!.value!.value, '[hidden]');
  const parsed = connector.config().parse({ file: 'a.txt', password: 's3cret' });
  assert.ok(parsed.password instanceof Password);
  assert.equal(String(parsed.password), '[hidden]');
  assert.equal(JSON.stringify(parsed), '{"file":"a.txt","password":"[hidden]","mode":"append"}');
  assert.equal((parsed.password as Password).value, 's3cret');
  assert.deepEqual(connector.taskConfigs(2), [{ task: '0' }, { task: '1' }]);
});

test('source parts have no-op defaults a task may leave alone', async () => {
  class Lines extends SourceTask {
    version(): string {
      return '1';
    }
    start(): void {}
    poll(): SourceRecord[] | null {
      return null;
    }
    stop(): void {}
  }
  class LinesConnector extends SourceConnector {
    version = () => '1';
    start(): void {}
    taskClass = (): TaskClass => Lines;
    taskConfigs = (): ConnectorConfig[] => [{}];
    stop(): void {}
    config = () => new ConfigDef();
  }
  const connector = new LinesConnector();
  assert.equal(connector.exactlyOnceSupport({}), null);
  assert.equal(connector.canDefineTransactionBoundaries({}), 'UNSUPPORTED');
  assert.equal(await connector.alterOffsets({}, new Map()), false);
  const task = new Lines();
  await task.commit();
  await task.commitRecord(null as unknown as SourceRecord, null);
  assert.equal(task.poll(), null);
});
