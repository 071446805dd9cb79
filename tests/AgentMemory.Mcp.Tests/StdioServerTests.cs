using System.Text.Json;
using Xunit.Abstractions;

namespace AgentMemory.Mcp.Tests;

/// <summary>The agentmemory tool as an MCP server over stdio, driven by the SDK's client in a child process.</summary>
public sealed class StdioServerTests
{
    private static readonly string[] ToolNames =
        ["memory_delete", "memory_forget_topic", "memory_get", "memory_list", "memory_save", "memory_search", "memory_update"];

    private readonly ITestOutputHelper _output;

    public StdioServerTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task ListTools_Server_OffersEveryToolWithDescriptionsAndNoScopeArguments()
    {
        using var dir = new TempDirectory();
        await using var server = await StdioServer.StartAsync(dir.File("memory.db"));

        var tools = await server.Client.ListToolsAsync();

        tools.Select(t => t.Name).Order().Should().Equal(ToolNames);
        foreach (var tool in tools)
        {
            tool.Description.Should().NotBeNullOrWhiteSpace().And.Subject.Length.Should().BeGreaterThan(40, tool.Name);
            var properties = tool.JsonSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
            properties.Should().NotContain(p => p.Contains("tenant") || p.Contains("user") || p.Contains("agent") || p.Contains("scope"), $"{tool.Name} must not let the model choose the scope");
        }

        server.Client.ServerInstructions.Should().Contain("memory_search");
    }

    [Fact]
    public async Task Tools_SaveSearchListGetUpdateDeleteForget_WorkEndToEnd()
    {
        using var dir = new TempDirectory();
        // Debug logging on: it must all go to stderr, or the client would choke on stdout.
        await using var server = await StdioServer.StartAsync(dir.File("memory.db"), "me", "--log-level", "Debug");

        var food = await server.CallAsync("memory_save", new() { ["text"] = "The user is vegetarian", ["topic"] = "food" });
        food.GetProperty("status").GetString().Should().Be("ok");
        var foodId = food.GetProperty("id").GetString()!;
        var sister = await server.CallAsync("memory_save", new() { ["text"] = "The user's sister Anna lives in Lyon", ["topic"] = "family" });
        var format = await server.CallAsync("memory_save", new() { ["text"] = "Answer the user in short bullet points", ["kind"] = "procedural", ["topic"] = "formatting" });
        var trip = await server.CallAsync("memory_save", new() { ["text"] = "The user hiked Mont Blanc", ["kind"] = "episodic", ["occurred_on"] = "2026-08-14" });
        (await server.CallAsync("memory_save", new() { ["text"] = "x", ["kind"] = "bogus" })).GetProperty("status").GetString().Should().Be("invalid");
        (await server.CallAsync("memory_save", new() { ["text"] = "y", ["occurred_on"] = "last week" })).GetProperty("status").GetString().Should().Be("invalid");

        var hits = await server.CallAsync("memory_search", new() { ["query"] = "is the user vegetarian?" });
        hits.EnumerateArray().First().GetProperty("text").GetString().Should().Be("The user is vegetarian");
        hits.EnumerateArray().First().TryGetProperty("score", out _).Should().BeTrue();
        // Provenance before content: a standing instruction written by the model (not in the user's own words) is kept as a fact.
        (await server.CallAsync("memory_search", new() { ["query"] = "bullet points", ["kind"] = "procedural" })).EnumerateArray().Should().BeEmpty();
        (await server.CallAsync("memory_search", new() { ["query"] = "bullet points" })).EnumerateArray().First().GetProperty("kind").GetString().Should().Be("semantic");

        var page = await server.CallAsync("memory_list", new() { ["limit"] = 3 });
        page.GetProperty("total").GetInt32().Should().Be(4);
        page.GetProperty("memories").GetArrayLength().Should().Be(3);
        page.GetProperty("nextOffset").GetInt32().Should().Be(3);
        (await server.CallAsync("memory_list", new() { ["topic"] = "family" })).GetProperty("memories").EnumerateArray().Single().GetProperty("id").GetString()
            .Should().Be(sister.GetProperty("id").GetString());
        (await server.CallAsync("memory_get", new() { ["id"] = trip.GetProperty("id").GetString() })).GetProperty("occurred").GetString().Should().StartWith("2026-08-14");

        var updated = await server.CallAsync("memory_update", new() { ["id"] = foodId, ["text"] = "The user is vegan" });
        updated.GetProperty("status").GetString().Should().Be("ok");
        var details = await server.CallAsync("memory_get", new() { ["id"] = foodId });
        details.GetProperty("text").GetString().Should().Be("The user is vegan");
        details.GetProperty("version").GetInt64().Should().Be(2);
        details.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("change").GetString()).Should().Equal("Created", "Updated");

        var formatId = format.GetProperty("id").GetString();
        (await server.CallAsync("memory_delete", new() { ["id"] = formatId })).GetProperty("status").GetString().Should().Be("ok");
        (await server.CallAsync("memory_get", new() { ["id"] = formatId })).GetProperty("status").GetString().Should().Be("not_found");
        (await server.CallAsync("memory_delete", new() { ["id"] = "not-an-id" })).GetProperty("status").GetString().Should().Be("invalid");

        var preview = await server.CallAsync("memory_forget_topic", new() { ["topic"] = "anna", ["preview"] = true });
        preview.GetProperty("status").GetString().Should().Be("preview");
        preview.GetProperty("deleted").GetInt32().Should().Be(0);
        preview.GetProperty("memories").EnumerateArray().Single().GetProperty("text").GetString().Should().Contain("Anna");
        var forgot = await server.CallAsync("memory_forget_topic", new() { ["topic"] = "anna" });
        forgot.GetProperty("deleted").GetInt32().Should().Be(1);
        (await server.CallAsync("memory_forget_topic", new() { ["topic"] = "food" })).GetProperty("deleted").GetInt32().Should().Be(1, "a topic match deletes too");

        var rest = await server.CallAsync("memory_list");
        rest.GetProperty("memories").EnumerateArray().Select(m => m.GetProperty("text").GetString()).Should().Equal("The user hiked Mont Blanc");
    }

    [Fact]
    public async Task Restart_NewServerProcess_FindsWhatWasSavedBefore()
    {
        using var dir = new TempDirectory();
        string id;
        await using (var first = await StdioServer.StartAsync(dir.File("memory.db")))
        {
            _output.WriteLine($"first start (new file) to initialize: {first.Startup.TotalMilliseconds:0} ms");
            id = (await first.CallAsync("memory_save", new() { ["text"] = "The user's favourite editor is Helix", ["topic"] = "tools" })).GetProperty("id").GetString()!;
        }

        await using var second = await StdioServer.StartAsync(dir.File("memory.db"));
        _output.WriteLine($"second start (existing file) to initialize: {second.Startup.TotalMilliseconds:0} ms");

        var hits = await second.CallAsync("memory_search", new() { ["query"] = "which editor does the user like?" });
        hits.EnumerateArray().First().GetProperty("id").GetString().Should().Be(id);
        second.Startup.Should().BeLessThan(TimeSpan.FromSeconds(10), "the target is 2 s; the bound is loose for a loaded CI machine");
    }

    [Fact]
    public async Task Restart_ParaphrasedSearch_FindsTheMemoryThroughTheLocalModel()
    {
        using var dir = new TempDirectory();
        string id;
        await using (var first = await StdioServer.StartAsync(dir.File("memory.db")))
        {
            await first.CallAsync("memory_save", new() { ["text"] = "The user's favourite editor is Helix" });
            id = (await first.CallAsync("memory_save", new() { ["text"] = "I drive a 2015 Honda Civic" })).GetProperty("id").GetString()!;
            await first.CallAsync("memory_save", new() { ["text"] = "The user has a cat named Miso" });
        }

        await using var second = await StdioServer.StartAsync(dir.File("memory.db"));
        var hits = await second.CallAsync("memory_search", new() { ["query"] = "what car do I have?" });

        hits.EnumerateArray().First().GetProperty("id").GetString().Should().Be(id, "no word is shared: only the embedding model connects them");
    }

    [Fact]
    public async Task Scope_ServerForAnotherUser_CannotSeeChangeOrDeleteTheMemory()
    {
        using var dir = new TempDirectory();
        string id;
        await using (var alice = await StdioServer.StartAsync(dir.File("memory.db"), "alice"))
        {
            id = (await alice.CallAsync("memory_save", new() { ["text"] = "Alice's door code is kept in her notebook" })).GetProperty("id").GetString()!;
        }

        await using (var bob = await StdioServer.StartAsync(dir.File("memory.db"), "bob"))
        {
            (await bob.CallAsync("memory_search", new() { ["query"] = "door code notebook" })).GetArrayLength().Should().Be(0);
            (await bob.CallAsync("memory_list")).GetProperty("total").GetInt32().Should().Be(0);
            (await bob.CallAsync("memory_get", new() { ["id"] = id })).GetProperty("status").GetString().Should().Be("not_found");
            (await bob.CallAsync("memory_update", new() { ["id"] = id, ["text"] = "hacked" })).GetProperty("status").GetString().Should().Be("not_found");
            (await bob.CallAsync("memory_delete", new() { ["id"] = id })).GetProperty("status").GetString().Should().Be("not_found");
            (await bob.CallAsync("memory_forget_topic", new() { ["topic"] = "door code" })).GetProperty("deleted").GetInt32().Should().Be(0);
        }

        await using var again = await StdioServer.StartAsync(dir.File("memory.db"), "alice");
        (await again.CallAsync("memory_get", new() { ["id"] = id })).GetProperty("text").GetString().Should().Be("Alice's door code is kept in her notebook");
    }
}
