using Microsoft.Data.Sqlite;

namespace AgentMemory.Sqlite.Tests.Durability;

/// <summary>Child processes writing the same file: killed with SIGKILL mid-write, or racing each other and this process.</summary>
public sealed class CrashAndConcurrencyTests : IDisposable
{
    private readonly TempDatabase _db = new();

    [Fact]
    public async Task Writer_KilledAtRandomMoments_FileIsIntactAndEveryAcknowledgedWriteIsPresent()
    {
        var random = new Random(20261123);
        var acknowledged = new List<Guid>();
        for (var round = 0; round < 5; round++)
        {
            using (var child = new ChildWriter("crash", _db.FilePath, "u1"))
            {
                await child.FirstAck.WaitAsync(TimeSpan.FromSeconds(60));
                await Task.Delay(random.Next(50, 700));
                await child.KillAsync();
                child.Lines.Should().NotContain(l => l.StartsWith("error", StringComparison.Ordinal));
                child.Acknowledged.Should().NotBeEmpty();
                acknowledged.AddRange(child.Acknowledged);
            }

            using (var connection = new SqliteConnection(_db.ConnectionString + ";Pooling=False"))
            {
                connection.Open();
                using var cmd = connection.CreateCommand();
                cmd.CommandText = "PRAGMA integrity_check";
                cmd.ExecuteScalar().Should().Be("ok", $"round {round}");
            }

            using var store = new SqliteMemoryStore(_db.ConnectionString);
            var scope = MemoryScope.ForUser("crash", "u1");
            var stored = new HashSet<Guid>();
            await foreach (var r in store.ListAsync(scope))
            {
                stored.Add(r.Id);
            }

            stored.Should().Contain(acknowledged, $"every write acknowledged before the kill in round {round} must survive");
            var search = await store.SearchAsync(new MemorySearchRequest { Scope = scope, Text = "crash memory", Vector = TestRecords.Axis(16, 1), Limit = 5 });
            search.LexicalMatches.Should().NotBeEmpty();
            search.VectorMatches.Should().NotBeEmpty();
        }
    }

    [Fact]
    public async Task TwoProcessesAndManyTasks_WriteAndRecallTheSameFile_NoLostOrDuplicateWrite()
    {
        const int PerProcess = 60;
        const int Tasks = 8;
        const int PerTask = 15;
        using (var init = new SqliteMemoryStore(new SqliteMemoryStoreOptions { ConnectionString = _db.ConnectionString, Dimension = 16 }))
        {
        }

        using var a = new ChildWriter("concurrent", _db.FilePath, "proc-a", PerProcess.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var b = new ChildWriter("concurrent", _db.FilePath, "proc-b", PerProcess.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var store = new SqliteMemoryStore(new SqliteMemoryStoreOptions { ConnectionString = _db.ConnectionString, Dimension = 16 });
        var scope = MemoryScope.ForUser("shared", "everyone");
        var local = await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            var ids = new List<Guid>();
            for (var i = 0; i < PerTask; i++)
            {
                var r = await store.AddAsync(TestRecords.Create(scope, $"task {t} wrote memory {i} about apples", TestRecords.Axis(16, i)));
                ids.Add(r.Id);
                var found = await store.SearchAsync(new MemorySearchRequest { Scope = scope, Vector = TestRecords.Axis(16, i), Text = "apples", Limit = 10 });
                found.VectorMatches.Should().NotBeEmpty();
            }

            return ids;
        })));

        (await a.WaitAsync(TimeSpan.FromSeconds(120))).Should().Be(0, string.Join('\n', a.Lines));
        (await b.WaitAsync(TimeSpan.FromSeconds(120))).Should().Be(0, string.Join('\n', b.Lines));
        a.Lines.Should().Contain("done");
        b.Lines.Should().Contain("done");

        var expected = local.SelectMany(x => x).Concat(a.Acknowledged).Concat(b.Acknowledged).ToList();
        expected.Should().HaveCount((2 * PerProcess) + (Tasks * PerTask)).And.OnlyHaveUniqueItems();
        var stored = new List<Guid>();
        await foreach (var r in store.ListAsync(scope))
        {
            stored.Add(r.Id);
        }

        stored.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(expected);
        (await store.CountAsync(scope)).Should().Be(expected.Count);
        var all = await store.SearchAsync(new MemorySearchRequest { Scope = scope, Vector = TestRecords.Axis(16, 3), Limit = 1000 });
        all.VectorMatches.Select(m => m.Record.Id).Should().BeEquivalentTo(expected, "this process's cache must see the other processes' writes");
    }

    public void Dispose() => _db.Dispose();
}
