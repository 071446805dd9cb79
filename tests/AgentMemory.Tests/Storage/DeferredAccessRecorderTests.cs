using AgentMemory.Storage;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;

namespace AgentMemory.Tests.Storage;

public sealed class DeferredAccessRecorderTests
{
    private static readonly MemoryScope User = MemoryScope.ForUser("t", "u1");
    private static readonly MemoryScope Other = MemoryScope.ForUser("t", "u2");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly List<List<PendingAccess>> _written = [];
    private readonly Lock _sync = new();

    [Fact]
    public async Task Accesses_wait_for_a_flush_and_are_written_in_order_with_their_own_times()
    {
        using var recorder = Create(100, TimeSpan.FromMinutes(1));
        recorder.Record(User, [Guid.NewGuid()], "a");
        _time.Advance(TimeSpan.FromSeconds(5));
        recorder.Record(User, [Guid.NewGuid()], "b");

        Written.Should().BeEmpty();
        await recorder.FlushAsync();

        Written.Should().ContainSingle();
        Written[0].Select(a => a.QueryHash).Should().Equal("a", "b");
        (Written[0][1].At - Written[0][0].At).Should().Be(TimeSpan.FromSeconds(5));
        recorder.PendingCount.Should().Be(0);
    }

    [Fact]
    public async Task A_full_queue_starts_a_write()
    {
        using var recorder = Create(2, TimeSpan.FromMinutes(1));
        recorder.Record(User, [Guid.NewGuid()], "a");
        recorder.Record(User, [Guid.NewGuid()], "b");

        await WaitUntilAsync(() => Written.Count == 1);
        Written[0].Should().HaveCount(2);
    }

    [Fact]
    public async Task The_interval_starts_a_write()
    {
        using var recorder = Create(100, TimeSpan.FromSeconds(1));
        recorder.Record(User, [Guid.NewGuid()], "a");
        _time.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(20);
        Written.Should().BeEmpty();

        _time.Advance(TimeSpan.FromMilliseconds(1));

        await WaitUntilAsync(() => Written.Count == 1);
    }

    [Fact]
    public async Task A_failed_write_keeps_the_accesses_queued_in_order()
    {
        var fail = true;
        using var recorder = new DeferredAccessRecorder(
            (batch, _) =>
            {
                if (fail)
                {
                    throw new MemoryStoreException("disk full");
                }

                lock (_sync)
                {
                    _written.Add([.. batch]);
                }

                return Task.CompletedTask;
            },
            100,
            TimeSpan.FromMinutes(1),
            _time);
        recorder.Record(User, [Guid.NewGuid()], "a");

        await recorder.Invoking(r => r.FlushAsync()).Should().ThrowAsync<MemoryStoreException>();
        recorder.Record(User, [Guid.NewGuid()], "b");
        fail = false;
        await recorder.FlushAsync();

        Written.Should().ContainSingle().Which.Select(a => a.QueryHash).Should().Equal("a", "b");
    }

    [Fact]
    public async Task A_failing_store_keeps_at_most_the_bound_and_drops_the_oldest()
    {
        var fail = true;
        var attempts = 0;
        using var recorder = new DeferredAccessRecorder(
            (batch, _) =>
            {
                Interlocked.Increment(ref attempts);
                if (Volatile.Read(ref fail))
                {
                    throw new MemoryStoreException("disk full");
                }

                lock (_sync)
                {
                    _written.Add([.. batch]);
                }

                return Task.CompletedTask;
            },
            4,
            TimeSpan.FromMinutes(1),
            _time,
            maxQueued: 10);
        recorder.Record(User, [Guid.NewGuid()], "0");
        await recorder.Invoking(r => r.FlushAsync()).Should().ThrowAsync<MemoryStoreException>();
        var attemptsAfterFailure = Volatile.Read(ref attempts);

        for (var i = 1; i < 1_000; i++)
        {
            recorder.Record(User, [Guid.NewGuid()], i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        recorder.PendingCount.Should().Be(10);
        recorder.DroppedCount.Should().Be(990);
        Volatile.Read(ref attempts).Should().Be(attemptsAfterFailure, "a failed write is retried by its timer, not by every later recall");

        Volatile.Write(ref fail, false);
        _time.Advance(TimeSpan.FromMinutes(1));
        await WaitUntilAsync(() => Written.Count == 1);
        Written[0].Select(a => a.QueryHash).Should().Equal(Enumerable.Range(990, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        recorder.PendingCount.Should().Be(0);
    }

    [Fact]
    public void A_bound_below_the_batch_size_is_rejected()
    {
        var create = () => new DeferredAccessRecorder((_, _) => Task.CompletedTask, 10, TimeSpan.FromSeconds(1), _time, maxQueued: 9);

        create.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("maxQueued");
    }

    [Fact]
    public async Task Discard_drops_only_the_matching_scopes()
    {
        using var recorder = Create(100, TimeSpan.FromMinutes(1));
        recorder.Record(User.WithSession("s"), [Guid.NewGuid()], "mine");
        recorder.Record(Other, [Guid.NewGuid()], "theirs");

        (await recorder.DiscardAsync(User.Contains)).Should().Be(1);
        await recorder.FlushAsync();

        Written.Should().ContainSingle().Which.Select(a => a.QueryHash).Should().Equal("theirs");
    }

    [Fact]
    public void Dispose_writes_the_queue_and_later_records_are_refused()
    {
        var recorder = Create(100, TimeSpan.FromMinutes(1));
        recorder.Record(User, [Guid.NewGuid()], "a");

        recorder.Dispose();

        Written.Should().ContainSingle();
        recorder.Invoking(r => r.Record(User, [Guid.NewGuid()], "b")).Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public async Task Concurrent_records_and_flushes_lose_nothing()
    {
        using var recorder = Create(16, TimeSpan.FromMilliseconds(1));
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < 500; i++)
            {
                recorder.Record(User, [Guid.NewGuid()], "h");
                if (i % 50 == t)
                {
                    await recorder.FlushAsync();
                }
            }
        })));
        await recorder.FlushAsync();

        Written.Sum(b => b.Count).Should().Be(4000);
    }

    private List<List<PendingAccess>> Written
    {
        get
        {
            lock (_sync)
            {
                return [.. _written];
            }
        }
    }

    private DeferredAccessRecorder Create(int maxPending, TimeSpan interval) => new(
        (batch, _) =>
        {
            lock (_sync)
            {
                _written.Add([.. batch]);
            }

            return Task.CompletedTask;
        },
        maxPending,
        interval,
        _time);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline);
            await Task.Delay(5);
        }
    }
}
