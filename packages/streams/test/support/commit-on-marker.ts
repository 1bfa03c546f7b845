import { type ProcessorContext, Serdes, StreamsBuilder, type Topology } from '@sluice/streams';

/**
 * `input` copied to `output` as strings, committing only when a record's value is 'commit': until
 * that record comes, nothing is committed (the tests set a commit interval that never passes), so
 * a test decides when a commit is sent.
 */
export function commitOnMarkerTopology(input: string, output: string): Topology {
  const builder = new StreamsBuilder();
  builder
    .stream(input, { keySerde: Serdes.String(), valueSerde: Serdes.String() })
    .process(() => {
      let context: ProcessorContext<string, string>;
      return {
        init(c: ProcessorContext<string, string>) {
          context = c;
        },
        process(record) {
          context.forward(record);
          if (record.value === 'commit') context.commit();
        },
      };
    })
    .to(output, { keySerde: Serdes.String(), valueSerde: Serdes.String() });
  return builder.build();
}
