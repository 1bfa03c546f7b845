// `/admin/loggers` as Kafka Connect 4.3 over log4j2 answers (its LoggingResource and Loggers):
// listing, a logger's level inherited by dotted name, setting a namespace and its children, which
// names an answer lists as changed, the refusals, and the runtime's lines dropped below the level.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectRestError, ConnectRestServer, MemoryOffsetBackingStore, StandaloneHerder, Worker, WorkerConfig, builtinPlugins } from '@sluice/connect';
import { Loggers, workerLogging } from '../src/runtime/loggers.ts';

const WORKER = 'org.apache.kafka.connect.runtime.Worker';

function setup() {
  let now = 1000;
  const lines: string[] = [];
  const loggers = new Loggers((l) => lines.push(l), () => now);
  return { loggers, lines, tick: () => (now += 1000) };
}

const refusal = (status: number, message: string) => (e: unknown) => e instanceof ConnectRestError && e.status === status && e.message === message;

test('root alone at first; loggers in use are listed with the level they inherit; unknown names are 404', () => {
  const { loggers } = setup();
  assert.deepEqual(loggers.all(), { root: { level: 'INFO', last_modified: null } });
  loggers.logger(WORKER);
  assert.deepEqual(loggers.all(), { [WORKER]: { level: 'INFO', last_modified: null }, root: { level: 'INFO', last_modified: null } });
  assert.deepEqual(loggers.get(WORKER), { level: 'INFO', last_modified: null });
  assert.deepEqual(loggers.get('ROOT'), { level: 'INFO', last_modified: null });
  assert.deepEqual(loggers.get(''), { level: 'INFO', last_modified: null });
  assert.throws(() => loggers.get('org.apache.kafka.connect'), refusal(404, 'Logger org.apache.kafka.connect not found.'));
});

test('a namespace sets itself and its children; the answer names the loggers whose level changed', () => {
  const { loggers, tick } = setup();
  const worker = loggers.logger(WORKER);
  // A name that starts with the namespace's text but is no child of it by dots keeps root's level.
  loggers.logger('org.apache.kafka.connectx.Other');
  tick();
  assert.deepEqual(loggers.setLevel('org.apache.kafka.connect', 'DEBUG'), ['org.apache.kafka.connect', WORKER]);
  assert.deepEqual(loggers.get(WORKER), { level: 'DEBUG', last_modified: 2000 });
  assert.deepEqual(loggers.get('org.apache.kafka.connectx.Other'), { level: 'INFO', last_modified: null });
  assert.equal(worker.isEnabled('DEBUG'), true);
  // The same level again changes nothing.
  tick();
  assert.deepEqual(loggers.setLevel('org.apache.kafka.connect', 'debug'), []);
  // A child set on its own; its parent keeps its level.
  assert.deepEqual(loggers.setLevel(WORKER, 'ERROR'), [WORKER]);
  assert.deepEqual(loggers.get('org.apache.kafka.connect'), { level: 'DEBUG', last_modified: 2000 });
  assert.deepEqual(loggers.get(WORKER), { level: 'ERROR', last_modified: 3000 });
  // Setting the parent again overrides the child's own level too (log4j2's setAllLevels).
  tick();
  assert.deepEqual(loggers.setLevel('org.apache.kafka.connect', 'TRACE'), ['org.apache.kafka.connect', WORKER]);
  assert.equal(loggers.get(WORKER).level, 'TRACE');
  // A namespace set to the level it already inherits is no change of its own; only its child with another level is (as Kafka 4.3.1 answers).
  tick();
  loggers.setLevel(WORKER, 'WARN');
  assert.deepEqual(loggers.setLevel('org.apache.kafka.connect.runtime', 'TRACE'), [WORKER]);
  // Root sets every logger; a logger made later inherits it.
  tick();
  assert.deepEqual(loggers.setLevel('root', 'WARN'), ['org.apache.kafka.connect', 'org.apache.kafka.connect.runtime', WORKER, 'org.apache.kafka.connectx.Other', 'root']);
  assert.equal(loggers.logger('com.example.Later').isEnabled('INFO'), false);
  assert.deepEqual(loggers.get('com.example.Later'), { level: 'WARN', last_modified: null });
});

test('OFF loggers are left out of the list; the runtime\'s lines below a logger\'s level are dropped', () => {
  const { loggers, lines } = setup();
  const worker = loggers.logger(WORKER);
  worker.log('INFO', 'shown');
  worker.log('DEBUG', 'hidden');
  loggers.setLevel(WORKER, 'OFF');
  worker.log('ERROR', 'hidden too');
  assert.deepEqual(Object.keys(loggers.all()), ['root']);
  assert.deepEqual(loggers.get(WORKER).level, 'OFF');
  loggers.setLevel('org.apache.kafka', 'TRACE');
  worker.log('TRACE', 'traced');
  assert.deepEqual(lines, ['shown', 'traced']);
});

test('PUT: Kafka\'s refusals, and the scopes', () => {
  const { loggers } = setup();
  assert.throws(() => loggers.put('a.b', {}, null), refusal(400, "Desired 'level' parameter was not specified in request."));
  assert.throws(() => loggers.put('a.b', { level: 'LOUD' }, null), refusal(404, "invalid log level 'LOUD'."));
  assert.deepEqual(loggers.put('a.b', { level: 'warn' }, null), [200, ['a.b']]);
  assert.deepEqual(loggers.put('a.b', { level: 'ERROR' }, 'worker'), [200, ['a.b']]);
  // A scope Kafka does not know is taken as worker; cluster answers 204 without a body.
  assert.deepEqual(loggers.put('a.b', { level: 'INFO' }, 'galaxy'), [200, ['a.b']]);
  assert.deepEqual(loggers.put('a.b', { level: 'DEBUG' }, 'Cluster'), [204]);
  assert.equal(loggers.get('a.b').level, 'DEBUG');
});

test('the worker\'s own lines follow the levels set on its logger, an ancestor or root', () => {
  const lines: string[] = [];
  const { loggers, log } = workerLogging((l) => lines.push(l));
  const worker = new Worker(new WorkerConfig({ 'bootstrap.servers': 'localhost:1' }), builtinPlugins(), new MemoryOffsetBackingStore(), { workerId: 'w', log });
  worker.log('one');
  assert.deepEqual(loggers.setLevel('org.apache.kafka.connect', 'WARN'), ['org.apache.kafka.connect', WORKER]);
  worker.log('two');
  loggers.setLevel('root', 'INFO');
  worker.log('three');
  assert.deepEqual(lines, ['one', 'three']);
  assert.equal(new ConnectRestServer(new StandaloneHerder(worker), loggers).loggers, loggers);
});
