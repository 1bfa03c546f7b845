// Settings that would restrict access must never fail open: until Sluice supports TLS, SASL and
// ACLs, a broker asked for them refuses to start, naming the setting. Listeners are served only
// when they are PLAINTEXT, and only one of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BrokerConfig } from '../src/config/broker-config.js';
import { ConfigError } from '../src/config/definitions.js';
import { servedListener } from '../src/listeners.js';
import { startBroker } from '../src/index.js';

function refused(settings: Record<string, string>, pattern: RegExp): void {
  assert.throws(
    () => new BrokerConfig().applyStatic(settings),
    (e: unknown) => e instanceof ConfigError && /Refusing to start/.test(e.message) && pattern.test(e.message),
    `refused: ${JSON.stringify(settings)}`,
  );
}

test('security settings with a restricting value are refused by name', () => {
  refused({ 'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer' }, /authorizer\.class\.name: ACL authorization is not supported yet; remove/);
  refused({ 'super.users': 'User:admin' }, /super\.users/);
  refused({ 'allow.everyone.if.no.acl.found': 'false' }, /allow\.everyone\.if\.no\.acl\.found/);
  refused({ 'ssl.keystore.location': '/etc/kafka/broker.jks' }, /ssl\.keystore\.location: TLS is not supported yet; remove the ssl\.\* settings and use a PLAINTEXT listener/);
  refused({ 'ssl.client.auth': 'required' }, /ssl\.client\.auth/);
  refused({ 'sasl.enabled.mechanisms': 'SCRAM-SHA-512' }, /sasl\.enabled\.mechanisms: SASL/);
  refused({ 'listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config': 'x' }, /listener\.name\.sasl_ssl\.scram-sha-512\.sasl\.jaas\.config/);
  refused({ 'listener.name.external.ssl.keystore.location': '/k.jks' }, /listener\.name\.external\.ssl\.keystore\.location/);
  refused({ 'security.inter.broker.protocol': 'SSL' }, /security\.inter\.broker\.protocol/);
  refused({ 'principal.builder.class': 'com.example.Builder' }, /principal\.builder\.class/);
  refused({ 'delegation.token.secret.key': 'secret' }, /delegation\.token\.secret\.key/);
});

test('every refused setting is named at once, not one per attempt', () => {
  refused({ 'authorizer.class.name': 'A', 'super.users': 'User:a', 'num.partitions': '3' }, /2 settings[\s\S]*authorizer\.class\.name[\s\S]*super\.users/);
});

test('values that restrict nothing are accepted', () => {
  const c = new BrokerConfig();
  c.applyStatic({ 'authorizer.class.name': '', 'super.users': '', 'allow.everyone.if.no.acl.found': 'true', 'security.inter.broker.protocol': 'PLAINTEXT' });
  // Still reported as unknown settings (a warning), since nothing in Sluice reads them.
  assert.deepEqual(c.unknownKeys, ['authorizer.class.name', 'super.users', 'allow.everyone.if.no.acl.found', 'security.inter.broker.protocol']);
});

function listenerOf(settings: Record<string, string>) {
  const c = new BrokerConfig();
  c.applyStatic(settings);
  return servedListener(c);
}

test('a listener that is not PLAINTEXT refuses the start, alone or beside a PLAINTEXT one', () => {
  for (const listeners of ['SASL_SSL://127.0.0.1:9093', 'PLAINTEXT://127.0.0.1:9092,SASL_SSL://127.0.0.1:9093', 'SSL://:9093', 'PLAINTEXT://:9092,SASL_PLAINTEXT://:9094']) {
    assert.throws(() => listenerOf({ listeners }), (e: unknown) => e instanceof ConfigError && /Refusing to start: the listener (SASL_SSL|SSL|SASL_PLAINTEXT):\/\/.* uses \1, which Sluice does not support yet/.test(e.message), listeners);
  }
  // A custom listener name takes its protocol from listener.security.protocol.map.
  assert.throws(() => listenerOf({ listeners: 'EXTERNAL://:9093', 'listener.security.protocol.map': 'EXTERNAL:SASL_SSL' }), /EXTERNAL:\/\/:9093 uses SASL_SSL/);
  assert.throws(() => listenerOf({ listeners: 'EXTERNAL://:9093' }), /no security protocol for the listener EXTERNAL/);
});

test('two PLAINTEXT listeners are refused, not silently reduced to one', () => {
  assert.throws(() => listenerOf({ listeners: 'PLAINTEXT://127.0.0.1:9092,INTERNAL://127.0.0.1:9093', 'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,INTERNAL:PLAINTEXT' }), /2 listeners .*serves one listener yet\. Keep one/);
});

test("Kafka's own server.properties listeners work: the controller listener is left out", () => {
  const { listener, skipped } = listenerOf({
    listeners: 'PLAINTEXT://:9092,CONTROLLER://:9093',
    'controller.listener.names': 'CONTROLLER',
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL',
  });
  assert.deepEqual(listener, { name: 'PLAINTEXT', host: '', port: 9092 });
  assert.deepEqual(skipped, [{ name: 'CONTROLLER', host: '', port: 9093 }]);
  assert.deepEqual(listenerOf({ listeners: 'CLIENT://127.0.0.1:0', 'listener.security.protocol.map': 'CLIENT:PLAINTEXT' }).listener, { name: 'CLIENT', host: '127.0.0.1', port: 0 });
});

test('startBroker refuses before opening anything: no data folder is created', async () => {
  await assert.rejects(startBroker({ port: 0, dataDir: '/nonexistent/never-created', config: { 'authorizer.class.name': 'StandardAuthorizer' } }), /authorizer\.class\.name/);
  await assert.rejects(startBroker({ port: 0, dataDir: '/nonexistent/never-created', config: { listeners: 'PLAINTEXT://127.0.0.1:0,SASL_SSL://127.0.0.1:0' } }), /SASL_SSL/);
});
