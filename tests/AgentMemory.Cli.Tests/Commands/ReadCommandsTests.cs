namespace AgentMemory.Cli.Tests.Commands;

/// <summary>stats, list, search and show on a seeded file.</summary>
public sealed class ReadCommandsTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Stats_SeededFile_ShowsCountsPerScopeAndSchema()
    {
        await _cli.SaveAsync("alice", "Alice is vegetarian", "food");
        await _cli.SaveAsync("alice", "Alice lives in Lyon", "home");
        await _cli.SaveAsync("bob", "Bob plays the cello", "music");

        var result = await _cli.RunAsync("stats", "--db", _cli.Db);

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("Schema version").And.Contain("alice").And.Contain("bob");
        result.Output.Should().MatchRegex(@"memories\s+3");
    }

    [Fact]
    public async Task List_User_ShowsOnlyThatUsersMemories()
    {
        await _cli.SaveAsync("alice", "Alice is vegetarian", "food");
        await _cli.SaveAsync("bob", "Bob plays the cello", "music");

        var result = await _cli.RunAsync("list", "--db", _cli.Db, "--tenant", "local", "--user", "alice");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("Alice is vegetarian").And.NotContain("cello").And.Contain("1 of 1 memories");
    }

    [Fact]
    public async Task Search_Query_ReturnsTheMatchingMemoryWithAScore()
    {
        await _cli.SaveAsync("alice", "Alice is vegetarian", "food");
        await _cli.SaveAsync("alice", "Alice lives in Lyon", "home");

        var result = await _cli.RunAsync("search", "where does alice live", "--db", _cli.Db, "--user", "alice");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("Lyon").And.Contain("Score");
        var lyon = result.Output.IndexOf("Lyon", StringComparison.Ordinal);
        var vegetarian = result.Output.IndexOf("vegetarian", StringComparison.Ordinal);
        if (vegetarian >= 0)
        {
            lyon.Should().BeLessThan(vegetarian, "the best match comes first");
        }
    }

    [Fact]
    public async Task Show_UpdatedMemory_PrintsDetailsAndHistory()
    {
        var id = await _cli.SaveAsync("alice", "Alice lives in Lyon", "home");
        await using (var session = _cli.Open())
        {
            await session.Memory.UpdateAsync(MemoryScope.ForUser("local", "alice"), id, new MemoryUpdate { Text = "Alice lives in Marseille" });
        }

        var result = await _cli.RunAsync("show", id.ToString(), "--db", _cli.Db, "--user", "alice");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("Alice lives in Marseille").And.Contain("History").And.Contain("Created").And.Contain("Updated");
    }

    [Fact]
    public async Task Show_OtherUsersId_FailsWithoutRevealingIt()
    {
        var id = await _cli.SaveAsync("alice", "Alice lives in Lyon", "home");

        var result = await _cli.RunAsync("show", id.ToString(), "--db", _cli.Db, "--user", "bob");

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("No memory");
        result.Output.Should().NotContain("Lyon");
    }

    [Fact]
    public async Task List_MissingFile_FailsClearlyAndCreatesNothing()
    {
        var result = await _cli.RunAsync("list", "--db", _cli.File("nope.db"));

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("No memory file");
        File.Exists(_cli.File("nope.db")).Should().BeFalse();
    }
}
