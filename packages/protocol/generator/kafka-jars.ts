/**
 * Where the generator's input comes from: Apache Kafka's own jars, which carry the message
 * definitions as `common/message/*.json`. The jars are the ones the tests already resolve from
 * Maven Central into ~/.cache (@sluice/test-kit's kafka-jars.ts), so any clone can regenerate and the
 * freshness test always has its input. Nothing is copied into the repository.
 */
import { join } from 'node:path';
import { ensureKafkaJars, KAFKA_VERSION, type Log } from '@sluice/test-kit/kafka-jars';
import type { DefinitionFile } from './model.ts';
import { readZipEntries } from './zip.ts';

/**
 * The Kafka modules whose definitions are generated, by jar (`kafka-<module>-<version>.jar`):
 * every request, response and header (clients), and the records the broker keeps in
 * `__consumer_offsets` (group-coordinator) and `__transaction_state` (transaction-coordinator).
 * The module name prefixes each definition's source, as in Kafka's source tree.
 */
export const DEFINITION_MODULES = ['clients', 'group-coordinator', 'transaction-coordinator'] as const;

const DEFINITION = /^common\/message\/([A-Za-z0-9]+\.json)$/;

/** The definitions inside the jars of one Kafka distribution's `libs` folder. */
export function definitionsFromJars(libs: string, version = KAFKA_VERSION): DefinitionFile[] {
  const files: DefinitionFile[] = [];
  for (const module of DEFINITION_MODULES) {
    const jar = join(libs, `kafka-${module}-${version}.jar`);
    const entries = readZipEntries(jar, (name) => DEFINITION.test(name));
    if (entries.length === 0) throw new Error(`${jar} holds no common/message/*.json definitions`);
    for (const e of entries) files.push({ source: `${module}/${DEFINITION.exec(e.name)![1]}`, text: e.data.toString('utf8') });
  }
  return files;
}

/** Kafka 4.3.1's definitions, downloading the jars first when they are not cached yet. */
export async function kafkaDefinitions(log?: Log): Promise<DefinitionFile[]> {
  return definitionsFromJars(await ensureKafkaJars(log));
}
