/**
 * Kafka's dotted client settings (`producer.linger.ms=5` in a worker file,
 * `consumer.override.max.poll.records` in a connector's config) as @sluice/client options, by the
 * Kafka name each option carries. A name the client does not know is returned, so the worker can
 * warn about it as Kafka does, and is otherwise ignored.
 */
import type { OptionTable } from '@sluice/config';

export function clientOptionsFrom(table: OptionTable, settings: Readonly<Record<string, string>>): { options: Record<string, unknown>; unknown: string[] } {
  const byKafkaName = new Map(Object.entries(table).map(([option, spec]) => [spec.kafka, { option, spec }]));
  const options: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [name, text] of Object.entries(settings)) {
    const found = byKafkaName.get(name);
    if (found === undefined) {
      unknown.push(name);
      continue;
    }
    const type = found.spec.type;
    options[found.option] = /^number/.test(type) ? Number(text) : type === 'boolean' ? text.trim().toLowerCase() === 'true' : text;
  }
  return { options, unknown };
}
