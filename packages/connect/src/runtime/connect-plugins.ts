/**
 * The plugins a worker can run: Kafka's converters and transforms, the built-in connectors, and
 * those of the npm packages on `plugin.path`. A plugin package exports
 * `connectPlugins(plugins: Plugins): void`, which registers its classes by name
 * (`plugins.register('com.example.MySource', ['source'], () => new MySource(), '1.0')`).
 */
import { builtinPlugins, type Plugins } from '../plugins.ts';
import { FILE_STREAM_SINK_CLASS, FILE_STREAM_SOURCE_CLASS, FILE_STREAM_VERSION, FileStreamSinkConnector, FileStreamSourceConnector } from '../connectors/file-stream.ts';
import { DATA_GENERATOR_CLASS, DataGeneratorConnector } from '../connectors/data-generator.ts';
import { ConfigError } from '@sluice/config';
import { pluginModuleSpecifiers } from './plugin-path.ts';

export function registerBuiltinConnectors(plugins: Plugins): Plugins {
  plugins.register(FILE_STREAM_SOURCE_CLASS, ['source'], () => new FileStreamSourceConnector(), FILE_STREAM_VERSION);
  plugins.register(FILE_STREAM_SINK_CLASS, ['sink'], () => new FileStreamSinkConnector(), FILE_STREAM_VERSION);
  plugins.register(DATA_GENERATOR_CLASS, ['source'], () => new DataGeneratorConnector(), FILE_STREAM_VERSION);
  return plugins;
}

/**
 * Every plugin: built-in, then each package of `plugin.path` (names or paths, read against `cwd`,
 * the worker's working directory, as pluginModuleSpecifiers says: a package, module or
 * folder of plugins), loaded with import().
 */
export async function loadPlugins(pluginPath: readonly string[], cwd: string = process.cwd()): Promise<Plugins> {
  const plugins = registerBuiltinConnectors(builtinPlugins());
  for (const entry of pluginPath) {
    const { specifiers, folderOfPlugins } = pluginModuleSpecifiers(entry, cwd);
    let registering = 0;
    for (const specifier of specifiers) {
      let mod: { connectPlugins?: (p: Plugins) => void };
      try {
        mod = (await import(specifier)) as typeof mod;
      } catch (e) {
        throw new ConfigError(`Invalid value ${entry} for configuration plugin.path: ${folderOfPlugins ? `${specifier} ` : 'it '}could not be loaded (${(e as Error).message}); give an npm package's folder, its entry module, or the name of a package installed where the worker runs`);
      }
      // In a folder of plugins a module that registers nothing is a helper, as Kafka passes over what holds no plugin.
      if (typeof mod.connectPlugins !== 'function') continue;
      mod.connectPlugins(plugins);
      registering++;
    }
    if (registering === 0) throw new ConfigError(`Invalid value ${entry} for configuration plugin.path: the module${folderOfPlugins ? 's in that folder export' : ' exports'} no connectPlugins(plugins) function to register its plugins with`);
  }
  return plugins;
}
