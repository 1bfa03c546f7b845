/**
 * Settings that would restrict what a client may do once connected in a way Sluice cannot serve
 * (ACLs are served, through Kafka's StandardAuthorizer name): accepting one of these and running
 * without it would leave the broker open while its operator believes it closed. (TLS and SASL are served: listeners check their own
 * settings, and refuse a mechanism or key store they cannot serve, in security/.) Such a setting is refused at start, by
 * name: a broker that does not start is found at once, an open one is not. A value that restricts nothing is accepted.
 *
 * Kafka reads the Java classes among them (principal builder, SSL engine factory, SASL server
 * callback handlers) per listener too, as listener.name.<listener>.<setting>, so those are refused
 * with or without that prefix: a class given for one listener would otherwise be dropped silently.
 */
import { ConfigError } from './definitions.ts';
import { STANDARD_AUTHORIZER_CLASS } from '../acl/authorizer.ts';

const WHY = 'Sluice will not start without a restriction it was asked for and cannot serve';

const LISTENER_PREFIX = /^listener\.name\.[^.]+\./;
/** <mechanism in lower case>.sasl.server.callback.handler.class, or the bare name. */
const CALLBACK_HANDLER = /^(?:([a-z0-9-]+)\.)?sasl\.server\.callback\.handler\.class$/;

/** Kafka's own classes, which Sluice does the work of: naming one restricts nothing more. */
const KAFKA_DEFAULT_CLASSES: Record<string, string> = {
  'principal.builder.class': 'org.apache.kafka.common.security.authenticator.DefaultKafkaPrincipalBuilder',
  'ssl.engine.factory.class': 'org.apache.kafka.common.security.ssl.DefaultSslEngineFactory',
};
/** Kafka's default server callback handler of each SASL mechanism Sluice serves this way. */
const DEFAULT_CALLBACK_HANDLERS: Record<string, string> = {
  plain: 'org.apache.kafka.common.security.plain.internals.PlainServerCallbackHandler',
  'scram-sha-256': 'org.apache.kafka.common.security.scram.internals.ScramServerCallbackHandler',
  'scram-sha-512': 'org.apache.kafka.common.security.scram.internals.ScramServerCallbackHandler',
};

/** The refusal of a SASL server callback handler class, or undefined when Sluice serves what it asks. */
function callbackHandlerRefusal(mechanism: string | undefined, perListener: boolean, value: string): string | undefined {
  if (mechanism === 'oauthbearer') {
    // The listener's own setting is read (and a class Sluice cannot run refused) where OAUTHBEARER is set up.
    if (perListener) return undefined;
    return `Kafka reads this setting only with the listener's prefix; set listener.name.<listener>.oauthbearer.sasl.server.callback.handler.class instead`;
  }
  if (mechanism !== undefined && DEFAULT_CALLBACK_HANDLERS[mechanism] === value) return undefined;
  return `${value} is a Java class Sluice cannot load, so the passwords it would check could not be checked; remove it (Sluice checks PLAIN passwords against the listener's PlainLoginModule user_ options and SCRAM ones against the credentials stored with AlterUserScramCredentials)`;
}

/** The refusal for one setting, or undefined when its value restricts nothing. */
function refusal(name: string, rawValue: string): string | undefined {
  const value = rawValue.trim();
  if (value === '') return undefined;
  const prefix = LISTENER_PREFIX.exec(name)?.[0] ?? '';
  const setting = name.slice(prefix.length);
  const handler = CALLBACK_HANDLER.exec(setting);
  if (handler !== null) return callbackHandlerRefusal(handler[1], prefix !== '', value);
  switch (setting) {
    case 'principal.builder.class':
      return value === KAFKA_DEFAULT_CLASSES[setting] ? undefined : `Java classes cannot be loaded by Sluice; remove ${name} (principals come from ssl.principal.mapping.rules and the SASL user name)`;
    case 'ssl.engine.factory.class':
      return value === KAFKA_DEFAULT_CLASSES[setting] ? undefined : `${value} is a Java class Sluice cannot load; remove ${name} (TLS is set up from the ssl.* settings)`;
  }
  // The rest are broker-wide only; other per-listener settings are checked by the listener.
  if (prefix !== '') return undefined;
  switch (name) {
    case 'authorizer.class.name':
      // Kafka's KRaft authorizer is served; any other class would be a different policy Sluice cannot run.
      return value === STANDARD_AUTHORIZER_CLASS ? undefined : `${value} is a Java class Sluice cannot load; use ${STANDARD_AUTHORIZER_CLASS} (Kafka's ACL authorizer, served by Sluice) or leave it empty`;
    case 'security.inter.broker.protocol':
      return value.toUpperCase() === 'PLAINTEXT' ? undefined : `only PLAINTEXT is supported yet, not ${value}; remove the setting`;
    case 'security.providers':
      return `Java classes cannot be loaded by Sluice; remove ${name} (principals come from ssl.principal.mapping.rules and the SASL user name)`;
  }
  if (name.startsWith('delegation.token.')) return 'delegation tokens (SASL) are not supported yet; remove the delegation.token.* settings';
  return undefined;
}
/** Throws ConfigError naming every setting that would restrict access (Sluice cannot honour it). */
export function refuseUnsupportedSecurity(settings: Record<string, string>): void {
  const refused = Object.entries(settings).flatMap(([name, value]) => {
    const reason = refusal(name, value);
    return reason === undefined ? [] : [`${name}: ${reason}`];
  });
  if (refused.length === 0) return;
  throw new ConfigError(`Refusing to start: ${refused.length === 1 ? 'a setting' : `${refused.length} settings`} would restrict access. ${WHY}.\n  ${refused.join('\n  ')}`);
}
