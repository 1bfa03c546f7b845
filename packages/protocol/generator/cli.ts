/**
 * npm run generate [-- <definitions folder>]
 * Reads Kafka's message definitions (default: ../shared/kafka-protocol beside the repository) and
 * rewrites packages/protocol/src/generated.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeGenerated } from './generate.js';

const here = fileURLToPath(new URL('.', import.meta.url));
export const DEFAULT_DEFINITIONS = resolve(here, '../../../../shared/kafka-protocol');
export const OUTPUT = resolve(here, '../src/generated');

const input = resolve(process.argv[2] ?? DEFAULT_DEFINITIONS);
if (!existsSync(input)) {
  console.error(`No message definitions at ${input}. Pass the folder holding Kafka's *Request.json/*Response.json files.`);
  process.exit(1);
}
const files = writeGenerated(input, OUTPUT);
console.log(`Generated ${files.length} files in ${OUTPUT} from ${input}`);
