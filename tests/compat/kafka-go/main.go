// A Sluice compat driver over segmentio/kafka-go, used as its users use it. One command per run:
//
//	driver <command> <json settings>
//
// It prints JSON lines; the last one is the result. Commands: produce, group, admin, secure.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/segmentio/kafka-go"
)

type settings struct {
	Bootstrap string `json:"bootstrap"`
	Topic     string `json:"topic"`
	Records   int    `json:"records"`
	Codec     string `json:"codec"`
	Async     bool   `json:"async"`
	CA        string `json:"ca"`
	User      string `json:"user"`
	Password  string `json:"password"`
}

func emit(v any) {
	b, _ := json.Marshal(v)
	fmt.Println(string(b))
}

func fail(err error) {
	emit(map[string]any{"error": err.Error()})
	os.Exit(1)
}

func check(err error) {
	if err != nil {
		fail(err)
	}
}

var codecs = map[string]kafka.Compression{
	"none": 0, "gzip": kafka.Gzip, "snappy": kafka.Snappy, "lz4": kafka.Lz4, "zstd": kafka.Zstd,
}

func main() {
	var s settings
	check(json.Unmarshal([]byte(os.Args[2]), &s))
	if s.Records == 0 {
		s.Records = 300
	}
	client := &kafka.Client{Addr: kafka.TCP(s.Bootstrap), Timeout: 30 * time.Second}
	switch os.Args[1] {
	case "produce":
		createTopic(client, s.Topic, 3)
		write(s)
		emit(map[string]any{"records": readAll(s)})
	case "group":
		group(client, s)
	case "admin":
		admin(client, s)
	case "secure":
		secure(s)
	default:
		fail(fmt.Errorf("unknown command %q", os.Args[1]))
	}
}

func createTopic(client *kafka.Client, topic string, partitions int) {
	res, err := client.CreateTopics(context.Background(), &kafka.CreateTopicsRequest{
		Topics: []kafka.TopicConfig{{Topic: topic, NumPartitions: partitions, ReplicationFactor: 1}},
	})
	check(err)
	check(res.Errors[topic])
}

func message(i int) kafka.Message {
	n := strconv.Itoa(i)
	return kafka.Message{Key: []byte("k" + n), Value: []byte("v" + n), Headers: []kafka.Header{{Key: "n", Value: []byte(n)}}}
}

// write sends the records with the codec through a Writer: acks=all when synchronous, acks=1 when
// async. Not the Writer's default, acks=0: on Kafka, records sent right after CreateTopics with
// acks=0 are lost while the partitions have no leader yet (Sluice creates them at once).
func write(s settings) {
	w := &kafka.Writer{
		Addr: kafka.TCP(s.Bootstrap), Topic: s.Topic, Balancer: &kafka.Hash{},
		Compression: codecs[s.Codec], BatchTimeout: 10 * time.Millisecond, Async: s.Async,
	}
	w.RequiredAcks = kafka.RequireAll
	if s.Async {
		w.RequiredAcks = kafka.RequireOne
	}
	if s.Async {
		var mu sync.Mutex
		var errs []error
		w.Completion = func(_ []kafka.Message, err error) {
			if err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		}
		defer func() {
			if len(errs) > 0 {
				fail(errs[0])
			}
		}()
	}
	msgs := make([]kafka.Message, 0, s.Records)
	for i := 0; i < s.Records; i++ {
		msgs = append(msgs, message(i))
	}
	check(w.WriteMessages(context.Background(), msgs...))
	check(w.Close()) // an async writer flushes what it holds
}

type record struct {
	Partition int    `json:"partition"`
	Offset    int64  `json:"offset"`
	Key       string `json:"key"`
	Value     string `json:"value"`
	Header    string `json:"header"`
}

func toRecord(m kafka.Message) record {
	h := ""
	for _, rh := range m.Headers {
		if rh.Key == "n" {
			h = string(rh.Value)
		}
	}
	return record{m.Partition, m.Offset, string(m.Key), string(m.Value), h}
}

// readAll reads every partition with a partition Reader from the first offset until it has the
// records expected, then lingers a moment for any duplicate.
func readAll(s settings) []record {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var mu sync.Mutex
	records := []record{}
	enough := make(chan struct{})
	var once sync.Once
	for p := 0; p < 3; p++ {
		r := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{s.Bootstrap}, Topic: s.Topic, Partition: p, MaxWait: 200 * time.Millisecond})
		defer r.Close()
		go func() {
			for {
				m, err := r.ReadMessage(ctx)
				if err != nil {
					return
				}
				mu.Lock()
				records = append(records, toRecord(m))
				if len(records) >= s.Records {
					once.Do(func() { close(enough) })
				}
				mu.Unlock()
			}
		}()
	}
	select {
	case <-enough:
		time.Sleep(500 * time.Millisecond)
	case <-ctx.Done():
	}
	mu.Lock()
	defer mu.Unlock()
	return append([]record{}, records...)
}

// groupRead reads up to max records as a member of the group, committing each one it keeps.
func groupRead(s settings, group string, max int) []record {
	r := kafka.NewReader(kafka.ReaderConfig{
		Brokers: []string{s.Bootstrap}, GroupID: group, Topic: s.Topic, StartOffset: kafka.FirstOffset,
		MaxWait: 200 * time.Millisecond, HeartbeatInterval: time.Second, SessionTimeout: 10 * time.Second,
	})
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Second)
	defer cancel()
	records := []record{}
	for len(records) < max {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			fail(fmt.Errorf("group read %d of %d: %w", len(records), max, err))
		}
		records = append(records, toRecord(m))
		check(r.CommitMessages(ctx, m))
	}
	check(r.Close()) // leaves the group
	return records
}

// group: write, read half in a group and commit, restart, read the rest; then the group as
// ListGroups, DescribeGroups and OffsetFetch show it.
func group(client *kafka.Client, s settings) {
	createTopic(client, s.Topic, 3)
	write(s)
	g := s.Topic + "-group"
	first := groupRead(s, g, s.Records/2)
	second := groupRead(s, g, s.Records-len(first))
	ctx := context.Background()
	listed, err := client.ListGroups(ctx, &kafka.ListGroupsRequest{})
	check(err)
	protocolType := ""
	for _, lg := range listed.Groups {
		if lg.GroupID == g {
			protocolType = lg.ProtocolType
		}
	}
	described, err := client.DescribeGroups(ctx, &kafka.DescribeGroupsRequest{GroupIDs: []string{g}})
	check(err)
	check(described.Groups[0].Error)
	offsets, err := client.OffsetFetch(ctx, &kafka.OffsetFetchRequest{GroupID: g, Topics: map[string][]int{s.Topic: {0, 1, 2}}})
	check(err)
	committed := map[string]int64{}
	for _, p := range offsets.Topics[s.Topic] {
		check(p.Error)
		committed[strconv.Itoa(p.Partition)] = p.CommittedOffset
	}
	emit(map[string]any{
		"first": first, "second": second, "listedProtocolType": protocolType,
		"state": described.Groups[0].GroupState, "members": len(described.Groups[0].Members), "committed": committed,
	})
}

// admin: create with configs, describe its configs, list offsets, delete it.
func admin(client *kafka.Client, s settings) {
	ctx := context.Background()
	res, err := client.CreateTopics(ctx, &kafka.CreateTopicsRequest{Topics: []kafka.TopicConfig{{
		Topic: s.Topic, NumPartitions: 3, ReplicationFactor: 1,
		ConfigEntries: []kafka.ConfigEntry{{ConfigName: "cleanup.policy", ConfigValue: "compact"}, {ConfigName: "retention.ms", ConfigValue: "3600000"}},
	}}})
	check(err)
	check(res.Errors[s.Topic])
	meta, err := client.Metadata(ctx, &kafka.MetadataRequest{Topics: []string{s.Topic}})
	check(err)
	dc, err := client.DescribeConfigs(ctx, &kafka.DescribeConfigsRequest{Resources: []kafka.DescribeConfigRequestResource{{
		ResourceType: kafka.ResourceTypeTopic, ResourceName: s.Topic,
	}}})
	check(err)
	check(dc.Resources[0].Error)
	configs := map[string]string{}
	for _, e := range dc.Resources[0].ConfigEntries {
		configs[e.ConfigName] = e.ConfigValue
	}
	del, err := client.DeleteTopics(ctx, &kafka.DeleteTopicsRequest{Topics: []string{s.Topic}})
	check(err)
	check(del.Errors[s.Topic])
	emit(map[string]any{"partitions": len(meta.Topics[0].Partitions), "clusterId": meta.ClusterID, "configs": configs})
}
