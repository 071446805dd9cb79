using System.Security.Cryptography;
using Npgsql;
using Xunit.Abstractions;

namespace AgentMemory.PostgreSql.Tests;

/// <summary>What an erasure leaves in PostgreSQL's files, and what <see cref="PostgreSqlMemoryStore.ScrubAsync"/> removes (real server).</summary>
public sealed class ScrubTests(DatabaseFixture database, ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    private static readonly string[] ScrubbedTables = ["memories", "memory_history", "quarantine", "formation_jobs", "audit", "scope_versions"];

    [Fact]
    public async Task ScrubAsync_AfterErasure_RemovesErasedTextFromRelationFiles()
    {
        var schema = DatabaseFixture.NewSchema();
        await using var source = database.NewDataSource();
        await using var store = new PostgreSqlMemoryStore(source, new PostgreSqlMemoryStoreOptions { Schema = schema });
        var erased = new Dictionary<string, string>(StringComparer.Ordinal);
        string E(string label) => erased.TryGetValue(label, out var m) ? m : erased[label] = Marker("erased" + label);
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        string K(string label) => kept.TryGetValue(label, out var m) ? m : kept[label] = Marker("kept" + label);

        var user = MemoryScope.ForUser("acme", E("user"));
        var session = new MemoryScope("acme", E("user"), null, E("session"));
        var first = await store.AddAsync(Record(user, $"{E("text")} prefers window seats", 0) with
        {
            Context = $"asked about {E("context")} flights",
            Topic = E("topic"),
            Metadata = new Dictionary<string, string> { ["note"] = E("meta") },
            Provenance = new MemoryProvenance(MemorySource.User, E("speaker"), E("reference")),
        });
        await store.UpdateAsync(first with { Text = $"{E("updated")} prefers aisle seats" });
        await store.AddAsync(Record(session, LongText(E("long")), 1));
        var deleted = await store.AddAsync(Record(user, $"{E("deleted")} was wrong", 2));
        await store.DeleteAsync(user, deleted.Id);
        await store.QuarantineAsync(new QuarantinedMemory { Id = Guid.NewGuid(), Scope = session, Text = $"{E("quarantined")} card number", Provenance = MemoryProvenance.FromUser, Reason = "pii:card", At = DateTimeOffset.UtcNow });
        await store.EnqueueAsync(new FormationJob { Id = Guid.NewGuid(), Scope = user, Payload = $"{{\"text\":\"{E("payload")}\"}}", EnqueuedAt = DateTimeOffset.UtcNow });
        await store.RecordAccessAsync(user, [first.Id], E("queryhash"));

        var keptUser = MemoryScope.ForUser("acme", K("user"));
        await store.AddAsync(Record(keptUser, $"{K("text")} keeps bees", 0));
        await store.AddAsync(Record(keptUser, LongText(K("long")), 1));
        await store.RecordAccessAsync(keptUser, [], null);

        await using var admin = await source.OpenConnectionAsync();
        await ExecAsync(admin, $"ANALYZE {string.Join(", ", ScrubbedTables.Select(t => $"{schema}.{t}"))}"); // as autovacuum would: pg_statistic must not sample text or ids

        var receipt = await store.EraseAsync(user);

        receipt.Records.Should().Be(2);
        receipt.ScrubPending.Should().BeTrue("nothing has rewritten the files yet");
        (await store.IsScrubPendingAsync()).Should().BeTrue();
        await ExecAsync(admin, $"VACUUM {string.Join(", ", ScrubbedTables.Select(t => $"{schema}.{t}"))}");
        var before = (await RelationFileProbe.OpenAsync(admin, schema)).Find(erased.Values);
        output.WriteLine("Before the scrub: " + Describe(erased, before));
        before.Where(f => f.Value.Count > 0).Should().NotBeEmpty("DELETE, plain VACUUM and CHECKPOINT leave erased bytes in the files (the probe must see them, or its clean result below proves nothing)");

        var report = await store.ScrubAsync();

        report.Tables.Should().BeEquivalentTo(ScrubbedTables);
        report.Checkpointed.Should().BeTrue();
        (await store.IsScrubPendingAsync()).Should().BeFalse();
        var probe = await RelationFileProbe.OpenAsync(admin, schema);
        probe.Relations.Should().Contain(r => r.StartsWith("pg_toast.", StringComparison.Ordinal)).And.Contain($"{schema}.memories_tsv_ix");
        var after = probe.Find(erased.Values.Concat(kept.Values));
        output.WriteLine($"Scrub took {report.Duration.TotalMilliseconds:F0} ms. After: " + Describe(erased, after) + " | kept: " + Describe(kept, after));
        erased.Where(e => after[e.Value].Count > 0).Select(e => $"{e.Key}: {string.Join(", ", after[e.Value])}")
            .Should().BeEmpty("no erased text or identifier may remain in the database's files after the scrub");
        after[K("text")].Should().Contain(f => f.StartsWith($"{schema}.memories (", StringComparison.Ordinal), "the probe finds kept text in the heap")
            .And.Contain(f => f.StartsWith($"{schema}.memories_tsv_ix (", StringComparison.Ordinal), "and in the full-text index");
        after[K("long")].Should().Contain(f => f.StartsWith("pg_toast.", StringComparison.Ordinal), "and in TOAST");
        after[K("user")].Should().Contain(f => f.StartsWith($"{schema}.audit (", StringComparison.Ordinal), "and kept identifiers in the audit trail");
        (await store.GetAsync(keptUser, (await ListAsync(store, keptUser))[0].Id)).Should().NotBeNull("a scrub keeps every live row");
        (await ListAsync(store, keptUser)).Should().HaveCount(2);
    }

    [Fact]
    public async Task EraseAsync_ScrubAfterErasure_ReceiptSaysNothingPending()
    {
        var schema = DatabaseFixture.NewSchema();
        await using var source = database.NewDataSource();
        await using var store = new PostgreSqlMemoryStore(source, new PostgreSqlMemoryStoreOptions { Schema = schema, ScrubAfterErasure = true });
        var user = MemoryScope.ForUser("acme", "ada");
        await store.AddAsync(Record(user, "likes tea", 0));

        var receipt = await store.EraseAsync(user);

        receipt.ScrubPending.Should().BeFalse();
        (await store.IsScrubPendingAsync()).Should().BeFalse();
    }

    [Fact]
    public async Task ScrubAsync_TableHeldByReader_FailsAfterLockTimeoutAndStaysPending()
    {
        var schema = DatabaseFixture.NewSchema();
        await using var source = database.NewDataSource();
        var options = new PostgreSqlMemoryStoreOptions { Schema = schema, ScrubLockTimeout = TimeSpan.FromMilliseconds(200) };
        await using var store = new PostgreSqlMemoryStore(source, options);
        await using var scrubbing = new PostgreSqlMemoryStore(source, new PostgreSqlMemoryStoreOptions { Schema = schema, ScrubLockTimeout = TimeSpan.FromMilliseconds(200), ScrubAfterErasure = true });
        var user = MemoryScope.ForUser("acme", "ada");
        await store.AddAsync(Record(user, "likes tea", 0));
        await store.AddAsync(Record(MemoryScope.ForUser("acme", "bob"), "likes coffee", 0));
        await store.EraseAsync(user);
        await using var reader = await source.OpenConnectionAsync();
        await using var tx = await reader.BeginTransactionAsync();
        await using (var read = new NpgsqlCommand($"SELECT count(*) FROM {schema}.memories", reader, tx))
        {
            await read.ExecuteScalarAsync();
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var scrub = async () => await store.ScrubAsync();
        await scrub.Should().ThrowAsync<MemoryStoreException>();
        started.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the scrub gives up after its lock timeout instead of queueing every query behind it");
        (await store.IsScrubPendingAsync()).Should().BeTrue();
        var receipt = await scrubbing.EraseAsync(MemoryScope.ForUser("acme", "bob"));
        receipt.ScrubPending.Should().BeTrue("the scrub after this erasure could not run, and the receipt must say so");

        await tx.RollbackAsync();
        await store.ScrubAsync();
        (await store.IsScrubPendingAsync()).Should().BeFalse();
    }

    private static string Describe(Dictionary<string, string> markers, Dictionary<string, List<string>> found)
        => string.Join("; ", markers.Select(m => $"{m.Key} in [{string.Join(", ", found[m.Value])}]"));

    private static MemoryRecord Record(MemoryScope scope, string text, int axis) => new()
    {
        Id = Guid.NewGuid(),
        Scope = scope,
        Kind = MemoryKind.Semantic,
        Text = text,
        Embedding = Enumerable.Range(0, 3).Select(i => i == axis ? 1f : 0.1f).ToArray(),
    };

    /// <summary>A word PostgreSQL's parser keeps whole (letters then hex digits), unique to this run.</summary>
    private static string Marker(string label) => label + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>About 4 kB of random words around the marker: large enough for TOAST, too random to be compressed.</summary>
    private static string LongText(string marker)
        => string.Join(' ', Enumerable.Range(0, 240).Select(i => i == 120 ? marker : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))));

    private static async Task<List<MemoryRecord>> ListAsync(PostgreSqlMemoryStore store, MemoryScope scope)
    {
        var result = new List<MemoryRecord>();
        await foreach (var record in store.ListAsync(scope))
        {
            result.Add(record);
        }

        return result;
    }

    private static async Task ExecAsync(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
