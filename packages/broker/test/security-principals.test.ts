// ssl.principal.mapping.rules with Kafka's syntax and meaning, and certificate subjects written as
// Java's X500Principal writes them (RFC 2253), which is what the rules are matched against.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../src/config/definitions.ts';
import { PrincipalMapper, rfc2253Subject } from '../src/security/principal-mapping.ts';
import { parseJaasConfig } from '../src/security/jaas.ts';

test('a subject is written most specific part first, comma separated, with RFC 2253 escapes', () => {
  assert.equal(rfc2253Subject('C=US\nO=Sluice\nOU=Eng\nCN=Alice'), 'CN=Alice,OU=Eng,O=Sluice,C=US');
  assert.equal(rfc2253Subject('O=Smith, Jones\nCN=a+b'), 'CN=a\\+b,O=Smith\\, Jones');
});

test("Kafka's rules: first match wins, $n groups, L and U, DEFAULT, and no match refused", () => {
  const mapper = PrincipalMapper.parse('RULE:^CN=(.*?),OU=ServiceUsers.*$/$1/,RULE:^CN=(.*?),OU=(.*?),O=(.*?),L=(.*?),ST=(.*?),C=(.*?)$/$1@$2/L,RULE:^.*[Cc][Nn]=([a-zA-Z0-9.]*).*$/$1/U,DEFAULT');
  assert.equal(mapper.map('CN=kafka-client,OU=ServiceUsers,O=Org,C=US'), 'kafka-client');
  assert.equal(mapper.map('CN=Duke,OU=JavaSoft,O=Sun Microsystems,L=Santa Clara,ST=CA,C=US'), 'duke@javasoft');
  assert.equal(mapper.map('OU=x,CN=adminUser,O=y'), 'ADMINUSER');
  assert.equal(mapper.map('O=nobody'), 'O=nobody');
  assert.equal(PrincipalMapper.parse('DEFAULT').map('CN=Alice,OU=Eng'), 'CN=Alice,OU=Eng');
  assert.throws(() => PrincipalMapper.parse('RULE:^CN=(.*)$/$1/').map('OU=Eng'), /No rule of ssl\.principal\.mapping\.rules applies to OU=Eng/);
  assert.throws(() => PrincipalMapper.parse('RULE:nope'), (e: unknown) => e instanceof ConfigError && /expected DEFAULT or RULE:pattern\/replacement\//.test(e.message));
  assert.throws(() => PrincipalMapper.parse('RULE:(/x/'), /is not a regular expression/);
});

test("JAAS configs as Kafka's: class, flag, quoted or bare options, a closing semicolon; errors never quote the text", () => {
  const m = parseJaasConfig('org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="a \\"q\\" b" user_alice=alice-secret;', 'sasl.jaas.config');
  assert.equal(m.className, 'org.apache.kafka.common.security.plain.PlainLoginModule');
  assert.deepEqual([...m.options], [['username', 'admin'], ['password', 'a "q" b'], ['user_alice', 'alice-secret']]);
  assert.throws(() => parseJaasConfig('x.Module required user_a="hidden-secret"', 's'), (e: unknown) => e instanceof ConfigError && /does not end with a semicolon/.test(e.message) && !e.message.includes('hidden-secret'));
});
