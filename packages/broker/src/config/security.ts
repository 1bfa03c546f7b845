/**
 * Settings that would restrict what a client may do once connected in a way Sluice cannot serve
 * (ACLs are served, through Kafka's StandardAuthorizer name): accepting one of these and running
 * without it would leave the broker open while its operator believes it closed. (TLS and SASL are served: listeners check their own
 * settings, and refuse a mechanism or key store they cannot serve, in security/.) Such a setting is refused at start, by
 * name: a broker that does not start is found at once, an open one is not. A value that restricts nothing is accepted.
 */
import { ConfigError } from './definitions.js';
import { STANDARD_AUTHORIZER_CLASS } from '../acl/authorizer.js';

const WHY = 'Sluice will not start without a restriction it was asked for and cannot serve';

/** The refusal for one setting, or undefined when its value restricts nothing. */
function refusal(name: string, rawValue: string): string | undefined {
  const value = rawValue.trim();
  if (value === '') return undefined;
  switch (name) {
    case 'authorizer.class.name':
      // Kafka's KRaft authorizer is served; any other class would be a different policy Sluice cannot run.
      return value === STANDARD_AUTHORIZER_CLASS ? undefined : `${value} is a Java class Sluice cannot load; use ${STANDARD_AUTHORIZER_CLASS} (Kafka's ACL authorizer, served by Sluice) or leave it empty`;
    case 'security.inter.broker.protocol':
      return value.toUpperCase() === 'PLAINTEXT' ? undefined : `only PLAINTEXT is supported yet, not ${value}; remove the setting`;
    case 'principal.builder.class':
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
