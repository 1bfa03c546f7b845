// kafka-python and confluent-kafka-python, each in its own virtualenv under ~/.cache/sluice,
// installed from PyPI at pinned versions.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RECORDS } from '../records.ts';
import { CONFLUENT_KAFKA_VERSION, KAFKA_PYTHON_3_VERSION, KAFKA_PYTHON_VERSION, pythonVenv, run } from '@sluice/test-kit';
import { CODECS, type CaptureClient, type Scenario } from './types.ts';

const scripts = join(dirname(fileURLToPath(import.meta.url)), '..', 'python');


export { CONFLUENT_KAFKA_VERSION, KAFKA_PYTHON_3_VERSION, KAFKA_PYTHON_VERSION };

function pythonClient(
  name: string,
  script: string,
  packages: string[],
  versionCode: string,
  extra: (py: () => string, name: string) => Scenario[],
): CaptureClient {
  let python = '';
  const py = () => python;
  return {
    name,
    prepare: async (log) => {
      python = await pythonVenv(`py-${name}`, packages, log);
      return (await run(python, ['-c', versionCode])).trim();
    },
    scenarios: [
      ...CODECS.map(
        (codec): Scenario => ({
          name: `produce-${codec}`,
          produces: { topic: `${name}-${codec}`, codec, records: RECORDS },
          run: async (ctx) => void (await run(python, [join(scripts, script), 'produce', ctx.bootstrap, `${name}-${codec}`, codec, ctx.recordsFile])),
        }),
      ),
      ...extra(py, name),
      { name: 'admin', run: async (ctx) => void (await run(python, [join(scripts, script), 'admin', ctx.bootstrap, `${name}-admin`])) },
    ],
  };
}

const kafkaPythonConsume = (py: () => string, name: string): Scenario[] => [
  {
    name: 'consume-group',
    run: async (ctx) => void (await run(py(), [join(scripts, 'kafka_python_client.py'), 'consume-group', ctx.bootstrap, `${name}-gzip`, String(RECORDS.length), `${name}-capture-group`])),
  },
];
const kafkaPythonVersion = "import kafka, snappy, lz4, zstandard, sys; print(f'kafka-python {kafka.__version__} (PyPI; python-snappy 0.7.3, lz4 {lz4.__version__}, zstandard {zstandard.__version__}), Python {sys.version.split()[0]}')";
const compressionLibs = ['python-snappy==0.7.3', 'cramjam==2.14.0', 'lz4==4.4.5', 'zstandard==0.25.0'];

/** kafka-python 2.3: mostly non-flexible versions. */
export const kafkaPython = pythonClient('kafka-python', 'kafka_python_client.py', [`kafka-python==${KAFKA_PYTHON_VERSION}`, ...compressionLibs], kafkaPythonVersion, kafkaPythonConsume);

/** kafka-python 3.0: newer, flexible versions of most APIs. */
export const kafkaPython3 = pythonClient('kafka-python-3', 'kafka_python_client.py', [`kafka-python==${KAFKA_PYTHON_3_VERSION}`, ...compressionLibs], kafkaPythonVersion, kafkaPythonConsume);

export const confluentKafka = pythonClient(
  'confluent-kafka',
  'confluent_kafka_client.py',
  [`confluent-kafka==${CONFLUENT_KAFKA_VERSION}`],
  "import confluent_kafka as c, sys, importlib.metadata as m; print(f'confluent-kafka {m.version(\"confluent-kafka\")} (PyPI wheel), bundled librdkafka {c.libversion()[0]}, Python {sys.version.split()[0]}')",
  (py) => [
    {
      name: 'produce-idempotent',
      run: async (ctx) => void (await run(py(), [join(scripts, 'confluent_kafka_client.py'), 'produce', ctx.bootstrap, 'confluent-kafka-idempotent', 'zstd', ctx.recordsFile, 'idempotent'])),
    },
    {
      name: 'consume-group',
      run: async (ctx) => void (await run(py(), [join(scripts, 'confluent_kafka_client.py'), 'consume-group', ctx.bootstrap, 'confluent-kafka-snappy', String(RECORDS.length), 'confluent-kafka-capture-group', 'classic'])),
    },
    {
      name: 'consume-group-kip848',
      run: async (ctx) => void (await run(py(), [join(scripts, 'confluent_kafka_client.py'), 'consume-group', ctx.bootstrap, 'confluent-kafka-lz4', String(RECORDS.length), 'confluent-kafka-capture-group-848', 'consumer'])),
    },
  ],
);
