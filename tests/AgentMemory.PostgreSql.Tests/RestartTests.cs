using Npgsql;

namespace AgentMemory.PostgreSql.Tests;

/// <summary>Runs alone: it restarts the whole server.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerRestartGroup
{
    public const string Name = "server restart";
}

/// <summary>The server restarts while the store is in use.</summary>
[Collection(ServerRestartGroup.Name)]
public sealed class RestartTests : IClassFixture<DatabaseFixture>
{
    private readonly DatabaseFixture _database;

    public RestartTests(DatabaseFixture database) => _database = database;

    [Fact]
    public async Task Operations_DuringServerRestart_RetryOrFailCleanly_AndLoseNothingAcknowledged()
    {
        await using var source = _database.NewDataSource();
        await using var store = new PostgreSqlMemoryStore(source, new PostgreSqlMemoryStoreOptions { Schema = DatabaseFixture.NewSchema(), RetryBaseDelay = TimeSpan.FromMilliseconds(50), MaxRetries = 8 });
        var scope = MemoryScope.ForUser("acme", "ada");
        var counter = await store.AddAsync(new MemoryRecord { Id = Guid.NewGuid(), Scope = scope, Kind = MemoryKind.Semantic, Text = "counter 0", Embedding = new float[] { 1, 0, 0 } });
        var startedAt = await PostmasterStartAsync();
        var acked = new List<Guid>();
        var ackedUpdates = 0;
        var failures = new List<Exception>();
        using var stop = new CancellationTokenSource();

        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var added = await store.AddAsync(new MemoryRecord { Id = Guid.NewGuid(), Scope = scope, Kind = MemoryKind.Episodic, Text = $"event {i}", Embedding = new float[] { 0, 1, i } });
                    acked.Add(added.Id);
                    var current = (await store.GetAsync(scope, counter.Id))!;
                    await store.UpdateAsync(current with { Text = $"counter {ackedUpdates + 1}" });
                    ackedUpdates++;
                    await store.SearchAsync(new MemorySearchRequest { Scope = scope, Vector = new float[] { 0, 1, 0 }, Text = "event", Limit = 5 });
                }
                catch (MemoryStoreException ex)
                {
                    failures.Add(ex);
                    return;
                }
            }
        });

        await Task.Delay(300);
        await PostgresTestServer.RestartAsync();
        await Task.Delay(500);
        await stop.CancelAsync();
        await writer;

        (await PostmasterStartAsync()).Should().BeAfter(startedAt, "the server really restarted");
        acked.Should().NotBeEmpty();
        foreach (var id in acked)
        {
            (await store.GetAsync(scope, id)).Should().NotBeNull("an acknowledged write survives the restart");
        }

        var final = (await store.GetAsync(scope, counter.Id))!;
        final.Version.Should().Be(ackedUpdates + 1, "every acknowledged update applied exactly once, and no failed one applied");
        final.Text.Should().Be($"counter {ackedUpdates}");
        (await store.GetHistoryAsync(scope, counter.Id)).Should().HaveCount(ackedUpdates + 1);
        (await store.CountAsync(scope)).Should().Be(acked.Count + 1, "nothing was written twice");
        failures.Should().BeEmpty("a restart well within the retry budget is absorbed by retries");
    }

    private async Task<DateTime> PostmasterStartAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT pg_postmaster_start_time()", connection);
        return (DateTime)(await cmd.ExecuteScalarAsync())!;
    }
}
