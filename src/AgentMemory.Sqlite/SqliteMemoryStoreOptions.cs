using System.ComponentModel.DataAnnotations;

namespace AgentMemory.Sqlite;

/// <summary>Options of the SQLite store (<see cref="SqliteMemoryStore"/>).</summary>
public sealed class SqliteMemoryStoreOptions
{
    /// <summary>The default <see cref="QuantizeAtRows"/>.</summary>
    public const int DefaultQuantizeAtRows = 4096;

    /// <summary>The connection string, e.g. <c>Data Source=memory.db</c>. Pooling is managed by the store.</summary>
    [Required]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The longest memory text accepted, in characters (default <see cref="MemoryRecordValidator.DefaultMaxTextLength"/>).</summary>
    [Range(1, MemoryRecordValidator.MaxTextLengthLimit)]
    public int MaxTextLength { get; set; } = MemoryRecordValidator.DefaultMaxTextLength;

    /// <summary>
    /// The vector dimension, when known up front; null (default) fixes it from the first vector stored in the file.
    /// Vectors of any other dimension are rejected with <see cref="MemoryValidationError.DimensionMismatch"/>.
    /// </summary>
    [Range(1, MemoryRecordValidator.MaxDimension)]
    public int? Dimension { get; set; }

    /// <summary>How long a connection waits for another writer's lock (<c>PRAGMA busy_timeout</c>), default 10 s.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times an operation that still meets <c>SQLITE_BUSY</c> is retried (with back-off), default 8.</summary>
    [Range(0, 100)]
    public int BusyRetries { get; set; } = 8;

    /// <summary>The commit durability; default <see cref="SqliteSynchronousMode.Full"/>.</summary>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Full;

    /// <summary>
    /// The WAL size, in pages, at which a commit copies the WAL back into the database file
    /// (<c>PRAGMA wal_autocheckpoint</c>); default 4,096 (64 MB with the default 16 KB <see cref="PageSize"/>; SQLite's
    /// own default is 1,000). Every checkpoint costs two more fsyncs and rewrites each page changed since the last one, so
    /// a larger WAL lets pages changed by several commits (index and B-tree interior pages) be copied once: batched ingest
    /// of 100,000 memories ran ≈ 20–50% faster than at 1,000 with 4 KB pages, and ≈ 10–15% faster than at 1,024 with 16 KB
    /// pages (measured).
    /// </summary>
    [Range(1, 1_000_000)]
    public int WalAutoCheckpointPages { get; set; } = 4096;

    /// <summary>The default <see cref="PageSize"/>.</summary>
    public const int DefaultPageSize = 16_384;

    /// <summary>
    /// The page size, in bytes, of a database file this store creates (<c>PRAGMA page_size</c>: a power of two from 512
    /// to 65,536); default 16,384. A file that already exists keeps the page size it was created with. A memory row
    /// carries its embedding (1,536 bytes at 384 dimensions), so SQLite's default 4 KB pages hold two rows each and
    /// 16 KB pages nine: with 4 KB pages a batch writes, checksums and links about four times as many pages. Batched
    /// ingest ran ≈ 20–35% faster at 16 KB than at 4 KB (8 KB in between), while a single-memory commit, which rewrites
    /// every page it touches, ran ≈ 10–15% slower (measured; see the README). The WAL grows by
    /// <see cref="WalAutoCheckpointPages"/> pages of this size between checkpoints.
    /// </summary>
    [Range(512, 65_536)]
    public int PageSize { get; set; } = DefaultPageSize;

    /// <summary>How many scopes keep their vectors and records cached in memory (least recently used are dropped), default 1,024.</summary>
    [Range(1, 10_000_000)]
    public int MaxCachedScopes { get; set; } = 1024;

    /// <summary>
    /// How many memories the scope caches hold together, default 100,000 (each costs its vector, 4 bytes a dimension, plus
    /// about 0.5–1 KB for the record: ≈ 200 MB at 384 dimensions). Beyond it the least recently used scopes are dropped,
    /// as beyond <see cref="MaxCachedScopes"/>; the scopes a search is using are always kept, whatever their size, so one
    /// scope larger than this still searches from memory. A dropped scope is reloaded from the file on its next search.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxCachedMemories { get; set; } = 100_000;

    /// <summary>
    /// How many scope-key → row-id mappings the store remembers, default 100,000 (each ≈ 200–300 bytes); when exceeded they
    /// are all forgotten and looked up again in the file as scopes are used (scope rows never change, so this costs one
    /// indexed read per scope, never a wrong answer). Bounds a long-running process that sees an unbounded number of
    /// users or sessions.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxCachedScopeIds { get; set; } = 100_000;

    /// <summary>How many open connections the store keeps for reuse, default 8.</summary>
    [Range(1, 256)]
    public int MaxPooledConnections { get; set; } = 8;

    /// <summary>
    /// The vector scan's internal settings, which benchmarks and tests tune; users tune <see cref="QuantizeAtRows"/>. Exact
    /// rows are laid out row-major: every search hit carries its embedding, copied out of the cache, and a blocked layout's
    /// strided gather made a 100-memory scope's vector search ≈ 0.05 ms slower than its scan got faster; scopes large
    /// enough for the blocked scan to matter switch to int8 (<see cref="QuantizeAtRows"/>).
    /// </summary>
    internal Vectors.VectorPartitionOptions Vectors { get; set; } = new() { Layout = AgentMemory.Vectors.VectorLayout.RowMajor };

    /// <summary>
    /// Whether a recalled scope also keeps a BM25 index of its memories (text and context, the core's analyzer) in
    /// memory next to its cached vectors, so warm lexical search reads no pages (default true). FTS5 stays the durable
    /// index, written in the same transaction as the records; it answers lexical search when this is off. Per-scope BM25
    /// statistics (as the in-memory store has) replace the file-wide statistics of FTS5's <c>bm25()</c>, whose per-row
    /// cost (≈ 3 µs) made a conversation-sized scope's query take about 1 ms.
    /// </summary>
    public bool CacheLexicalIndex { get; set; } = true;

    /// <summary>
    /// The number of vectors in one scope at which its cached vectors switch from the exact float32 scan to the int8
    /// scan (best k × 10 candidates re-scored exactly); default 4,096. Below it the exact float32 scan is already under ≈ 0.3 ms; above
    /// it the int8 scan reads 4× fewer bytes (10k × 384 in scope: 0.3 ms instead of 0.7–1.2 ms) with recall@10 of
    /// 1.000 against the exact scan in the vector-core benchmark. Null keeps every scope exact.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int? QuantizeAtRows { get; set; } = DefaultQuantizeAtRows;

    /// <summary>The most distinct words of a query text used for the lexical search (the rest are ignored), default 256.</summary>
    [Range(1, 10_000)]
    public int MaxQueryTerms { get; set; } = 256;

    /// <summary>
    /// When recall access statistics (counts, last-accessed times, <see cref="AuditAction.Retrieved"/> entries) are
    /// written. <see cref="AccessRecordingMode.Deferred"/> (default) queues them and writes batches in one transaction
    /// (every <see cref="AccessFlushBatch"/> recalls or <see cref="AccessFlushInterval"/>, before Get/List/audit reads,
    /// on <see cref="SqliteMemoryStore.FlushAccessesAsync"/> and on dispose), so a recall does not wait for an fsync;
    /// a process crash may lose the last interval's statistics, never a memory. Other processes see them after the
    /// flush. <see cref="AccessRecordingMode.Immediate"/> writes each one durably before the call returns.
    /// </summary>
    public AccessRecordingMode AccessRecording { get; set; } = AccessRecordingMode.Deferred;

    /// <summary>With deferred access recording, the queued recalls that trigger a batch write; default 256.</summary>
    [Range(1, 1_000_000)]
    public int AccessFlushBatch { get; set; } = 256;

    /// <summary>With deferred access recording, the longest a queued access waits to be written; default 1 s.</summary>
    public TimeSpan AccessFlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Every this many write transactions that change the lexical index (an insert batch counts once, as it adds one
    /// index segment; an expiry sweep or deletion counts once per memory removed), the same transaction also runs a bounded incremental FTS5 optimize (<see cref="LexicalMergePages"/>
    /// pages at most), so the index does not pile up small segments (one per commit) that every query must visit;
    /// default 8, null turns it off. It applies only when <see cref="CacheLexicalIndex"/> is off, i.e. when FTS5 answers
    /// lexical queries: with the cached index (the default) no query reads FTS5, its own automerge keeps it, and the
    /// merges would only make every write slower as the file grows (a 1,000-user host's formation cost rose from 9 to
    /// 16 ms a call over its first 10,000 remember calls, FTS5 merging taking over half of the CPU time).
    /// </summary>
    [Range(1, 1_000_000)]
    public int? LexicalMergeInterval { get; set; } = 8;

    /// <summary>The most index pages one incremental optimize (<see cref="LexicalMergeInterval"/>) rewrites; default 256.</summary>
    [Range(1, 1_000_000)]
    public int LexicalMergePages { get; set; } = 256;

    /// <summary>The default <see cref="ScrubBusyTimeout"/>.</summary>
    public static readonly TimeSpan DefaultScrubBusyTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>The default <see cref="ScrubRetryInterval"/>.</summary>
    public static readonly TimeSpan DefaultScrubRetryInterval = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long one attempt to scrub the files after an erasure waits for the write lock and for readers to leave the WAL
    /// (the busy timeout of its <c>wal_checkpoint(TRUNCATE)</c>); default 100 ms. That checkpoint holds the write lock
    /// while it waits, so this is the longest an attempt can stall other writers. An attempt first runs a
    /// <c>PASSIVE</c> checkpoint, which waits for no one, and skips the <c>TRUNCATE</c> when a reader's snapshot still
    /// keeps pages from being copied (<see cref="ErasureReceipt.ScrubPending"/> is then true, and the scrub is retried).
    /// </summary>
    public TimeSpan ScrubBusyTimeout { get; set; } = DefaultScrubBusyTimeout;

    /// <summary>
    /// While an erasure's scrub is pending (a reader kept the checkpoint from copying the zeroed pages into the file and
    /// emptying the WAL), how often the store retries it on a timer of its <see cref="TimeProvider"/>; default 10 s. The
    /// store also retries after each of its own write transactions. The pending state is a row in the file's
    /// <c>meta</c> table, written in the erasure's transaction and deleted once a checkpoint completes, so a store
    /// that opens the file later finishes a scrub another (closed or crashed) store left pending.
    /// </summary>
    public TimeSpan ScrubRetryInterval { get; set; } = DefaultScrubRetryInterval;
}
