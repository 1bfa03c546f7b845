/**
 * The plugins a worker can run: Kafka's converters and transforms, the built-in connectors, and
 * those of the npm packages on `plugin.path`. A plugin package exports
 * `connectPlugins(plugins: Plugins): void`, which registers its classes by name
 * (`plugins.register('com.example.MySource', ['source'], () => new MySource(), '1.0')`).
 */
import { builtinPlugins, type Plugins } from '../plugins.js';
import { FILE_STREAM_SINK_CLASS, FILE_STREAM_SOURCE_CLASS, FILE_STREAM_VERSION, FileStreamSinkConnector, FileStreamSourceConnector } from '../connectors/file-stream.js';
import { DATA_GENERATOR_CLASS, DataGeneratorConnector } from '../connectors/data-generator.js';
import { ConfigError } from '@sluice/config';

export function registerBuiltinConnectors(plugins: Plugins): Plugins {
  plugins.register(FILE_STREAM_SOURCE_CLASS, ['source'], () => new FileStreamSourceConnector(), FILE_STREAM_VERSION);
  plugins.register(FILE_STREAM_SINK_CLASS, ['sink'], () => new FileStreamSinkConnector(), FILE_STREAM_VERSION);
  plugins.register(DATA_GENERATOR_CLASS, ['source'], () => new DataGeneratorConnector(), FILE_STREAM_VERSION);
  return plugins;
}

/** Every plugin: built-in, then each package of `plugin.path` (names or paths, loaded with import()). */
export async function loadPlugins(pluginPath: readonly string[]): Promise<Plugins> {
  const plugins = registerBuiltinConnectors(builtinPlugins());
  for (const entry of pluginPath) {
    let mod: { connectPlugins?: (p: Plugins) => void };
    try {
      mod = (await import(entry)) as typeof mod;
    } catch (e) {
      throw new ConfigError(`Invalid value ${entry} for configuration plugin.path: it could not be loaded (${(e as Error).message}); give an installed npm package's name or a path to its entry module`);
    }
    if (typeof mod.connectPlugins !== 'function') throw new ConfigError(`Invalid value ${entry} for configuration plugin.path: the module exports no connectPlugins(plugins) function to register its plugins with`);
    mod.connectPlugins(plugins);
  }
  return plugins;
}
