/**
 * SASL/OAUTHBEARER on the server (RFC 7628, KIP-255/KIP-768). The client sends
 * `n,,\x01auth=Bearer <JWT>\x01[key=value\x01]*\x01`; the token is checked as Kafka checks it:
 * - as Kafka's OAuthBearerValidatorCallbackHandler (named in the listener's
 *   oauthbearer.sasl.server.callback.handler.class) or whenever sasl.oauthbearer.jwks.endpoint.url
 *   is set: an RS256 or ES256 signature by a key of the JWKS (a file: URL or path, or an http(s)
 *   URL, fetched at start), and sasl.oauthbearer.expected.audience / expected.issuer when set.
 *   That class without a JWKS refuses the start, with Kafka 4.3's message.
 * - otherwise as Kafka's default, the unsecured validator: an unsigned token (alg none) is
 *   accepted on its claims alone, for development only. Kafka 4.3 takes it silently when no
 *   handler class is named; Sluice takes it too but warns unless the unsecured class is named.
 * Kafka also uses the unsecured validator when only the JWKS URL is set (no handler class);
 * Sluice checks signatures then, since accepting anyone's unsigned token where a JWKS was given
 * would leave the listener open while its operator believes it closed.
 * Either way `exp` must lie ahead and `iat`/`nbf` behind (within sasl.oauthbearer.clock.skew.seconds),
 * and the principal is the sasl.oauthbearer.sub.claim.name claim (default `sub`). An invalid token
 * is answered with RFC 7628's JSON error first; the client's `\x01` then gets Kafka's failure.
 */
import { type KeyObject, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../config/definitions.ts';
import type { BrokerLog } from '../log.ts';
import type { ListenerSettings } from './listener-settings.ts';
import { AuthenticationFailed, type SaslExchange, type SaslMechanismServer, type SaslStep } from './sasl-mechanism.ts';

interface Jwk {
  kid?: string;
  kty: string;
  alg?: string;
  [k: string]: unknown;
}

export interface OAuthBearerSettings {
  keys: Map<string | undefined, { key: KeyObject; kty: string }[]> | undefined;
  audience: string[];
  issuer: string | null;
  subClaim: string;
  skewSeconds: number;
}

/** Kafka's server callback handlers for OAUTHBEARER: the JWKS-checking one and the default, unsecured one. */
export const VALIDATOR_CALLBACK_HANDLER = 'org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler';
export const UNSECURED_VALIDATOR_CALLBACK_HANDLER = 'org.apache.kafka.common.security.oauthbearer.internals.unsecured.OAuthBearerUnsecuredValidatorCallbackHandler';

/** Which validator the listener asked for (Kafka's mechanism-prefixed callback handler setting), refusing one Sluice cannot run. */
function validatorClass(settings: ListenerSettings, url: string | null): 'secured' | 'unsecured' | undefined {
  const setting = 'oauthbearer.sasl.server.callback.handler.class';
  const name = settings.get(setting)?.trim() ?? '';
  const prefixed = `listener.name.${settings.listenerName.toLowerCase()}.${setting}`;
  if (name === '') return undefined;
  if (name === UNSECURED_VALIDATOR_CALLBACK_HANDLER) return 'unsecured';
  if (name !== VALIDATOR_CALLBACK_HANDLER) throw new ConfigError(`Refusing to start: ${prefixed}=${name} is a Java class Sluice cannot load; use ${VALIDATOR_CALLBACK_HANDLER} with sasl.oauthbearer.jwks.endpoint.url`);
  if (url === null) {
    const urlSetting = `listener.name.${settings.listenerName.toLowerCase()}.sasl.oauthbearer.jwks.endpoint.url`;
    throw new ConfigError(`The OAuth validator for the broker requires "sasl.oauthbearer.jwks.endpoint.url" to be configured so that JWT signatures can be verified, but it was not set. Set "${urlSetting}" (or sasl.oauthbearer.jwks.endpoint.url) to the OAuth/OIDC provider's JWKS endpoint URL for the listener ${settings.listenerName} (${prefixed}=${name})`);
  }
  return 'secured';
}

/** How long the JWKS endpoint has to answer at start (jose4j's HTTP timeouts, which Kafka's HttpsJwks uses, are 20 s). */
const JWKS_FETCH_TIMEOUT_MS = 20_000;

/** The JWKS document at an http(s) URL: a server that never answers, or answers an error page, stops the start with why. */
async function fetchJwks(url: string): Promise<string> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(JWKS_FETCH_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`the server answered HTTP ${response.status} ${response.statusText}; give the URL of the provider's JWKS document`);
    return await response.text();
  } catch (e) {
    if ((e as Error).name === 'TimeoutError') throw new Error(`no answer within ${JWKS_FETCH_TIMEOUT_MS / 1000} s; check that the broker can reach the provider`);
    throw e;
  }
}

/** Reads the listener's OAUTHBEARER settings; a JWKS URL is fetched once, now. */
export async function oauthBearerSettings(settings: ListenerSettings, log: BrokerLog): Promise<OAuthBearerSettings> {
  const given = settings.get('sasl.oauthbearer.jwks.endpoint.url')?.trim() ?? '';
  const url = given === '' ? null : given;
  const validator = validatorClass(settings, url);
  if (validator === undefined && url === null) {
    log.warn(
      `the listener ${settings.listenerName} accepts OAUTHBEARER tokens without a signature (alg none) and checks none: anyone who reaches it can log in as any principal. ` +
        `This is Kafka's default unsecured validator, for development only: set listener.name.${settings.listenerName.toLowerCase()}.oauthbearer.sasl.server.callback.handler.class=${VALIDATOR_CALLBACK_HANDLER} ` +
        `and sasl.oauthbearer.jwks.endpoint.url to check signed tokens, or name ${UNSECURED_VALIDATOR_CALLBACK_HANDLER} there to keep unsigned ones without this warning`,
    );
  }
  if (validator === 'unsecured' && url !== null) {
    log.warn(`the listener ${settings.listenerName} names the unsecured OAUTHBEARER validator, so ${settings.nameOf('sasl.oauthbearer.jwks.endpoint.url')} is not used and only unsigned tokens are accepted, as in Kafka; name ${VALIDATOR_CALLBACK_HANDLER} to check signatures`);
  }
  let keys: OAuthBearerSettings['keys'];
  if (url !== null && validator !== 'unsecured') {
    let text: string;
    try {
      text = /^https?:/i.test(url) ? await fetchJwks(url) : readFileSync(url.startsWith('file:') ? fileURLToPath(url) : url, 'utf8');
    } catch (e) {
      throw new ConfigError(`Cannot read the JWKS at ${settings.nameOf('sasl.oauthbearer.jwks.endpoint.url')} ${url}: ${(e as Error).message}`);
    }
    keys = new Map();
    try {
      for (const jwk of (JSON.parse(text) as { keys: Jwk[] }).keys) {
        const entry = { key: createPublicKey({ key: jwk as never, format: 'jwk' }), kty: jwk.kty };
        keys.set(jwk.kid, [...(keys.get(jwk.kid) ?? []), entry]);
      }
    } catch (e) {
      throw new ConfigError(`The JWKS at ${url} is not a JSON Web Key Set of public keys: ${(e as Error).message}`);
    }
  }
  return {
    keys,
    audience: settings.list('sasl.oauthbearer.expected.audience'),
    issuer: settings.get('sasl.oauthbearer.expected.issuer'),
    subClaim: settings.get('sasl.oauthbearer.sub.claim.name') ?? 'sub',
    skewSeconds: Number(settings.get('sasl.oauthbearer.clock.skew.seconds') ?? 30),
  };
}

const FAILED = 'Authentication failed during authentication due to invalid credentials with SASL mechanism OAUTHBEARER';
/** RFC 7628's error, as Kafka's OAuthBearerSaslServer words it. */
const INVALID_TOKEN = JSON.stringify({ status: 'invalid_token' });

export class OAuthBearerMechanism implements SaslMechanismServer {
  readonly name = 'OAUTHBEARER';

  private readonly settings: OAuthBearerSettings;

  constructor(settings: OAuthBearerSettings) {
    this.settings = settings;
  }

  start(): SaslExchange {
    let failed: string | undefined;
    return {
      respond: (message: Buffer): SaslStep => {
        if (failed !== undefined) {
          // The client's %x01 after our error challenge: Kafka fails the exchange with that
          // challenge as the message, which clients show (franz-go looks for invalid_token in it).
          const acknowledged = message.length === 1 && message[0] === 0x01;
          throw new AuthenticationFailed(acknowledged ? INVALID_TOKEN : FAILED, undefined, `invalid token: ${failed}`);
        }
        const m = /^n,(?:a=[^,]*)?,\x01(.*)\x01\x01$/s.exec(message.toString('utf8'));
        const auth = m?.[1].split('\x01').find((kv) => kv.startsWith('auth='));
        const token = auth === undefined ? undefined : /^auth=Bearer\s+(\S+)$/i.exec(auth)?.[1];
        try {
          if (token === undefined) throw new Error('no auth=Bearer <token> in the client message');
          const { user, exp } = this.validate(token);
          return { done: true, response: Buffer.alloc(0), user, credentialExpiresAt: exp * 1000 };
        } catch (e) {
          failed = (e as Error).message;
          // RFC 7628: the error goes to the client as a challenge; its reply ends the exchange.
          return { done: false, response: Buffer.from(INVALID_TOKEN) };
        }
      },
    };
  }

  /** The principal's name and the token's expiry, or throws saying what is wrong with the token. */
  private validate(token: string): { user: string; exp: number } {
    const parts = token.split('.');
    if (parts.length !== 3) throw new Error('not a JWS compact serialization');
    const json = (b64: string) => JSON.parse(Buffer.from(b64, 'base64url').toString('utf8')) as Record<string, unknown>;
    const header = json(parts[0]);
    const claims = json(parts[1]);
    const s = this.settings;
    if (s.keys === undefined) {
      if (header.alg !== 'none') throw new Error(`an unsecured token (alg none) is expected, not ${String(header.alg)}; set sasl.oauthbearer.jwks.endpoint.url to validate signed tokens`);
    } else {
      const alg = header.alg;
      if (alg !== 'RS256' && alg !== 'ES256') throw new Error(`the algorithm ${String(alg)} is not accepted (RS256, ES256)`);
      const candidates = header.kid !== undefined ? (s.keys.get(header.kid as string) ?? []) : [...s.keys.values()].flat();
      const data = Buffer.from(`${parts[0]}.${parts[1]}`);
      const signature = Buffer.from(parts[2], 'base64url');
      const ok = candidates.some((c) => (alg === 'RS256' ? c.kty === 'RSA' && verify('sha256', data, c.key, signature) : c.kty === 'EC' && verify('sha256', data, { key: c.key, dsaEncoding: 'ieee-p1363' }, signature)));
      if (!ok) throw new Error('the signature is not that of a key of the JWKS');
    }
    const now = Date.now() / 1000;
    const exp = claims.exp;
    if (typeof exp !== 'number') throw new Error('the token has no exp claim');
    if (exp + s.skewSeconds < now) throw new Error('the token has expired');
    for (const claim of ['iat', 'nbf']) {
      const t = claims[claim];
      if (typeof t === 'number' && t - s.skewSeconds > now) throw new Error(`the token's ${claim} lies in the future`);
    }
    if (s.audience.length > 0) {
      const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      if (!aud.some((a) => s.audience.includes(String(a)))) throw new Error('the token is not for an expected audience');
    }
    if (s.issuer !== null && s.issuer !== '' && claims.iss !== s.issuer) throw new Error('the token is not from the expected issuer');
    const sub = claims[s.subClaim];
    if (typeof sub !== 'string' || sub === '') throw new Error(`the token has no ${s.subClaim} claim`);
    return { user: sub, exp };
  }
}
