using System.Text;

namespace AgentMemory.PostgreSql.Tests;

/// <summary>
/// Ill-formed UTF-16 (lone surrogates) against a real server: a record's fields and quarantined text are rejected as
/// <see cref="MemoryValidationError.IllFormedText"/> (IAgentMemory repairs them first), every other text the store writes
/// or compares gets U+FFFD in their place, and nothing ever fails with a raw <see cref="EncoderFallbackException"/>.
/// </summary>
public sealed class TextEncodingTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private const char High = '\uD83D';
    private const char Low = '\uDE00';
    private readonly MemoryScope _scope = MemoryScope.ForUser("acme", "ada");
    private readonly Npgsql.NpgsqlDataSource _source = database.NewDataSource();
    private PostgreSqlMemoryStore? _store;

    private PostgreSqlMemoryStore Store => _store!;

    public async Task InitializeAsync()
    {
        _store = new PostgreSqlMemoryStore(_source, new PostgreSqlMemoryStoreOptions { Schema = DatabaseFixture.NewSchema() });
        await _store.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        await _source.DisposeAsync();
    }

    [Fact]
    public async Task AddAsync_LoneSurrogateInAnyRecordField_IsRejectedAsIllFormedText()
    {
        MemoryRecord Record() => new() { Id = Guid.NewGuid(), Scope = _scope, Kind = MemoryKind.Semantic, Text = "likes tea" };
        var records = new[]
        {
            Record() with { Text = $"cut mid-emoji {High}" },
            Record() with { Context = $"{Low} context" },
            Record() with { Topic = $"travel{High}" },
            Record() with { Provenance = new MemoryProvenance(MemorySource.User, $"speaker{Low}") },
            Record() with { Metadata = new Dictionary<string, string> { [$"key{High}"] = "v" } },
        };

        foreach (var record in records)
        {
            var thrown = await Store.Invoking(s => s.AddAsync(record)).Should().ThrowAsync<InvalidMemoryException>();
            thrown.Which.Error.Should().Be(MemoryValidationError.IllFormedText);
        }

        (await Store.CountAsync(_scope)).Should().Be(0);
    }

    [Fact]
    public async Task UpdateAndDeleteAsync_LoneSurrogateInReason_StoresReplacementCharacter()
    {
        var added = await Store.AddAsync(new MemoryRecord { Id = Guid.NewGuid(), Scope = _scope, Kind = MemoryKind.Semantic, Text = "likes tea" });

        await Store.UpdateAsync(added with { Text = "likes green tea" }, reason: $"fix{High}");
        await Store.DeleteAsync(_scope, added.Id, reason: $"gone{Low}");

        var history = await Store.GetHistoryAsync(_scope, added.Id);
        history.Select(h => h.Reason).Should().Contain(["fix\uFFFD", "gone\uFFFD"]);
    }

    [Fact]
    public async Task QuarantineAuditAndOutbox_LoneSurrogates_StoreReplacementCharacter()
    {
        await Store.QuarantineAsync(new QuarantinedMemory { Id = Guid.NewGuid(), Scope = _scope, Text = "blocked text", Provenance = new MemoryProvenance(MemorySource.User, $"s{Low}"), Reason = $"pii{Low}", At = DateTimeOffset.UtcNow });
        await Store.AppendAuditAsync(new AuditEntry { At = DateTimeOffset.UtcNow, Action = AuditAction.Exported, Scope = _scope, Detail = $"detail{High}", QueryHash = $"h{Low}" });
        await Store.RecordAccessAsync(_scope, [], $"q{High}");
        var job = new FormationJob { Id = Guid.NewGuid(), Scope = _scope, Payload = $"{{\"text\":\"cut {High}\"}}", EnqueuedAt = DateTimeOffset.UtcNow, LastError = $"e{Low}" };
        await Store.EnqueueAsync(job);
        var claimed = await Store.ClaimAsync("w", 1, TimeSpan.FromMinutes(1));
        await Store.ReleaseAsync(job.Id, "w", $"failed {High}", DateTimeOffset.UtcNow.AddDays(-1));
        var reclaimed = await Store.ClaimAsync("w", 1, TimeSpan.FromMinutes(1));

        var quarantined = new List<QuarantinedMemory>();
        await foreach (var q in Store.ListQuarantineAsync(_scope))
        {
            quarantined.Add(q);
        }

        var audit = new List<AuditEntry>();
        await foreach (var a in Store.QueryAuditAsync(new AuditQuery { Scope = _scope }))
        {
            audit.Add(a);
        }

        quarantined.Should().ContainSingle().Which.Should().Match<QuarantinedMemory>(q => q.Reason == "pii\uFFFD" && q.Provenance.Speaker == "s\uFFFD");
        audit.Should().Contain(a => a.Detail == "detail\uFFFD" && a.QueryHash == "h\uFFFD").And.Contain(a => a.QueryHash == "q\uFFFD");
        claimed.Should().ContainSingle().Which.Payload.Should().Be("{\"text\":\"cut \uFFFD\"}");
        reclaimed.Should().ContainSingle().Which.LastError.Should().Be("failed \uFFFD");
    }

    [Fact]
    public async Task QuarantineAsync_LoneSurrogateInText_IsRejectedAsIllFormedText()
    {
        var item = new QuarantinedMemory { Id = Guid.NewGuid(), Scope = _scope, Text = $"blocked {High}", Provenance = MemoryProvenance.FromUser, Reason = "pii", At = DateTimeOffset.UtcNow };

        var thrown = await Store.Invoking(s => s.QuarantineAsync(item)).Should().ThrowAsync<InvalidMemoryException>();

        thrown.Which.Error.Should().Be(MemoryValidationError.IllFormedText);
    }

    [Fact]
    public async Task ListAndSearchAsync_FilterWithLoneSurrogates_MatchesTheRepairedValues()
    {
        // What IAgentMemory stores for a topic and metadata value cut mid-emoji: U+FFFD in place of the lone surrogate.
        await Store.AddAsync(new MemoryRecord { Id = Guid.NewGuid(), Scope = _scope, Kind = MemoryKind.Semantic, Text = "likes tea", Topic = "t\uFFFD", Metadata = new Dictionary<string, string> { ["k"] = "v\uFFFD" } });
        var filter = new MemoryFilter { Topic = $"t{Low}", Metadata = new Dictionary<string, string> { ["k"] = $"v{High}" } };

        var found = new List<MemoryRecord>();
        await foreach (var record in Store.ListAsync(_scope, new MemoryListOptions { Filter = filter }))
        {
            found.Add(record);
        }

        var search = await Store.SearchAsync(new MemorySearchRequest { Scope = _scope, Text = $"likes {High}tea", Filter = filter, Limit = 5 });

        found.Should().ContainSingle();
        search.LexicalMatches.Should().ContainSingle();
    }

    [Fact]
    public async Task EveryCall_ScopeIdWithLoneSurrogate_ThrowsTypedErrorNotEncoderException()
    {
        var calls = new Func<Task>[]
        {
            () => Store.GetAsync(MemoryScope.ForUser("acme", $"ada{High}"), Guid.NewGuid()),
            () => Store.AddAsync(new MemoryRecord { Id = Guid.NewGuid(), Scope = MemoryScope.ForUser($"acme{Low}", "ada"), Kind = MemoryKind.Semantic, Text = "x" }),
            () => Store.EraseAsync(MemoryScope.ForUser("acme", $"{Low}")),
            () => Store.CountAsync(new MemoryScope("acme", "ada", null, $"s{High}")),
        };

        foreach (var call in calls)
        {
            var thrown = await call.Should().ThrowAsync<ArgumentException>("an ill-formed id is the caller's error, never a provider failure");
            thrown.Which.Should().NotBeOfType<EncoderFallbackException>();
        }
    }
}
