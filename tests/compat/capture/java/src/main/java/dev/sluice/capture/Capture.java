package dev.sluice.capture;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Runs one capture scenario with the Java client against a broker (through the recording proxy).
 *
 * <pre>
 * produce BOOTSTRAP TOPIC CODEC RECORDS.tsv [acks0|transactional]
 * consume-group BOOTSTRAP TOPIC COUNT GROUP [classic|consumer]
 * consume-assign BOOTSTRAP TOPIC COUNT
 * admin BOOTSTRAP TOPIC
 * </pre>
 *
 * RECORDS.tsv: one record a line, tab-separated: key, value, then header name=value pairs;
 * \N stands for null.
 */
public final class Capture {
  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "produce" -> produce(args[1], args[2], args[3], Path.of(args[4]), args.length > 5 ? args[5] : "");
      case "consume-group" -> consumeGroup(args[1], args[2], Integer.parseInt(args[3]), args[4], args.length > 5 ? args[5] : "classic");
      case "consume-assign" -> consumeAssign(args[1], args[2], Integer.parseInt(args[3]));
      case "admin" -> admin(args[1], args[2]);
      default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
    }
  }

  private static byte[] bytes(String s) {
    return s.equals("\\N") ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  static void produce(String bootstrap, String topic, String codec, Path records, String mode) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "java-capture");
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, codec);
    p.put(ProducerConfig.LINGER_MS_CONFIG, "100");
    if (mode.equals("acks0")) {
      p.put(ProducerConfig.ACKS_CONFIG, "0");
      p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
    }
    if (mode.equals("transactional")) p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "java-capture-txn");
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      if (mode.equals("transactional")) {
        producer.initTransactions();
        producer.beginTransaction();
      }
      for (String line : Files.readAllLines(records, StandardCharsets.UTF_8)) {
        if (line.isEmpty()) continue;
        String[] f = line.split("\t", -1);
        ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, 0, bytes(f[0]), bytes(f[1]));
        for (int i = 2; i < f.length; i++) {
          int eq = f[i].indexOf('=');
          r.headers().add(new RecordHeader(f[i].substring(0, eq), bytes(f[i].substring(eq + 1))));
        }
        producer.send(r);
      }
      producer.flush();
      if (mode.equals("transactional")) producer.commitTransaction();
    }
  }

  static Properties consumerProps(String bootstrap) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "java-capture");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return p;
  }

  static int drain(KafkaConsumer<byte[], byte[]> consumer, int count) {
    int seen = 0;
    long deadline = System.currentTimeMillis() + 30_000;
    while (seen < count && System.currentTimeMillis() < deadline) {
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) seen++;
    }
    if (seen < count) throw new IllegalStateException("consumed " + seen + " of " + count);
    return seen;
  }

  static void consumeGroup(String bootstrap, String topic, int count, String group, String protocol) {
    Properties p = consumerProps(bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocol);
    if (protocol.equals("classic")) p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "500");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      drain(consumer, count);
      consumer.commitSync();
      // stay a little so that heartbeats go out too
      long end = System.currentTimeMillis() + 1500;
      while (System.currentTimeMillis() < end) consumer.poll(Duration.ofMillis(200));
    }
  }

  static void consumeAssign(String bootstrap, String topic, int count) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(bootstrap), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition tp = new TopicPartition(topic, 0);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      drain(consumer, count);
    }
  }

  static void admin(String bootstrap, String topic) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "java-capture");
    try (Admin admin = Admin.create(p)) {
      admin.describeCluster().clusterId().get();
      NewTopic t = new NewTopic(topic, 3, (short) 1).configs(Map.of("cleanup.policy", "compact", "retention.ms", "3600000"));
      admin.createTopics(List.of(t)).all().get();
      admin.describeTopics(List.of(topic)).allTopicNames().get();
      Collection<ConfigResource> resources = new ArrayList<>();
      resources.add(new ConfigResource(ConfigResource.Type.TOPIC, topic));
      resources.add(new ConfigResource(ConfigResource.Type.BROKER, "1"));
      admin.describeConfigs(resources).all().get();
      admin.listConsumerGroups().all().get();
      admin.listTopics().names().get();
      admin.deleteTopics(Set.of(topic)).all().get();
    }
  }
}
