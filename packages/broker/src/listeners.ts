/** Parses Kafka listener strings: PLAINTEXT://host:port (one listener; the first is used). */
import { ConfigError } from './config/definitions.js';

export interface Listener {
  name: string;
  host: string;
  port: number;
}

export function parseListener(text: string, setting: string): Listener {
  const first = text.split(',')[0].trim();
  const m = /^([A-Za-z_][A-Za-z0-9_]*):\/\/(\[[^\]]*\]|[^:]*):(\d+)$/.exec(first);
  if (!m) throw new ConfigError(`Invalid ${setting} ${JSON.stringify(text)}: expected NAME://host:port, e.g. PLAINTEXT://127.0.0.1:9092`);
  const [, name, rawHost, port] = m;
  if (name.toUpperCase() !== 'PLAINTEXT') {
    throw new ConfigError(`Invalid ${setting}: the ${name} listener is not supported yet; use PLAINTEXT://host:port`);
  }
  const host = rawHost.startsWith('[') ? rawHost.slice(1, -1) : rawHost;
  const portNumber = Number(port);
  if (portNumber > 65535) throw new ConfigError(`Invalid ${setting}: port ${port} is above 65535`);
  return { name: name.toUpperCase(), host, port: portNumber };
}
