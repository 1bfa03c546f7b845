package dev.sluice.tests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.*;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.*;

/**
 * Drives the Java clients (kafka-clients 4.3.1) for Sluice's tests. Each command prints one JSON
 * object per line on stdout; progress goes to stderr.
 *
 *   produce BOOTSTRAP TOPIC COUNT CODEC [idempotent]
 *                                              default producer (idempotent, acks=all); with
 *                                              `idempotent`, both also set explicitly
 *   produce-seq BOOTSTRAP TOPIC COUNT [VALUE_BYTES]
 *                                              values 0..COUNT-1 to partition 0 (padded with dots
 *                                              to VALUE_BYTES), retrying forever; "progress ACKED"
 *                                              on stderr every 1,000 acks
 *   consume-assign BOOTSTRAP TOPIC COUNT       assign() every partition from the beginning
 *   consume-to-end BOOTSTRAP TOPIC PARTITION [SETTING=VALUE...]
 *                                              assign() one partition, read it from the beginning
 *                                              up to its end offset with the given consumer
 *                                              settings; prints {"o":OFFSET,"v":VALUE} per record,
 *                                              then {"end":END,"position":POSITION}
 *   admin BOOTSTRAP TOPIC                      create, describe topics and configs, delete
 *   partition-of BOOTSTRAP TOPIC KEY...        the partition the default partitioner picks
 *   group-consume BOOTSTRAP TOPIC GROUP ASSIGNOR INSTANCE|- IDLE_SECONDS
 *                                              subscribe(); prints assigned/revoked/record events,
 *                                              commits after each poll; stops after IDLE_SECONDS
 *                                              without records (or when stdin closes)
 *   group-once BOOTSTRAP TOPIC GROUP COUNT     subscribe(), read COUNT records, commitSync(), print
 *                                              each record and then the committed total
 *   group-admin BOOTSTRAP GROUP TOPIC          list, describe, list/alter offsets, delete a group
 *   create-topic BOOTSTRAP TOPIC PARTITIONS
 *   perf-produce BOOTSTRAP TOPIC COUNT SIZE    throughput of acks=all sends, spread over the partitions
 *   txn-perf-produce BOOTSTRAP TOPIC COUNT SIZE TXN_ID DURATION_MS
 *                                              throughput of a transactional producer committing
 *                                              every DURATION_MS, as ProducerPerformance's
 *                                              --transactional-id --transaction-duration-ms
 *   perf-consume BOOTSTRAP TOPIC COUNT         throughput of assign() consumption from the beginning
 *   perf-e2e BOOTSTRAP TOPIC COUNT SIZE        produce-to-consume latency, one record at a time
 *   transactions BOOTSTRAP TOPIC TXN_ID        reads commands from stdin, one per line, and prints
 *                                              {"done":LINE} after each: `begin`, `send VALUE`
 *                                              (transactional, partition 0, flushed), `commit`,
 *                                              `abort`, `plain VALUE` (a second, non-transactional
 *                                              producer, acknowledged); exits when stdin closes
 *   txn-produce BOOTSTRAP TOPIC TXN_ID COUNT   COUNT records (kN/vN, header n=N) in one committed
 *                                              transaction, then COUNT/10 ("aborted-N") in an
 *                                              aborted one, spread over the partitions
 *   txn-read BOOTSTRAP TOPIC COUNT             assign() every partition with read_committed from
 *                                              the beginning; prints each record until COUNT, then
 *                                              polls 2 s more to show nothing else is readable
 *   eos-copy BOOTSTRAP INPUT OUTPUT GROUP TXN_ID
 *                                              consume-transform-produce: assign() every INPUT
 *                                              partition from GROUP's committed offsets
 *                                              (read_committed), copy each poll to OUTPUT (input
 *                                              partition p to 2p or 2p+1 by offset parity, so a
 *                                              transaction spans up to twice as many partitions)
 *                                              in one transaction with the offsets
 *                                              (sendOffsetsToTransaction), until every
 *                                              INPUT partition is copied to its end; every 4th
 *                                              transaction is aborted on purpose and its records
 *                                              read again. Rides out broker restarts; stderr:
 *                                              "offsets T" before sendOffsetsToTransaction,
 *                                              "ending T commit|abort" before EndTxn, then
 *                                              "committed T COPIED" or "aborted T"
 *   secure-roundtrip COUNT BOOTSTRAP CONFIG_FILE [BOOTSTRAP CONFIG_FILE...]
 *                                              for each listener, with the client settings of its
 *                                              properties file (TLS, SASL): create a topic of 2
 *                                              partitions, produce COUNT keyed records (acks=all,
 *                                              idempotent), read them back as a group member and
 *                                              commit; one JSON line per listener
 *
 * With the environment variable SLUICE_CLIENT_CONFIG naming a properties file, every command's
 * clients take its settings too (as Kafka's tools take --command-config): security.protocol,
 * sasl.*, ssl.*.
 */
public final class Tools {
  private static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }

  private static Properties base(String bootstrap) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("client.id", "sluice-java-tools");
    String config = System.getenv("SLUICE_CLIENT_CONFIG");
    if (config != null && !config.isEmpty()) p.putAll(loadProperties(config));
    return p;
  }

  private static Properties loadProperties(String path) {
    Properties p = new Properties();
    try (java.io.Reader r = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(path))) {
      p.load(r);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the client settings " + path, e);
    }
    return p;
  }

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "produce" -> produce(args[1], args[2], Integer.parseInt(args[3]), args[4], args.length > 5 && args[5].equals("idempotent"));
      case "produce-seq" -> produceSequence(args[1], args[2], Integer.parseInt(args[3]), args.length > 4 ? Integer.parseInt(args[4]) : 0);
      case "consume-assign" -> consumeAssign(args[1], args[2], Integer.parseInt(args[3]));
      case "consume-to-end" -> consumeToEnd(args[1], args[2], Integer.parseInt(args[3]), Arrays.copyOfRange(args, 4, args.length));
      case "admin" -> admin(args[1], args[2]);
      case "partition-of" -> partitionOf(args[1], args[2], Arrays.copyOfRange(args, 3, args.length));
      case "group-consume" -> groupConsume(args[1], args[2], args[3], args[4], args[5], Integer.parseInt(args[6]));
      case "group-once" -> groupOnce(args[1], args[2], args[3], Integer.parseInt(args[4]));
      case "group-admin" -> groupAdmin(args[1], args[2], args[3]);
      case "create-topic" -> createTopic(args[1], args[2], Integer.parseInt(args[3]));
      case "perf-produce" -> perfProduce(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
      case "txn-perf-produce" -> txnPerfProduce(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), args[5], Long.parseLong(args[6]));
      case "perf-consume" -> perfConsume(args[1], args[2], Integer.parseInt(args[3]));
      case "perf-e2e" -> perfEndToEnd(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
      case "transactions" -> transactions(args[1], args[2], args[3]);
      case "txn-produce" -> txnProduce(args[1], args[2], args[3], Integer.parseInt(args[4]));
      case "txn-read" -> txnRead(args[1], args[2], Integer.parseInt(args[3]));
      case "secure-roundtrip" -> secureRoundTrip(Integer.parseInt(args[1]), Arrays.copyOfRange(args, 2, args.length));
      case "eos-copy" -> eosCopy(args[1], args[2], args[3], args[4], args[5]);
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  static void produce(String bootstrap, String topic, int count, String codec, boolean idempotent) throws Exception {
    Properties p = base(bootstrap);
    p.put("compression.type", codec);
    if (idempotent) {
      p.put("enable.idempotence", "true");
      p.put("acks", "all");
    }
    p.put("linger.ms", "5");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, "k" + i, "v" + i);
        r.headers().add("n", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
        sent.add(producer.send(r));
      }
      producer.flush();
      for (int i = 0; i < count; i++) {
        RecordMetadata m = sent.get(i).get();
        if (i < 5 || i == count - 1) System.out.println("{\"i\":" + i + ",\"partition\":" + m.partition() + ",\"offset\":" + m.offset() + "}");
      }
      System.out.println("{\"acked\":" + count + "}");
    }
  }

  static void transactions(String bootstrap, String topic, String transactionalId) throws Exception {
    Properties tp = base(bootstrap);
    tp.put("transactional.id", transactionalId);
    Properties pp = base(bootstrap);
    try (KafkaProducer<String, String> txn = new KafkaProducer<>(tp, new StringSerializer(), new StringSerializer());
         KafkaProducer<String, String> plain = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer());
         Scanner in = new Scanner(System.in, StandardCharsets.UTF_8)) {
      txn.initTransactions();
      while (in.hasNextLine()) {
        String line = in.nextLine().trim();
        if (line.isEmpty()) continue;
        String[] cmd = line.split(" ", 2);
        switch (cmd[0]) {
          case "begin" -> txn.beginTransaction();
          case "send" -> {
            txn.send(new ProducerRecord<>(topic, 0, null, cmd[1]));
            txn.flush();
          }
          case "commit" -> txn.commitTransaction();
          case "abort" -> txn.abortTransaction();
          case "plain" -> plain.send(new ProducerRecord<>(topic, 0, null, cmd[1])).get();
          default -> throw new IllegalArgumentException("unknown transactions command " + line);
        }
        System.out.println("{\"done\":" + json(line) + "}");
        System.out.flush();
      }
    }
  }

  static void txnProduce(String bootstrap, String topic, String transactionalId, int count) throws Exception {
    Properties p = base(bootstrap);
    p.put("transactional.id", transactionalId);
    p.put("linger.ms", "5");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      for (int i = 0; i < count; i++) {
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, "k" + i, "v" + i);
        r.headers().add("n", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
        producer.send(r);
      }
      producer.commitTransaction();
      producer.beginTransaction();
      for (int i = 0; i < Math.max(1, count / 10); i++) producer.send(new ProducerRecord<>(topic, "k" + i, "aborted-" + i));
      producer.flush(); // the aborted records are written before the abort, so readers must skip them
      producer.abortTransaction();
      System.out.println("{\"committed\":" + count + "}");
    }
  }

  static void txnRead(String bootstrap, String topic, int count) throws Exception {
    Properties p = base(bootstrap);
    p.put("enable.auto.commit", "false");
    p.put("isolation.level", "read_committed");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(topic)) parts.add(new TopicPartition(topic, info.partition()));
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      printUntil(consumer, count);
      for (long until = System.currentTimeMillis() + 2000; System.currentTimeMillis() < until; ) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) printRecord(r);
      }
    }
  }

  /** Retries an operation a broker restart can time out (Java allows retrying these calls). */
  private static <T> T untilNoTimeout(String what, Callable<T> op) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        return op.call();
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        if (attempt == 20) throw e;
        System.err.println("timeout in " + what + ", trying again: " + e.getMessage());
      }
    }
  }

  static void eosCopy(String bootstrap, String input, String output, String group, String transactionalId) throws Exception {
    Properties cp = base(bootstrap);
    cp.put("group.id", group);
    cp.put("enable.auto.commit", "false");
    cp.put("isolation.level", "read_committed");
    cp.put("max.poll.records", "200");
    cp.put("default.api.timeout.ms", "20000");
    cp.put("request.timeout.ms", "10000");
    cp.put("reconnect.backoff.max.ms", "200");
    Properties pp = base(bootstrap);
    pp.put("transactional.id", transactionalId);
    pp.put("transaction.timeout.ms", "20000");
    pp.put("max.block.ms", "20000");
    pp.put("request.timeout.ms", "10000");
    pp.put("delivery.timeout.ms", "60000");
    pp.put("retry.backoff.ms", "50");
    pp.put("reconnect.backoff.max.ms", "200");
    pp.put("linger.ms", "5");
    int transactions = 0;
    int aborted = 0;
    int attempts = 0;
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer());
         KafkaProducer<String, String> producer = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
      untilNoTimeout("initTransactions", () -> { producer.initTransactions(); return null; });
      List<TopicPartition> parts = new ArrayList<>();
      for (PartitionInfo info : untilNoTimeout("partitionsFor", () -> consumer.partitionsFor(input))) parts.add(new TopicPartition(input, info.partition()));
      consumer.assign(parts);
      Map<TopicPartition, Long> end = untilNoTimeout("endOffsets", () -> consumer.endOffsets(parts));
      rewindToCommitted(consumer, parts);
      while (true) {
        long copied = 0;
        boolean done = true;
        for (TopicPartition tp : parts) {
          long position = untilNoTimeout("position", () -> consumer.position(tp));
          copied += position;
          if (position < end.get(tp)) done = false;
        }
        if (done) {
          System.out.println("{\"done\":true,\"copied\":" + copied + ",\"transactions\":" + transactions + ",\"aborted\":" + aborted + "}");
          return;
        }
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
        if (records.isEmpty()) continue;
        try {
          producer.beginTransaction();
          Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
          for (ConsumerRecord<String, String> r : records) {
            producer.send(new ProducerRecord<>(output, r.partition() * 2 + (int) (r.offset() % 2), r.key(), r.value()));
            offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
          }
          System.err.println("offsets " + transactions);
          untilNoTimeout("sendOffsetsToTransaction", () -> { producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata()); return null; });
          if (attempts++ % 4 == 3) {
            // On purpose: the records and offsets must vanish, and be copied again.
            System.err.println("ending " + transactions + " abort");
            untilNoTimeout("abortTransaction", () -> { producer.abortTransaction(); return null; });
            System.err.println("aborted " + transactions);
            aborted++;
            rewindToCommitted(consumer, parts);
            continue;
          }
          System.err.println("ending " + transactions + " commit");
          untilNoTimeout("commitTransaction", () -> { producer.commitTransaction(); return null; });
          long total = 0;
          for (TopicPartition tp : parts) total += consumer.position(tp);
          System.err.println("committed " + transactions + " " + total);
          transactions++;
        } catch (org.apache.kafka.common.errors.ProducerFencedException | org.apache.kafka.common.errors.OutOfOrderSequenceException
                 | org.apache.kafka.common.errors.AuthorizationException | org.apache.kafka.common.errors.UnsupportedVersionException e) {
          throw e; // fatal for this producer: Java's documented loop closes it
        } catch (KafkaException e) {
          // Abortable (a send failed while the broker restarted, ...): abort, then read again
          // from what the group has committed.
          System.err.println("aborting after " + e);
          untilNoTimeout("abortTransaction", () -> { producer.abortTransaction(); return null; });
          aborted++;
          rewindToCommitted(consumer, parts);
        }
      }
    }
  }

  private static void rewindToCommitted(KafkaConsumer<String, String> consumer, List<TopicPartition> parts) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed = untilNoTimeout("committed", () -> consumer.committed(new HashSet<>(parts)));
    for (TopicPartition tp : parts) {
      OffsetAndMetadata o = committed.get(tp);
      consumer.seek(tp, o == null ? 0 : o.offset());
    }
  }

  static void produceSequence(String bootstrap, String topic, int count, int valueBytes) throws Exception {
    Properties p = base(bootstrap);
    p.put("acks", "all");
    p.put("enable.idempotence", "true");
    p.put("delivery.timeout.ms", "600000");
    p.put("request.timeout.ms", "5000");
    p.put("retry.backoff.ms", "50");
    p.put("reconnect.backoff.max.ms", "200");
    p.put("linger.ms", "2");
    AtomicInteger acked = new AtomicInteger();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < count; i++) {
        final int n = i;
        StringBuilder value = new StringBuilder(Integer.toString(i));
        while (value.length() < valueBytes) value.append('.');
        producer.send(new ProducerRecord<>(topic, 0, null, value.toString()), (m, e) -> {
          if (e != null) failures.add(n + ":" + e.getClass().getSimpleName());
          else {
            int a = acked.incrementAndGet();
            if (a % 1000 == 0) System.err.println("progress " + a);
          }
        });
      }
      producer.flush();
    }
    System.out.println("{\"acked\":" + acked.get() + ",\"failures\":" + failures.size() + ",\"firstFailures\":" + json(String.join(",", failures.stream().limit(10).toList())) + "}");
  }

  static void consumeAssign(String bootstrap, String topic, int count) throws Exception {
    Properties p = base(bootstrap);
    p.put("enable.auto.commit", "false");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(topic)) parts.add(new TopicPartition(topic, info.partition()));
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      printUntil(consumer, count);
    }
  }

  static void consumeToEnd(String bootstrap, String topic, int partition, String[] settings) throws Exception {
    Properties p = base(bootstrap);
    p.put("enable.auto.commit", "false");
    for (String s : settings) {
      int eq = s.indexOf('=');
      p.put(s.substring(0, eq), s.substring(eq + 1));
    }
    TopicPartition tp = new TopicPartition(topic, partition);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long end = consumer.endOffsets(List.of(tp)).get(tp);
      StringBuilder out = new StringBuilder();
      // Stops at the end offset, or when a minute passes without the position moving.
      long lastMove = System.currentTimeMillis();
      long position = consumer.position(tp);
      while (position < end && System.currentTimeMillis() - lastMove < 60000) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          out.append("{\"o\":").append(r.offset()).append(",\"v\":").append(r.value() == null ? "null" : json(r.value())).append("}\n");
        }
        System.out.print(out);
        out.setLength(0);
        long now = consumer.position(tp);
        if (now != position) lastMove = System.currentTimeMillis();
        position = now;
      }
      System.out.println("{\"end\":" + end + ",\"position\":" + position + "}");
    }
  }

  /** Polls and prints records until `count` of them, or a minute has passed. */
  private static void printUntil(KafkaConsumer<String, String> consumer, int count) {
    int seen = 0;
    long deadline = System.currentTimeMillis() + 60000;
    while (seen < count && System.currentTimeMillis() < deadline) {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
        seen++;
        printRecord(r);
      }
    }
  }

  private static void printRecord(ConsumerRecord<String, String> r) {
    StringBuilder h = new StringBuilder();
    for (Header header : r.headers()) h.append(header.key()).append('=').append(new String(header.value(), StandardCharsets.UTF_8));
    System.out.println("{\"partition\":" + r.partition() + ",\"offset\":" + r.offset() + ",\"key\":" + (r.key() == null ? "null" : json(r.key())) + ",\"value\":" + (r.value() == null ? "null" : json(r.value())) + ",\"headers\":" + json(h.toString()) + "}");
  }

  static void groupOnce(String bootstrap, String topic, String group, int count) throws Exception {
    Properties p = base(bootstrap);
    p.put("group.id", group);
    p.put("enable.auto.commit", "false");
    p.put("auto.offset.reset", "earliest");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      printUntil(consumer, count);
      consumer.commitSync();
      long total = 0;
      for (OffsetAndMetadata o : consumer.committed(consumer.assignment()).values()) if (o != null) total += o.offset();
      System.out.println("{\"committed\":" + total + "}");
    }
  }

  static void secureRoundTrip(int count, String[] listeners) throws Exception {
    for (int i = 0; i + 1 < listeners.length; i += 2) {
      String bootstrap = listeners[i];
      Properties settings = base(bootstrap);
      settings.putAll(loadProperties(listeners[i + 1]));
      String topic = "secure-" + (i / 2) + "-" + System.currentTimeMillis();
      String clusterId;
      try (Admin admin = Admin.create(settings)) {
        admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        clusterId = admin.describeCluster().clusterId().get();
      }
      Properties pp = new Properties();
      pp.putAll(settings);
      pp.put("acks", "all");
      pp.put("enable.idempotence", "true");
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
        List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
        for (int n = 0; n < count; n++) sent.add(producer.send(new ProducerRecord<>(topic, "k" + n, "v" + n)));
        for (java.util.concurrent.Future<RecordMetadata> f : sent) f.get();
      }
      Properties cp = new Properties();
      cp.putAll(settings);
      cp.put("group.id", topic + "-group");
      cp.put("enable.auto.commit", "false");
      cp.put("auto.offset.reset", "earliest");
      Set<String> seen = new HashSet<>();
      long committed = 0;
      try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer())) {
        consumer.subscribe(List.of(topic));
        for (long until = System.currentTimeMillis() + 120_000; seen.size() < count && System.currentTimeMillis() < until; ) {
          for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) if (r.value().equals("v" + r.key().substring(1))) seen.add(r.key());
        }
        consumer.commitSync();
        for (OffsetAndMetadata o : consumer.committed(consumer.assignment()).values()) if (o != null) committed += o.offset();
      }
      System.out.println("{\"bootstrap\":" + json(bootstrap) + ",\"clusterId\":" + json(clusterId) + ",\"produced\":" + count + ",\"consumed\":" + seen.size() + ",\"committed\":" + committed + "}");
    }
  }

  static void admin(String bootstrap, String topic) throws Exception {
    try (Admin admin = Admin.create(base(bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1).configs(Map.of("cleanup.policy", "compact", "retention.ms", "3600000")))).all().get();
      TopicDescription d = retried(() -> admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic));
      System.out.println("{\"described\":" + json(d.name()) + ",\"partitions\":" + d.partitions().size() + ",\"topicId\":" + json(d.topicId().toString()) + ",\"leader\":" + d.partitions().get(0).leader().id() + "}");
      ConfigResource res = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      Config config = retried(() -> admin.describeConfigs(List.of(res)).all().get().get(res));
      System.out.println("{\"cleanup.policy\":" + json(config.get("cleanup.policy").value()) + ",\"retention.ms\":" + json(config.get("retention.ms").value()) + ",\"segment.bytes\":" + json(config.get("segment.bytes").value()) + ",\"entries\":" + config.entries().size() + "}");
      String clusterId = admin.describeCluster().clusterId().get();
      System.out.println("{\"clusterId\":" + json(clusterId) + ",\"nodes\":" + admin.describeCluster().nodes().get().size() + "}");
      admin.deleteTopics(List.of(topic)).all().get();
      // Apache Kafka applies a deletion to its metadata asynchronously: give it a moment.
      boolean remaining = admin.listTopics().names().get().contains(topic);
      for (long until = System.currentTimeMillis() + 30000; remaining && System.currentTimeMillis() < until; remaining = admin.listTopics().names().get().contains(topic)) Thread.sleep(200);
      System.out.println("{\"deleted\":" + json(topic) + ",\"remaining\":" + remaining + "}");
    }
  }

  /** Apache Kafka's brokers learn of a new topic a moment after CreateTopics answers. */
  private static <T> T retried(Callable<T> attempt) throws Exception {
    long until = System.currentTimeMillis() + 30000;
    while (true) {
      try {
        return attempt.call();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) || System.currentTimeMillis() > until) throw e;
        Thread.sleep(200);
      }
    }
  }

  static void partitionOf(String bootstrap, String topic, String[] keys) throws Exception {
    Properties p = base(bootstrap);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      for (String key : keys) {
        RecordMetadata m = producer.send(new ProducerRecord<>(topic, key, key)).get();
        System.out.println("{\"key\":" + json(key) + ",\"partition\":" + m.partition() + "}");
      }
    }
  }

  private static long percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
  }

  static void createTopic(String bootstrap, String topic, int partitions) throws Exception {
    try (Admin admin = Admin.create(base(bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
      System.out.println("{\"created\":" + json(topic) + "}");
    }
  }

  static void perfProduce(String bootstrap, String topic, int count, int size) throws Exception {
    Properties p = base(bootstrap);
    p.put("acks", "all");
    p.put("linger.ms", "5");
    p.put("batch.size", "65536");
    byte[] value = new byte[size];
    Arrays.fill(value, (byte) 'x');
    long[] latencies = new long[count];
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, value)).get(); // metadata and connections first
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        final int n = i;
        final long sent = System.nanoTime();
        producer.send(new ProducerRecord<>(topic, value), (m, e) -> latencies[n] = System.nanoTime() - sent);
      }
      producer.flush();
      double secs = (System.nanoTime() - start) / 1e9;
      Arrays.sort(latencies);
      System.out.println("{\"recordsPerSec\":" + (count / secs) + ",\"mbPerSec\":" + (count * (double) size / 1e6 / secs) + ",\"p50Ms\":" + percentile(latencies, 0.5) / 1e6 + ",\"p99Ms\":" + percentile(latencies, 0.99) / 1e6 + "}");
    }
  }

  static void txnPerfProduce(String bootstrap, String topic, int count, int size, String transactionalId, long durationMs) throws Exception {
    Properties p = base(bootstrap);
    p.put("transactional.id", transactionalId);
    byte[] value = new byte[size];
    Arrays.fill(value, (byte) 'x');
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, value)).get(); // metadata and connections first
      producer.commitTransaction();
      long start = System.nanoTime();
      // ProducerPerformance's loop: a transaction is committed once it has been open DURATION_MS.
      long transactions = 0;
      long txnStart = System.nanoTime();
      producer.beginTransaction();
      for (int i = 0; i < count; i++) {
        producer.send(new ProducerRecord<>(topic, value));
        if ((System.nanoTime() - txnStart) / 1_000_000 >= durationMs) {
          producer.commitTransaction();
          transactions++;
          producer.beginTransaction();
          txnStart = System.nanoTime();
        }
      }
      producer.commitTransaction();
      transactions++;
      double secs = (System.nanoTime() - start) / 1e9;
      System.out.println("{\"recordsPerSec\":" + (count / secs) + ",\"mbPerSec\":" + (count * (double) size / 1e6 / secs) + ",\"transactions\":" + transactions + "}");
    }
  }

  static void perfConsume(String bootstrap, String topic, int count) throws Exception {
    Properties p = base(bootstrap);
    p.put("enable.auto.commit", "false");
    p.put("max.partition.fetch.bytes", "1048576");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(topic)) parts.add(new TopicPartition(topic, info.partition()));
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      long bytes = 0;
      int seen = 0;
      long start = System.nanoTime();
      while (seen < count) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          seen++;
          bytes += r.serializedValueSize();
        }
        if ((System.nanoTime() - start) / 1e9 > 300) break;
      }
      double secs = (System.nanoTime() - start) / 1e9;
      System.out.println("{\"records\":" + seen + ",\"recordsPerSec\":" + (seen / secs) + ",\"mbPerSec\":" + (bytes / 1e6 / secs) + "}");
    }
  }

  static void perfEndToEnd(String bootstrap, String topic, int count, int size) throws Exception {
    Properties pp = base(bootstrap);
    pp.put("acks", "all");
    pp.put("linger.ms", "0");
    Properties cp = base(bootstrap);
    cp.put("enable.auto.commit", "false");
    cp.put("fetch.max.wait.ms", "500");
    byte[] value = new byte[size];
    long[] latencies = new long[count];
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(pp, new ByteArraySerializer(), new ByteArraySerializer());
         KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(cp, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      producer.send(new ProducerRecord<>(topic, 0, null, value)).get();
      TopicPartition tp = new TopicPartition(topic, 0);
      consumer.assign(List.of(tp));
      consumer.seekToEnd(List.of(tp));
      consumer.position(tp);
      for (int i = 0; i < count; i++) {
        long start = System.nanoTime();
        producer.send(new ProducerRecord<>(topic, 0, null, value));
        int got = 0;
        while (got == 0) got = consumer.poll(Duration.ofMillis(1000)).count();
        latencies[i] = System.nanoTime() - start;
      }
      Arrays.sort(latencies);
      System.out.println("{\"p50Ms\":" + percentile(latencies, 0.5) / 1e6 + ",\"p99Ms\":" + percentile(latencies, 0.99) / 1e6 + ",\"p999Ms\":" + percentile(latencies, 0.999) / 1e6 + "}");
    }
  }

  static String partitionsJson(Collection<TopicPartition> parts) {
    List<Integer> ps = new ArrayList<>();
    for (TopicPartition tp : parts) ps.add(tp.partition());
    Collections.sort(ps);
    return ps.toString();
  }

  static void groupConsume(String bootstrap, String topic, String group, String assignor, String instance, int idleSeconds) throws Exception {
    Properties p = base(bootstrap);
    p.put("group.id", group);
    p.put("enable.auto.commit", "false");
    p.put("auto.offset.reset", "earliest");
    // A static member must outlive its own restart, and a JVM restarting on a loaded machine can
    // take longer than 10 s: it gets Kafka's default (45 s). Dynamic members keep 10 s, as the
    // kill -9 test waits for their session to expire.
    boolean isStatic = !instance.equals("-");
    p.put("session.timeout.ms", isStatic ? "45000" : "10000");
    p.put("heartbeat.interval.ms", "500");
    p.put("partition.assignment.strategy", switch (assignor) {
      case "range" -> "org.apache.kafka.clients.consumer.RangeAssignor";
      case "roundrobin" -> "org.apache.kafka.clients.consumer.RoundRobinAssignor";
      case "cooperative-sticky" -> "org.apache.kafka.clients.consumer.CooperativeStickyAssignor";
      default -> throw new IllegalArgumentException(assignor);
    });
    if (isStatic) p.put("group.instance.id", instance);
    AtomicBoolean stdinClosed = new AtomicBoolean(false);
    Thread watcher = new Thread(() -> {
      try { while (System.in.read() != -1) { } } catch (Exception e) { }
      stdinClosed.set(true);
    });
    watcher.setDaemon(true);
    watcher.start();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
        public void onPartitionsRevoked(Collection<TopicPartition> parts) {
          System.out.println("{\"event\":\"revoked\",\"partitions\":" + partitionsJson(parts) + "}");
          System.out.flush();
        }
        public void onPartitionsAssigned(Collection<TopicPartition> parts) {
          System.out.println("{\"event\":\"assigned\",\"partitions\":" + partitionsJson(parts) + "}");
          System.out.flush();
        }
      });
      long lastRecord = System.currentTimeMillis();
      while (!stdinClosed.get() && System.currentTimeMillis() - lastRecord < idleSeconds * 1000L) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
        for (ConsumerRecord<String, String> r : records) {
          System.out.println("{\"event\":\"record\",\"partition\":" + r.partition() + ",\"offset\":" + r.offset() + ",\"value\":" + json(r.value()) + "}");
          lastRecord = System.currentTimeMillis();
        }
        if (!records.isEmpty()) consumer.commitSync();
        System.out.flush();
      }
    }
    System.out.println("{\"event\":\"closed\"}");
  }

  static void groupAdmin(String bootstrap, String group, String topic) throws Exception {
    try (Admin admin = Admin.create(base(bootstrap))) {
      boolean listed = admin.listConsumerGroups().all().get().stream().anyMatch(g -> g.groupId().equals(group));
      ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
      System.out.println("{\"listed\":" + listed + ",\"state\":" + json(d.groupState().toString()) + ",\"members\":" + d.members().size() + ",\"assignor\":" + json(d.partitionAssignor()) + "}");
      Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      long total = 0;
      for (OffsetAndMetadata o : offsets.values()) total += o.offset();
      System.out.println("{\"committedPartitions\":" + offsets.size() + ",\"committedTotal\":" + total + "}");
      Map<TopicPartition, OffsetAndMetadata> reset = new HashMap<>();
      for (TopicPartition tp : offsets.keySet()) reset.put(tp, new OffsetAndMetadata(0L, "reset"));
      admin.alterConsumerGroupOffsets(group, reset).all().get();
      Map<TopicPartition, OffsetAndMetadata> after = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      long afterTotal = 0;
      String metadata = "";
      for (OffsetAndMetadata o : after.values()) { afterTotal += o.offset(); metadata = o.metadata(); }
      System.out.println("{\"afterResetTotal\":" + afterTotal + ",\"metadata\":" + json(metadata) + "}");
      admin.deleteConsumerGroups(List.of(group)).all().get();
      boolean stillListed = admin.listConsumerGroups().all().get().stream().anyMatch(g -> g.groupId().equals(group));
      System.out.println("{\"deleted\":true,\"stillListed\":" + stillListed + "}");
    }
  }
}
