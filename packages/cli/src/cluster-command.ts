/**
 * sluice cluster info: what rpk cluster info and kafka-broker-api-versions.sh users look for
 * first: the cluster id, the controller, the brokers and how many topics there are.
 */
import { type Io, expectPositionals, parseCommandLine, table } from './args.ts';
import { CONNECTION_OPTIONS, CONNECTION_USAGE, withAdmin } from './connect.ts';
import { type ActionCommand, runActionCommand } from './subcommands.ts';

export const CLUSTER_COMMAND: ActionCommand = {
  name: 'cluster',
  summary: 'Look at the cluster as a whole.',
  commonOptions: CONNECTION_USAGE,
  actions: {
    info: {
      synopsis: '',
      summary: 'the cluster id, the controller, the brokers (the controller marked *) and the number of topics',
      async run(argv, io) {
        const { values, positionals } = parseCommandLine({ args: argv, allowPositionals: true, options: { ...CONNECTION_OPTIONS } });
        expectPositionals(positionals, []);
        return withAdmin(values, io, async (admin) => {
          const cluster = await admin.describeCluster();
          const [all, visible] = await Promise.all([admin.listTopics({ includeInternal: true }), admin.listTopics()]);
          io.out(`Cluster id: ${cluster.clusterId ?? '-'}\nController: ${cluster.controllerId >= 0 ? cluster.controllerId : '-'}\n`);
          io.out(`Topics: ${visible.length} (and ${all.length - visible.length} internal)\n\n`);
          io.out(table([['BROKER', 'HOST', 'PORT', 'RACK'], ...cluster.brokers.map((b) => [`${b.nodeId}${b.nodeId === cluster.controllerId ? '*' : ''}`, b.host, b.port, b.rack ?? '-'])]));
          return 0;
        });
      },
    },
  },
};

export function clusterCommand(argv: string[], io: Io): Promise<number> {
  return runActionCommand(CLUSTER_COMMAND, argv, io);
}
