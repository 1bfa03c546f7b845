// Sluice streams against Java Kafka Streams 4.3.1, both exactly_once_v2 (outputs read
// read_committed): see differential-suite.ts.
import { differentialSuite } from './differential-suite.ts';

differentialSuite('exactly_once_v2');
