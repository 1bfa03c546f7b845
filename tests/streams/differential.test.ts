// Sluice streams against Java Kafka Streams 4.3.1, at-least-once: see differential-suite.ts.
import { differentialSuite } from './differential-suite.ts';

differentialSuite('at_least_once');
