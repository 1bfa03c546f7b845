// A Sluice compat driver over IBM/sarama, used as its users use it. One command per run:
//
//	driver <command> <json settings>
//
// It prints JSON lines; the last one is the result. Commands: produce, group, transactions, admin.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/IBM/sarama"
)

type settings struct {
	Bootstrap  string `json:"bootstrap"`
	Topic      string `json:"topic"`
	Group      string `json:"group"`
	Records    int    `json:"records"`
	Codec      string `json:"codec"`
	Strategy   string `json:"strategy"`
	Idempotent bool   `json:"idempotent"`
	Async      bool   `json:"async"`
	Max        int    `json:"max"`
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

func baseConfig() *sarama.Config {
	c := sarama.NewConfig()
	c.Version = sarama.V4_0_0_0
	c.ClientID = "sluice-compat-sarama"
	c.Metadata.Retry.Backoff = 100 * time.Millisecond
	return c
}

var codecs = map[string]sarama.CompressionCodec{
	"none": sarama.CompressionNone, "gzip": sarama.CompressionGZIP, "snappy": sarama.CompressionSnappy,
	"lz4": sarama.CompressionLZ4, "zstd": sarama.CompressionZSTD,
}

func main() {
	var s settings
	check(json.Unmarshal([]byte(os.Args[2]), &s))
	if s.Records == 0 {
		s.Records = 300
	}
	switch os.Args[1] {
	case "produce":
		produce(s)
	case "consume":
		consume(s)
	case "group":
		group(s)
	case "transactions":
		transactions(s)
	case "admin":
		admin(s)
	default:
		fail(fmt.Errorf("unknown command %q", os.Args[1]))
	}
}

func createTopic(s settings, partitions int32) {
	ca, err := sarama.NewClusterAdmin([]string{s.Bootstrap}, baseConfig())
	check(err)
	defer ca.Close()
	check(ca.CreateTopic(s.Topic, &sarama.TopicDetail{NumPartitions: partitions, ReplicationFactor: 1}, false))
}

func message(topic string, i int, prefix string) *sarama.ProducerMessage {
	n := strconv.Itoa(i)
	return &sarama.ProducerMessage{
		Topic:   topic,
		Key:     sarama.StringEncoder("k" + n),
		Value:   sarama.StringEncoder(prefix + n),
		Headers: []sarama.RecordHeader{{Key: []byte("n"), Value: []byte(n)}},
	}
}

// produce writes the records with the codec (sync or async producer), then reads every partition
// back from the start with a plain consumer.
func produce(s settings) {
	createTopic(s, 3)
	c := baseConfig()
	c.Producer.Compression = codecs[s.Codec]
	c.Producer.Return.Successes = true
	c.Producer.Partitioner = sarama.NewHashPartitioner
	if s.Idempotent {
		c.Producer.Idempotent = true
		c.Producer.RequiredAcks = sarama.WaitForAll
		c.Net.MaxOpenRequests = 1
	}
	if s.Async {
		p, err := sarama.NewAsyncProducer([]string{s.Bootstrap}, c)
		check(err)
		go func() {
			for i := 0; i < s.Records; i++ {
				p.Input() <- message(s.Topic, i, "v")
			}
		}()
		for i := 0; i < s.Records; i++ {
			select {
			case <-p.Successes():
			case e := <-p.Errors():
				fail(e.Err)
			}
		}
		check(p.Close())
	} else {
		p, err := sarama.NewSyncProducer([]string{s.Bootstrap}, c)
		check(err)
		msgs := make([]*sarama.ProducerMessage, 0, s.Records)
		for i := 0; i < s.Records; i++ {
			msgs = append(msgs, message(s.Topic, i, "v"))
		}
		check(p.SendMessages(msgs))
		check(p.Close())
	}
	consume(s)
}

type record struct {
	Partition int32  `json:"partition"`
	Offset    int64  `json:"offset"`
	Key       string `json:"key"`
	Value     string `json:"value"`
	Header    string `json:"header"`
}

func toRecord(m *sarama.ConsumerMessage) record {
	h := ""
	for _, rh := range m.Headers {
		if string(rh.Key) == "n" {
			h = string(rh.Value)
		}
	}
	return record{m.Partition, m.Offset, string(m.Key), string(m.Value), h}
}

// consume reads every partition from the oldest offset until it has the records expected, and
// lingers a moment for any duplicate. It does not stop at ListOffsets' latest: with acks=1 (the
// producer's default) Sluice answers before the record is readable (docs/decisions/003).
func consume(s settings) {
	emit(map[string]any{"records": read(s)})
}

func read(s settings) []record {
	c := baseConfig()
	linger := 500 * time.Millisecond
	if s.Group == "read_committed" {
		c.Consumer.IsolationLevel = sarama.ReadCommitted
		linger = 2 * time.Second
	}
	client, err := sarama.NewClient([]string{s.Bootstrap}, c)
	check(err)
	defer client.Close()
	consumer, err := sarama.NewConsumerFromClient(client)
	check(err)
	defer consumer.Close()
	parts, err := client.Partitions(s.Topic)
	check(err)
	messages := make(chan *sarama.ConsumerMessage)
	for _, p := range parts {
		pc, err := consumer.ConsumePartition(s.Topic, p, sarama.OffsetOldest)
		check(err)
		defer pc.AsyncClose()
		go func() {
			for m := range pc.Messages() {
				messages <- m
			}
		}()
		go func() {
			for e := range pc.Errors() {
				fail(e)
			}
		}()
	}
	records := []record{}
	timeout := time.After(30 * time.Second)
	var grace <-chan time.Time
	for {
		select {
		case m := <-messages:
			records = append(records, toRecord(m))
			if len(records) == s.Records {
				grace = time.After(linger)
			}
			continue
		case <-grace:
		case <-timeout:
		}
		break
	}
	return records
}

type handler struct {
	mu      sync.Mutex
	seen    []record
	max     int
	done    chan struct{}
	once    sync.Once
	claimed map[int32]bool
}

func (h *handler) Setup(sess sarama.ConsumerGroupSession) error {
	for _, ps := range sess.Claims() {
		for _, p := range ps {
			h.claimed[p] = true
		}
	}
	return nil
}
func (h *handler) Cleanup(sarama.ConsumerGroupSession) error { return nil }
func (h *handler) ConsumeClaim(sess sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error {
	for m := range claim.Messages() {
		h.mu.Lock()
		if len(h.seen) < h.max {
			h.seen = append(h.seen, toRecord(m))
			sess.MarkMessage(m, "")
		}
		full := len(h.seen) >= h.max
		h.mu.Unlock()
		if full {
			sess.Commit()
			h.once.Do(func() { close(h.done) })
		}
	}
	return nil
}

var strategies = map[string]sarama.BalanceStrategy{
	"range": sarama.NewBalanceStrategyRange(), "roundrobin": sarama.NewBalanceStrategyRoundRobin(), "sticky": sarama.NewBalanceStrategySticky(),
}

// groupConsume joins the group and reads up to max records, committing what it marked, then leaves.
func groupConsume(s settings, max int) []record {
	c := baseConfig()
	c.Consumer.Offsets.Initial = sarama.OffsetOldest
	c.Consumer.Offsets.AutoCommit.Enable = false
	c.Consumer.Group.Rebalance.GroupStrategies = []sarama.BalanceStrategy{strategies[s.Strategy]}
	if s.Group == "" {
		s.Group = s.Topic + "-group"
	}
	g, err := sarama.NewConsumerGroup([]string{s.Bootstrap}, s.Group, c)
	check(err)
	h := &handler{max: max, done: make(chan struct{}), claimed: map[int32]bool{}}
	ctx, cancel := context.WithCancel(context.Background())
	errs := make(chan error, 1)
	go func() {
		for ctx.Err() == nil {
			if err := g.Consume(ctx, []string{s.Topic}, h); err != nil {
				errs <- err
				return
			}
		}
	}()
	select {
	case <-h.done:
	case err := <-errs:
		fail(err)
	case <-time.After(40 * time.Second):
		fail(fmt.Errorf("group read %d of %d before the timeout", len(h.seen), max))
	}
	cancel()
	check(g.Close()) // commits the marked offsets on the way out
	return h.seen
}

// group: produce, consume half in a group and commit, "restart", consume the rest; then the
// admin view of the group and its committed offsets.
func group(s settings) {
	createTopic(s, 3)
	c := baseConfig()
	c.Producer.Return.Successes = true
	p, err := sarama.NewSyncProducer([]string{s.Bootstrap}, c)
	check(err)
	msgs := []*sarama.ProducerMessage{}
	for i := 0; i < s.Records; i++ {
		msgs = append(msgs, message(s.Topic, i, "v"))
	}
	check(p.SendMessages(msgs))
	check(p.Close())
	s.Group = s.Topic + "-group"
	first := groupConsume(s, s.Records/2)
	second := groupConsume(s, s.Records-len(first))
	ca, err := sarama.NewClusterAdmin([]string{s.Bootstrap}, baseConfig())
	check(err)
	defer ca.Close()
	groups, err := ca.ListConsumerGroups()
	check(err)
	desc, err := ca.DescribeConsumerGroups([]string{s.Group})
	check(err)
	offs, err := ca.ListConsumerGroupOffsets(s.Group, nil)
	check(err)
	committed := map[string]int64{}
	for t, ps := range offs.Blocks {
		for p, b := range ps {
			committed[fmt.Sprintf("%s/%d", t, p)] = b.Offset
		}
	}
	emit(map[string]any{
		"first": first, "second": second, "listed": groups[s.Group],
		"state": desc[0].State, "protocolType": desc[0].ProtocolType, "members": len(desc[0].Members),
		"committed": committed, "offsetsError": offs.Err.Error(),
	})
}

// transactions: 300 committed in one transaction with the offsets of a group added to it, 30
// aborted in a second; then read_committed.
func transactions(s settings) {
	createTopic(s, 3)
	c := baseConfig()
	c.Producer.Idempotent = true
	c.Producer.RequiredAcks = sarama.WaitForAll
	c.Producer.Return.Successes = true
	c.Producer.Transaction.ID = s.Topic + "-txn"
	c.Net.MaxOpenRequests = 1
	p, err := sarama.NewAsyncProducer([]string{s.Bootstrap}, c)
	check(err)
	send := func(n int, prefix string) {
		for i := 0; i < n; i++ {
			p.Input() <- message(s.Topic, i, prefix)
		}
		for i := 0; i < n; i++ {
			select {
			case <-p.Successes():
			case e := <-p.Errors():
				fail(e.Err)
			}
		}
	}
	check(p.BeginTxn())
	send(s.Records, "v")
	group := s.Topic + "-txn-group"
	check(p.AddOffsetsToTxn(map[string][]*sarama.PartitionOffsetMetadata{s.Topic: {{Partition: 0, Offset: 42}}}, group))
	check(p.CommitTxn())
	check(p.BeginTxn())
	send(30, "aborted-")
	check(p.AbortTxn())
	check(p.Close())
	ca, err := sarama.NewClusterAdmin([]string{s.Bootstrap}, baseConfig())
	check(err)
	offs, err := ca.ListConsumerGroupOffsets(group, map[string][]int32{s.Topic: {0}})
	check(err)
	ca.Close()
	uncommitted := s
	uncommitted.Records += 30
	all := read(uncommitted)
	s.Group = "read_committed"
	emit(map[string]any{"txnGroupOffset": offs.Blocks[s.Topic][0].Offset, "uncommitted": all, "records": read(s)})
}

// admin: create with configs, describe topic and configs, cluster, delete records, list offsets,
// delete the topic.
func admin(s settings) {
	ca, err := sarama.NewClusterAdmin([]string{s.Bootstrap}, baseConfig())
	check(err)
	defer ca.Close()
	compact, retention := "compact", "3600000"
	check(ca.CreateTopic(s.Topic, &sarama.TopicDetail{NumPartitions: 3, ReplicationFactor: 1,
		ConfigEntries: map[string]*string{"cleanup.policy": &compact, "retention.ms": &retention}}, false))
	topics, err := ca.DescribeTopics([]string{s.Topic})
	check(err)
	entries, err := ca.DescribeConfig(sarama.ConfigResource{Type: sarama.TopicResource, Name: s.Topic})
	check(err)
	configs := map[string]any{}
	for _, e := range entries {
		configs[e.Name] = map[string]any{"value": e.Value, "source": e.Source.String(), "default": e.Default, "sensitive": e.Sensitive, "readOnly": e.ReadOnly}
	}
	brokers, controller, err := ca.DescribeCluster()
	check(err)
	ids := []int32{}
	for _, b := range brokers {
		ids = append(ids, b.ID())
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	// records into partition 0, then delete the first 5
	c := baseConfig()
	c.Producer.Return.Successes = true
	c.Producer.Partitioner = sarama.NewManualPartitioner
	c.Producer.RequiredAcks = sarama.WaitForAll // readable when answered
	check(ca.CreateTopic(s.Topic+"-deletable", &sarama.TopicDetail{NumPartitions: 1, ReplicationFactor: 1}, false))
	p, err := sarama.NewSyncProducer([]string{s.Bootstrap}, c)
	check(err)
	for i := 0; i < 10; i++ {
		m := message(s.Topic+"-deletable", i, "v")
		m.Partition = 0
		_, _, err := p.SendMessage(m)
		check(err)
	}
	check(p.Close())
	// DeleteRecords: not on a compacted topic (Kafka refuses it with POLICY_VIOLATION), so on a second one
	check(ca.DeleteRecords(s.Topic+"-deletable", map[int32]int64{0: 5}))
	client, err := sarama.NewClient([]string{s.Bootstrap}, baseConfig())
	check(err)
	oldest, err := client.GetOffset(s.Topic+"-deletable", 0, sarama.OffsetOldest)
	check(err)
	newest, err := client.GetOffset(s.Topic+"-deletable", 0, sarama.OffsetNewest)
	check(err)
	client.Close()
	check(ca.DeleteTopic(s.Topic))
	time.Sleep(200 * time.Millisecond)
	listed, err := ca.ListTopics()
	check(err)
	_, still := listed[s.Topic]
	emit(map[string]any{
		"partitions": len(topics[0].Partitions), "topicErr": topics[0].Err.Error(), "configs": configs,
		"brokers": ids, "controller": controller, "oldest": oldest, "newest": newest, "deletedStillListed": still,
	})
}
