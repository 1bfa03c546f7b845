/**
 * SASL/PLAIN on the server (RFC 4616): one message, [authzid] NUL authcid NUL password, checked
 * against the users of Kafka's PlainLoginModule (user_<name>="<password>"). The answers are
 * Kafka's PlainSaslServer's.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { ConfigError } from '../config/definitions.ts';
import { parseJaasConfig } from './jaas.ts';
import { AuthenticationFailed, type SaslExchange, type SaslMechanismServer } from './sasl-mechanism.ts';

const PLAIN_LOGIN_MODULE = 'org.apache.kafka.common.security.plain.PlainLoginModule';

export class PlainMechanism implements SaslMechanismServer {
  readonly name = 'PLAIN';
  private readonly users: Map<string, Buffer>;

  constructor(jaas: { name: string; text: string } | undefined, listenerName: string) {
    if (jaas === undefined) {
      throw new ConfigError(`The listener ${listenerName} enables SASL PLAIN but has no users: set listener.name.${listenerName.toLowerCase()}.plain.sasl.jaas.config=${PLAIN_LOGIN_MODULE} required user_alice="alice-secret";`);
    }
    const module = parseJaasConfig(jaas.text, jaas.name);
    if (module.className !== PLAIN_LOGIN_MODULE) throw new ConfigError(`Invalid ${jaas.name}: SASL PLAIN needs ${PLAIN_LOGIN_MODULE}, not ${module.className}`);
    this.users = new Map([...module.options].filter(([k]) => k.startsWith('user_')).map(([k, v]) => [k.slice(5), digest(v)]));
  }

  start(): SaslExchange {
    return {
      respond: (message: Buffer) => {
        const parts = splitNul(message);
        if (!isTriple(parts)) throw new AuthenticationFailed(`Invalid SASL/PLAIN response: expected 3 tokens, got ${parts.length}`);
        const [authzid, username, password] = parts;
        if (username === '') throw new AuthenticationFailed('Authentication failed: username not specified');
        if (password === '') throw new AuthenticationFailed('Authentication failed: password not specified');
        const expected = this.users.get(username);
        // Compared as digests of equal length, in constant time, so the time taken tells nothing.
        if (expected === undefined || !timingSafeEqual(expected, digest(password))) throw new AuthenticationFailed('Authentication failed: Invalid username or password', username);
        if (authzid !== '' && authzid !== username) throw new AuthenticationFailed('Authentication failed: Client requested an authorization id that is different from username', username);
        return { done: true, response: Buffer.alloc(0), user: username };
      },
    };
  }
}

function digest(password: string): Buffer {
  return createHash('sha256').update(password, 'utf8').digest();
}

/** The message's NUL-separated tokens, counted as Kafka's PlainSaslServer counts them: at most 4. */
function splitNul(message: Buffer): string[] {
  return message.toString('utf8').split('\u0000').slice(0, 4);
}

function isTriple(parts: string[]): parts is [string, string, string] {
  return parts.length === 3;
}
