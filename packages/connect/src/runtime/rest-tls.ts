/**
 * TLS of the REST API, from Kafka's settings as Connect's SSLUtils reads them (the `listeners.https.`
 * ones, or without any of those the worker's `ssl.*`): the https listener's certificate and its
 * client authentication (`ssl.client.auth`), and what the worker presents and trusts when it
 * forwards a request to another worker's https listener. Key stores are PEM (a file holding the
 * private key and its chain, or inline) or PKCS12; trust stores PEM. Java's JKS cannot be read by
 * Node, so it is refused with what to do instead.
 */
import { readFileSync } from 'node:fs';
import type { ConnectionOptions, SecureContextOptions, TlsOptions } from 'node:tls';
import { ConfigError } from '@sluice/config';
import type { WorkerConfig } from './worker-config.ts';

export type ClientAuth = 'none' | 'requested' | 'required';

type TlsSettings = ReturnType<WorkerConfig['restTlsSettings']>;

/** The https listener's options for node:https, and whether client certificates are asked for. */
export function restServerTls(config: WorkerConfig): { options: TlsOptions; clientAuth: ClientAuth } {
  const s = config.restTlsSettings();
  const clientAuth = (s.get('ssl.client.auth') ?? 'none').toLowerCase() as ClientAuth;
  if (!['none', 'requested', 'required'].includes(clientAuth)) throw new ConfigError(`Invalid value ${s.get('ssl.client.auth')} for configuration ${s.nameOf('ssl.client.auth')}: must be one of required, requested, none`);
  const key = keyStore(s);
  if (key === null) throw new ConfigError(`listeners has an https listener but no key store: set ${s.nameOf('ssl.keystore.location')} (with ${s.nameOf('ssl.keystore.type')}=PEM or PKCS12), or ${s.nameOf('ssl.keystore.key')} and ${s.nameOf('ssl.keystore.certificate.chain')}`);
  const options: TlsOptions = {
    ...common(s),
    ...key,
    ...trustStore(s),
    requestCert: clientAuth !== 'none',
    // required: OpenSSL ends the handshake of a client without a trusted certificate; requested:
    // a client may come without one, but one it presents must be trusted (rest-https.ts ends the
    // connection of one that is not, as the handshake fails in Kafka's Jetty).
    rejectUnauthorized: clientAuth === 'required',
  };
  return { options, clientAuth };
}

/** What this worker presents and trusts when it calls another worker's https listener (Kafka's RestClient). */
export function restClientTls(config: WorkerConfig): ConnectionOptions {
  const s = config.restTlsSettings();
  const options: ConnectionOptions = { ...common(s), ...(keyStore(s) ?? {}), ...trustStore(s) };
  // Kafka's ssl.endpoint.identification.algorithm: https checks the host name; empty skips it.
  if ((s.get('ssl.endpoint.identification.algorithm') ?? '') === '') options.checkServerIdentity = () => undefined;
  return options;
}

function common(s: TlsSettings): SecureContextOptions {
  const protocols = s.list('ssl.enabled.protocols');
  const known = protocols.filter((p) => p === 'TLSv1.2' || p === 'TLSv1.3');
  if (known.length === 0) throw new ConfigError(`Invalid value ${protocols.join(',')} for configuration ${s.nameOf('ssl.enabled.protocols')}: the REST API speaks TLSv1.2 and TLSv1.3; list one or both`);
  const options: SecureContextOptions = { minVersion: known.includes('TLSv1.2') ? 'TLSv1.2' : 'TLSv1.3', maxVersion: known.includes('TLSv1.3') ? 'TLSv1.3' : 'TLSv1.2' };
  const ciphers = s.list('ssl.cipher.suites');
  if (ciphers.length > 0) options.ciphers = ciphers.join(':');
  return options;
}

function keyStore(s: TlsSettings): SecureContextOptions | null {
  const type = (s.get('ssl.keystore.type') ?? 'JKS').toUpperCase();
  const location = s.get('ssl.keystore.location');
  const inlineKey = s.get('ssl.keystore.key');
  const inlineChain = s.get('ssl.keystore.certificate.chain');
  const passphrase = s.get('ssl.key.password') ?? undefined;
  if (inlineKey !== null || inlineChain !== null) {
    if (inlineKey === null || inlineChain === null) throw new ConfigError(`Give both ${s.nameOf('ssl.keystore.key')} and ${s.nameOf('ssl.keystore.certificate.chain')}, or ${s.nameOf('ssl.keystore.location')}`);
    return { key: inlineKey, cert: inlineChain, passphrase };
  }
  if (location === null || location === '') return null;
  if (type === 'PEM') {
    const pem = readStore(s, 'ssl.keystore.location', location).toString('utf8');
    return { key: pem, cert: pem, passphrase };
  }
  if (type === 'PKCS12') return { pfx: readStore(s, 'ssl.keystore.location', location), passphrase: s.get('ssl.keystore.password') ?? passphrase };
  throw new ConfigError(`Invalid value ${type} for configuration ${s.nameOf('ssl.keystore.type')}: the REST API reads PEM and PKCS12 key stores; convert a JKS one with keytool -importkeystore -deststoretype PKCS12, or set ${s.nameOf('ssl.keystore.type')}=PEM with a PEM file holding the key and its certificate chain`);
}

function trustStore(s: TlsSettings): SecureContextOptions {
  const inline = s.get('ssl.truststore.certificates');
  if (inline !== null) return { ca: inline };
  const location = s.get('ssl.truststore.location');
  if (location === null || location === '') return {};
  const type = (s.get('ssl.truststore.type') ?? 'JKS').toUpperCase();
  if (type !== 'PEM') throw new ConfigError(`Invalid value ${type} for configuration ${s.nameOf('ssl.truststore.type')}: the REST API reads PEM trust stores; set ${s.nameOf('ssl.truststore.type')}=PEM with a file of CA certificates (keytool -exportcert -rfc writes one)`);
  return { ca: readStore(s, 'ssl.truststore.location', location).toString('utf8') };
}

function readStore(s: TlsSettings, setting: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    throw new ConfigError(`Cannot read ${s.nameOf(setting)} ${file}: ${(e as Error).message}`);
  }
}
