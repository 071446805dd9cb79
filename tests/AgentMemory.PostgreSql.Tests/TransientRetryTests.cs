using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace AgentMemory.PostgreSql.Tests;

/// <summary>
/// Transient failures are retried through the store's Polly pipeline, the back-off waiting on the injected clock: with a
/// server that refuses connections (no server needed), a fake clock that does not move holds the retry back, advancing
/// it lets each retry run, and when they are spent the caller gets a <see cref="MemoryStoreException"/>.
/// </summary>
public sealed class TransientRetryTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task InitializeAsync_ServerRefusesConnections_RetriesOnTheInjectedClock_ThenThrowsMemoryStoreException()
    {
        await using var source = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=postgres;Timeout=5");
        await using var store = new PostgreSqlMemoryStore(source, new PostgreSqlMemoryStoreOptions { MaxRetries = 3, RetryBaseDelay = TimeSpan.FromSeconds(1) }, _time);

        var initialize = store.InitializeAsync();
        await Task.Delay(300);
        initialize.IsCompleted.Should().BeFalse("the first retry waits for the fake clock, which has not moved");

        var advances = 0;
        for (var i = 0; i < 200 && !initialize.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(8)); // past the longest of the three waits (1, 2, 4 s)
            advances++;
            await Task.WhenAny(initialize, Task.Delay(50));
        }

        advances.Should().BeGreaterThanOrEqualTo(3, "each of the 3 retries waited for its own back-off on the injected clock");
        var thrown = await initialize.Invoking(t => t).Should().ThrowAsync<MemoryStoreException>();
        thrown.Which.Operation.Should().Be("initialize");
        thrown.Which.InnerException.Should().BeAssignableTo<NpgsqlException>();
    }

    [Fact]
    public async Task InitializeAsync_NoRetries_ThrowsWithoutWaiting()
    {
        await using var source = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=postgres;Timeout=5");
        await using var store = new PostgreSqlMemoryStore(source, new PostgreSqlMemoryStoreOptions { MaxRetries = 0 }, _time);

        await store.Invoking(s => s.InitializeAsync()).Should().ThrowAsync<MemoryStoreException>();
    }
}
