using System.Collections.Concurrent;
using System.Diagnostics;

namespace AgentMemory.PostgreSql.Tests;

/// <summary>Workers in two processes (this one and AgentMemory.PostgreSql.Worker) share one outbox.</summary>
public sealed class ProcessWorkerTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ClaimAsync_WorkersInTwoProcesses_ProcessEveryJobExactlyOnce()
    {
        var schema = DatabaseFixture.NewSchema();
        await using var sourceA = database.NewDataSource();
        await using var sourceB = database.NewDataSource();
        await using var a = new PostgreSqlMemoryStore(sourceA, new PostgreSqlMemoryStoreOptions { Schema = schema });
        await using var b = new PostgreSqlMemoryStore(sourceB, new PostgreSqlMemoryStoreOptions { Schema = schema });
        var jobs = new List<FormationJob>();
        for (var i = 0; i < 120; i++)
        {
            var job = new FormationJob { Id = Guid.NewGuid(), Scope = MemoryScope.ForUser("acme", $"u{i % 30}"), Payload = "{}", EnqueuedAt = DateTimeOffset.UtcNow.AddMilliseconds(i) };
            jobs.Add(job);
            await (i % 2 == 0 ? a : b).EnqueueAsync(job);
        }

        var fromChild = new ConcurrentBag<Guid>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var worker = Path.Combine(AppContext.BaseDirectory, "AgentMemory.PostgreSql.Worker.dll");
        File.Exists(worker).Should().BeTrue($"the worker is built next to the tests ({worker})");
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { worker, "--connection", database.ConnectionString, "--schema", schema, "--worker", "child", "--idle-polls", "25", "--work-ms", "10" })
        {
            psi.ArgumentList.Add(arg);
        }

        using var child = Process.Start(psi)!;
        var stderr = child.StandardError.ReadToEndAsync();
        var lost = 0;
        child.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            if (e.Data == "ready")
            {
                ready.TrySetResult();
            }
            else if (e.Data.StartsWith("processed ", StringComparison.Ordinal))
            {
                fromChild.Add(Guid.Parse(e.Data["processed ".Length..]));
            }
            else if (e.Data.StartsWith("lost ", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref lost);
            }
        };
        child.BeginOutputReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(120));

        var fromHere = new ConcurrentBag<Guid>();
        var workers = new[] { (a, "here-a"), (b, "here-b") }.Select(w => Task.Run(async () =>
        {
            var idle = 0;
            while (idle < 25)
            {
                var claimed = await w.Item1.ClaimAsync(w.Item2, 2, TimeSpan.FromMinutes(5));
                if (claimed.Count == 0)
                {
                    idle++;
                    await Task.Delay(20);
                    continue;
                }

                idle = 0;
                foreach (var job in claimed)
                {
                    await Task.Delay(10);
                    (await w.Item1.CompleteAsync(job.Id, w.Item2)).Should().BeTrue();
                    fromHere.Add(job.Id);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(180));

        child.ExitCode.Should().Be(0, await stderr);
        lost.Should().Be(0);
        var all = fromChild.Concat(fromHere).ToList();
        all.Should().OnlyHaveUniqueItems("no job is processed twice, whichever process claimed it");
        all.Should().BeEquivalentTo(jobs.Select(j => j.Id), "every job is processed");
        fromChild.Should().NotBeEmpty("the other process took part");
        fromHere.Should().NotBeEmpty("this process took part");
    }
}
