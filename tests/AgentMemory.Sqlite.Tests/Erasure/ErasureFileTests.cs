using Microsoft.Data.Sqlite;

namespace AgentMemory.Sqlite.Tests.Erasure;

/// <summary>Erased text must not survive anywhere in the database file, its WAL or free pages.</summary>
public sealed class ErasureFileTests : IDisposable
{
    private readonly TempDatabase _db = new();

    [Fact]
    public async Task EraseAsync_TextWasIndexedUpdatedQuarantinedAndQueued_NoByteOfItRemainsInTheFiles()
    {
        var victim = MemoryScope.ForUser("t1", "victim");
        var other = MemoryScope.ForUser("t1", "other");
        using var store = new SqliteMemoryStore(_db.ConnectionString);
        using var reader = new SqliteMemoryStore(_db.ConnectionString);

        // Enough rows that the FTS index has several segments and pages spill.
        for (var i = 0; i < 40; i++)
        {
            await store.AddAsync(TestRecords.Create(other, $"other user filler note number {i} about gardening", TestRecords.Axis(8, i)));
        }

        var secret = await store.AddAsync(TestRecords.Create(victim, "xylophonist Quetzalcoatl lives at 42 Wallaby Way", TestRecords.Axis(8, 1)));
        await store.UpdateAsync(secret with { Text = "xylophonist Quetzalcoatl moved to Zyzzyva street" });
        for (var i = 0; i < 10; i++)
        {
            await store.AddAsync(TestRecords.Create(victim, $"Quetzalcoatl diary entry {i} xylophonist", TestRecords.Axis(8, i)));
        }

        await store.QuarantineAsync(new QuarantinedMemory { Id = Guid.NewGuid(), Scope = victim, Text = "Quetzalcoatl blocked candidate", Provenance = MemoryProvenance.FromUser, Reason = "pii", At = DateTimeOffset.UtcNow });
        await store.EnqueueAsync(new FormationJob { Id = Guid.NewGuid(), Scope = victim, Payload = "{\"text\":\"Quetzalcoatl queued\"}", EnqueuedAt = DateTimeOffset.UtcNow });
        (await reader.SearchAsync(new MemorySearchRequest { Scope = victim, Text = "xylophonist", Vector = TestRecords.Axis(8, 1) })).LexicalMatches.Should().NotBeEmpty();
        await store.CheckpointAsync();
        _db.FilesContain("Quetzalcoatl").Should().BeTrue("the probe must see stored text");
        _db.FilesContain("xylophonist").Should().BeTrue();

        var receipt = await store.EraseAsync(victim);

        receipt.Records.Should().Be(11);
        _db.FilesContain("Quetzalcoatl").Should().BeFalse("records, history, quarantine and jobs are zeroed");
        _db.FilesContain("quetzalcoatl").Should().BeFalse("the FTS index holds lower-cased terms; optimize must drop the old segments");
        _db.FilesContain("xylophonist").Should().BeFalse();
        _db.FilesContain("zyzzyva").Should().BeFalse();
        _db.FilesContain("Wallaby").Should().BeFalse();
        _db.FilesContain("gardening").Should().BeTrue("other users' memories are kept");
        (await reader.SearchAsync(new MemorySearchRequest { Scope = victim, Text = "xylophonist", Vector = TestRecords.Axis(8, 1) }))
            .Should().Match<MemorySearchResult>(r => r.LexicalMatches.Count == 0 && r.VectorMatches.Count == 0, "the other instance's cache is dropped too");
        (await store.SearchAsync(new MemorySearchRequest { Scope = other, Text = "gardening", Limit = 100 })).LexicalMatches.Should().HaveCount(40);

        using var connection = new SqliteConnection(_db.ConnectionString + ";Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        cmd.ExecuteScalar().Should().Be("ok");
    }

    public void Dispose() => _db.Dispose();
}
