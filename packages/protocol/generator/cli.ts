/**
 * npm run generate
 * Reads Kafka 4.3.1's message definitions out of its jars (resolved from Maven Central into
 * ~/.cache/sluice once, or taken from $SLUICE_KAFKA_HOME/libs) and rewrites
 * packages/protocol/src/generated.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeGenerated } from './generate.ts';
import { kafkaDefinitions } from './kafka-jars.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
export const OUTPUT = resolve(here, '../src/generated');

try {
  const definitions = await kafkaDefinitions();
  const files = writeGenerated(definitions, OUTPUT);
  console.log(`Generated ${files.length} files in ${OUTPUT} from ${definitions.length} definitions in Kafka's jars`);
} catch (err) {
  console.error(`Cannot generate: ${(err as Error).message}`);
  process.exitCode = 1;
}
