// Settings that would restrict access must never fail open: a broker asked for a restriction it
// cannot serve (an authorizer class other than Kafka's StandardAuthorizer) refuses to start, naming the setting. TLS and SASL listeners are served; one
// asked for a mechanism or key store Sluice cannot serve refuses the start, naming it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BrokerConfig } from '../src/config/broker-config.ts';
import { ConfigError } from '../src/config/definitions.ts';
import { servedListeners } from '../src/listeners.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '../src/index.ts';

function refused(settings: Record<string, string>, pattern: RegExp): void {
  assert.throws(
    () => new BrokerConfig().applyStatic(settings),
    (e: unknown) => e instanceof ConfigError && /Refusing to start/.test(e.message) && pattern.test(e.message),
    `refused: ${JSON.stringify(settings)}`,
  );
}

test('security settings with a restricting value are refused by name', () => {
  refused({ 'authorizer.class.name': 'kafka.security.authorizer.AclAuthorizer' }, /authorizer\.class\.name: kafka\.security\.authorizer\.AclAuthorizer is a Java class Sluice cannot load; use org\.apache\.kafka\.metadata\.authorizer\.StandardAuthorizer/);
  refused({ 'security.inter.broker.protocol': 'SSL' }, /security\.inter\.broker\.protocol/);
  refused({ 'principal.builder.class': 'com.example.Builder' }, /principal\.builder\.class/);
  refused({ 'delegation.token.secret.key': 'secret' }, /delegation\.token\.secret\.key/);
});

test('Java classes that would check clients are refused with or without a listener prefix; naming Kafka\'s own defaults restricts nothing', () => {
  // A custom PLAIN or SCRAM callback handler (an LDAP check, say) dropped silently would let in
  // every user of the JAAS config or the stored credentials.
  const ldap = 'com.example.LdapPlainCallbackHandler';
  refused({ 'listener.name.sasl_ssl.plain.sasl.server.callback.handler.class': ldap }, /listener\.name\.sasl_ssl\.plain\.sasl\.server\.callback\.handler\.class: com\.example\.LdapPlainCallbackHandler is a Java class Sluice cannot load/);
  refused({ 'listener.name.external.scram-sha-512.sasl.server.callback.handler.class': ldap }, /scram-sha-512\.sasl\.server\.callback\.handler\.class: .* remove it/);
  refused({ 'plain.sasl.server.callback.handler.class': ldap }, /plain\.sasl\.server\.callback\.handler\.class/);
  refused({ 'sasl.server.callback.handler.class': ldap }, /sasl\.server\.callback\.handler\.class/);
  refused({ 'oauthbearer.sasl.server.callback.handler.class': 'org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler' }, /only with the listener's prefix; set listener\.name\.<listener>\.oauthbearer\.sasl\.server\.callback\.handler\.class/);
  refused({ 'listener.name.internal.principal.builder.class': 'com.example.Builder' }, /listener\.name\.internal\.principal\.builder\.class: Java classes cannot be loaded/);
  refused({ 'ssl.engine.factory.class': 'com.example.Engine' }, /ssl\.engine\.factory\.class: com\.example\.Engine is a Java class Sluice cannot load/);
  refused({ 'listener.name.ssl.ssl.engine.factory.class': 'com.example.Engine' }, /listener\.name\.ssl\.ssl\.engine\.factory\.class/);
  new BrokerConfig().applyStatic({
    'listener.name.sasl_ssl.plain.sasl.server.callback.handler.class': 'org.apache.kafka.common.security.plain.internals.PlainServerCallbackHandler',
    'listener.name.sasl_ssl.scram-sha-256.sasl.server.callback.handler.class': 'org.apache.kafka.common.security.scram.internals.ScramServerCallbackHandler',
    'principal.builder.class': 'org.apache.kafka.common.security.authenticator.DefaultKafkaPrincipalBuilder',
    'listener.name.ssl.ssl.engine.factory.class': 'org.apache.kafka.common.security.ssl.DefaultSslEngineFactory',
    // The listener's OAUTHBEARER handler is read where the listener is set up (tested below).
    'listener.name.sasl_ssl.oauthbearer.sasl.server.callback.handler.class': 'org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler',
  });
});

test('every refused setting is named at once, not one per attempt', () => {
  refused({ 'authorizer.class.name': 'A', 'principal.builder.class': 'B', 'num.partitions': '3' }, /2 settings[\s\S]*authorizer\.class\.name[\s\S]*principal\.builder\.class/);
});

test('values that restrict nothing, and the ACL settings Sluice serves, are accepted', () => {
  const c = new BrokerConfig();
  c.applyStatic({ 'authorizer.class.name': '', 'super.users': '', 'allow.everyone.if.no.acl.found': 'true', 'security.inter.broker.protocol': 'PLAINTEXT' });
  // Still reported as an unknown setting (a warning), since nothing in Sluice reads it.
  assert.deepEqual(c.unknownKeys, ['security.inter.broker.protocol']);
  const acls = new BrokerConfig();
  acls.applyStatic({ 'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer', 'super.users': 'User:admin', 'allow.everyone.if.no.acl.found': 'false' });
  assert.equal(acls.string('super.users'), 'User:admin');
});

function listenersOf(settings: Record<string, string>) {
  const c = new BrokerConfig();
  c.applyStatic(settings);
  return servedListeners(c);
}

test('several listeners are served, each with the protocol listener.security.protocol.map gives its name', () => {
  const { listeners } = listenersOf({ listeners: 'PLAINTEXT://127.0.0.1:9092,SASL_SSL://0.0.0.0:9093,EXTERNAL://:9094', 'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL,EXTERNAL:SSL' });
  assert.deepEqual(listeners, [
    { name: 'PLAINTEXT', host: '127.0.0.1', port: 9092, protocol: 'PLAINTEXT' },
    { name: 'SASL_SSL', host: '0.0.0.0', port: 9093, protocol: 'SASL_SSL' },
    { name: 'EXTERNAL', host: '', port: 9094, protocol: 'SSL' },
  ]);
  assert.throws(() => listenersOf({ listeners: 'EXTERNAL://:9093' }), /no security protocol for the listener EXTERNAL; add EXTERNAL:PLAINTEXT/);
  assert.throws(() => listenersOf({ listeners: 'A://:9093', 'listener.security.protocol.map': 'A:TLS' }), /A:TLS is not a security protocol; use one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL/);
  assert.throws(() => listenersOf({ listeners: 'PLAINTEXT://:9092,PLAINTEXT://:9093' }), /the listener name PLAINTEXT is given twice/);
  assert.throws(() => listenersOf({ listeners: 'PLAINTEXT://:9092,SSL://:9092' }), /PLAINTEXT and SSL both use port 9092/);
});

test('a per-listener setting whose listener is named nowhere refuses the start; names in the protocol map or controller.listener.names are known', () => {
  const listeners = 'PLAINTEXT://127.0.0.1:9092,SASL_SSL://127.0.0.1:9093';
  assert.throws(
    () => listenersOf({ listeners, 'listener.name.sasl-ssl.ssl.client.auth': 'required' }),
    (e: unknown) => e instanceof ConfigError && /Refusing to start: listener\.name\.sasl-ssl\.ssl\.client\.auth names a listener that no listener has \(.*SASL_SSL.*\); give the setting the prefix listener\.name\.<listener name in lower case>\./.test(e.message),
  );
  // Kafka reads the prefix in lower case only: an upper-case one would be dropped unseen.
  assert.throws(() => listenersOf({ listeners, 'listener.name.SASL_SSL.ssl.client.auth': 'required' }), /Refusing to start: listener\.name\.SASL_SSL\.ssl\.client\.auth names a listener .*listener name in lower case/);
  assert.throws(() => listenersOf({ listeners, 'listener.name.extrenal.sasl.enabled.mechanisms': 'PLAIN', 'listener.name.extrenal.plain.sasl.jaas.config': 'x' }), /listener\.name\.extrenal\.sasl\.enabled\.mechanisms, listener\.name\.extrenal\.plain\.sasl\.jaas\.config name listeners/);
  // Kafka's own files: settings for the controller listener (of a broker-only node, not in
  // listeners) and for a name of the protocol map without a listener now.
  const { listeners: served } = listenersOf({
    listeners,
    'controller.listener.names': 'CONTROLLER',
    'listener.security.protocol.map': 'CONTROLLER:SASL_SSL,PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL,EXTERNAL:SSL',
    'listener.name.controller.sasl.enabled.mechanisms': 'PLAIN',
    'listener.name.external.ssl.client.auth': 'required',
    'listener.name.sasl_ssl.ssl.client.auth': 'required',
  });
  assert.deepEqual(served.map((l) => l.name), ['PLAINTEXT', 'SASL_SSL']);
});

test("Kafka's own server.properties listeners work: the controller listener is left out", () => {
  const { listeners, skipped } = listenersOf({
    listeners: 'PLAINTEXT://:9092,CONTROLLER://:9093',
    'controller.listener.names': 'CONTROLLER',
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL',
  });
  assert.deepEqual(listeners, [{ name: 'PLAINTEXT', host: '', port: 9092, protocol: 'PLAINTEXT' }]);
  assert.deepEqual(skipped, [{ name: 'CONTROLLER', host: '', port: 9093 }]);
});

test('a listener asked for what Sluice cannot serve refuses the start, before opening anything', async () => {
  const start = (config: Record<string, string>) => startBroker({ port: 0, dataDir: '/nonexistent/never-created', config });
  await assert.rejects(start({ 'authorizer.class.name': 'StandardAuthorizer' }), /authorizer\.class\.name: StandardAuthorizer is a Java class Sluice cannot load/);
  // Kafka's default mechanism is GSSAPI (Kerberos).
  await assert.rejects(start({ listeners: 'PLAINTEXT://127.0.0.1:0,SASL_PLAINTEXT://127.0.0.1:0' }), /the listener SASL_PLAINTEXT enables the SASL mechanism GSSAPI \(sasl\.enabled\.mechanisms\), which Sluice does not serve; enable PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 or OAUTHBEARER instead/);
  await assert.rejects(
    start({ listeners: 'SASL_PLAINTEXT://127.0.0.1:0', 'listener.name.sasl_plaintext.sasl.enabled.mechanisms': 'PLAIN' }),
    /enables SASL PLAIN but has no users: set listener\.name\.sasl_plaintext\.plain\.sasl\.jaas\.config=org\.apache\.kafka\.common\.security\.plain\.PlainLoginModule required/,
  );
  await assert.rejects(
    start({ listeners: 'SASL_PLAINTEXT://127.0.0.1:0', 'sasl.enabled.mechanisms': 'PLAIN', 'listener.name.sasl_plaintext.plain.sasl.jaas.config': 'PlainLoginModule user_a="secret-never-shown"' }),
    (e: unknown) => e instanceof ConfigError && /Invalid listener\.name\.sasl_plaintext\.plain\.sasl\.jaas\.config: it does not start with a login module class and a control flag/.test(e.message) && !e.message.includes('secret-never-shown'),
  );
  await assert.rejects(start({ listeners: 'SSL://127.0.0.1:0' }), /Sluice reads PEM and PKCS12 key stores; convert a JKS one/);
  await assert.rejects(start({ listeners: 'SSL://127.0.0.1:0', 'ssl.keystore.type': 'PEM' }), /The listener SSL uses TLS but has no key store: set ssl\.keystore\.location/);
  await assert.rejects(start({ listeners: 'SSL://127.0.0.1:0', 'listener.name.ssl.ssl.client.auth': 'always' }), /Invalid value "always" for configuration listener\.name\.ssl\.ssl\.client\.auth: must be one of none, requested, required/);
});

test("OAUTHBEARER: Kafka's JWKS validator without a JWKS refuses the start; the unsecured default is warned about unless named", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-oauth-settings-'));
  const oauth = { listeners: 'SASL_PLAINTEXT://127.0.0.1:0', 'sasl.enabled.mechanisms': 'OAUTHBEARER' };
  const handlerClass = 'listener.name.sasl_plaintext.oauthbearer.sasl.server.callback.handler.class';
  const warningsOf = async (config: Record<string, string>) => {
    const warnings: string[] = [];
    const broker = await startBroker({ port: 0, dataDir, config: { ...oauth, ...config }, log: { info() {}, warn: (m) => warnings.push(m), error() {} } });
    await broker.close();
    return warnings.filter((w) => w.includes('OAUTHBEARER'));
  };
  try {
    await assert.rejects(
      startBroker({ port: 0, dataDir, config: { ...oauth, [handlerClass]: 'org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler' } }),
      /The OAuth validator for the broker requires "sasl\.oauthbearer\.jwks\.endpoint\.url" to be configured so that JWT signatures can be verified, but it was not set\. Set "listener\.name\.sasl_plaintext\.sasl\.oauthbearer\.jwks\.endpoint\.url"/,
    );
    await assert.rejects(startBroker({ port: 0, dataDir, config: { ...oauth, [handlerClass]: 'com.example.MyValidator' } }), /com\.example\.MyValidator is a Java class Sluice cannot load/);
    const [warning, ...more] = await warningsOf({});
    assert.match(warning, /^the listener SASL_PLAINTEXT accepts OAUTHBEARER tokens without a signature \(alg none\) and checks none: anyone who reaches it can log in as any principal\..* set listener\.name\.sasl_plaintext\.oauthbearer\.sasl\.server\.callback\.handler\.class=org\.apache\.kafka\.common\.security\.oauthbearer\.OAuthBearerValidatorCallbackHandler/);
    assert.deepEqual(more, []);
    assert.deepEqual(await warningsOf({ [handlerClass]: 'org.apache.kafka.common.security.oauthbearer.internals.unsecured.OAuthBearerUnsecuredValidatorCallbackHandler' }), [], 'named explicitly, as Kafka takes it');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('OAUTHBEARER: a JWKS endpoint that answers an error refuses the start with its status', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-oauth-jwks-'));
  const server = createHttpServer((_request, response) => response.writeHead(404, { 'content-type': 'text/html' }).end('<html>not here</html>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  try {
    const started = startBroker({ port: 0, dataDir, config: { listeners: 'SASL_PLAINTEXT://127.0.0.1:0', 'sasl.enabled.mechanisms': 'OAUTHBEARER', 'sasl.oauthbearer.jwks.endpoint.url': url } });
    started.then((b) => b.close(), () => {}); // a broker that started anyway must not keep the test open
    await assert.rejects(started, /Cannot read the JWKS at sasl\.oauthbearer\.jwks\.endpoint\.url http:.*: the server answered HTTP 404 Not Found/);
  } finally {
    server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
