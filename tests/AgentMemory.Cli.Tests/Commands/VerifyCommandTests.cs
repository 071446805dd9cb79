using Microsoft.Data.Sqlite;

namespace AgentMemory.Cli.Tests.Commands;

public sealed class VerifyCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Verify_HealthyFile_ReportsOkAndSchemaVersion()
    {
        await _cli.SaveAsync("alice", "Alice is vegetarian");
        var before = _cli.Snapshot();

        var result = await _cli.RunAsync("verify", "--db", _cli.Db);

        result.ExitCode.Should().Be(0, result.Output + result.Error);
        result.Output.Should().Contain("Integrity: ok").And.MatchRegex(@"Schema version: \d+ \(this tool: \d+\)");
        _cli.Snapshot().Should().Equal(before, "verify never changes the file");
    }

    [Fact]
    public async Task Verify_CorruptedPages_ReportsAProblem()
    {
        for (var i = 0; i < 40; i++)
        {
            await _cli.SaveAsync("alice", $"Alice fact number {i} about topic {i * 7}");
        }

        SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(_cli.Db);
        bytes.Length.Should().BeGreaterThan(3 * 4096);
        // Keep the 100-byte header; scribble over the rest of the first pages (schema and b-tree pages).
        new Random(7).NextBytes(bytes.AsSpan(100, Math.Min(bytes.Length - 100, 64 * 1024)));
        await File.WriteAllBytesAsync(_cli.Db, bytes);

        var result = await _cli.RunAsync("verify", "--db", _cli.Db);

        result.ExitCode.Should().Be(1);
        (result.Output + result.Error).Should().ContainAny("Problem:", "malformed", "error");
    }

    [Fact]
    public async Task Verify_NotASqliteFile_ReportsIt()
    {
        await File.WriteAllTextAsync(_cli.Db, "this is not a database, just text that is long enough to have a header");

        var result = await _cli.RunAsync("verify", "--db", _cli.Db);

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("not a SQLite database");
    }

    [Fact]
    public async Task NewerSchema_VerifyReportsItAndOtherCommandsRefuseWithoutChangingTheFile()
    {
        await _cli.SaveAsync("alice", "Alice is vegetarian");
        using (var connection = new SqliteConnection($"Data Source={_cli.Db};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "INSERT INTO agentmemory_schema(version, applied_at) VALUES (99, 0)";
            cmd.ExecuteNonQuery();
        }

        var before = _cli.Snapshot();

        var verify = await _cli.RunAsync("verify", "--db", _cli.Db);
        var list = await _cli.RunAsync("list", "--db", _cli.Db, "--user", "alice");

        verify.ExitCode.Should().Be(1);
        verify.Output.Should().Contain("schema version 99 is newer");
        list.ExitCode.Should().Be(2);
        list.Error.Should().Contain("99");
        _cli.Snapshot().Should().Equal(before);
    }
}
