using System.Diagnostics;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentMemory.Mcp.Tests;

/// <summary>Starts <c>agentmemory mcp</c> as a child process and talks to it with the SDK's client over stdio.</summary>
internal sealed class StdioServer : IAsyncDisposable
{
    private StdioServer(McpClient client, TimeSpan startup)
    {
        Client = client;
        Startup = startup;
    }

    public McpClient Client { get; }

    /// <summary>From starting the process to a completed <c>initialize</c>.</summary>
    public TimeSpan Startup { get; }

    public static async Task<StdioServer> StartAsync(string db, string user = "me", params string[] extra)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AgentMemory.Cli.dll");
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "agentmemory",
            Command = "dotnet",
            Arguments = [dll, "mcp", "--db", db, "--tenant", "test", "--user", user, .. extra],
            // The offline setup, whatever the machine's environment says.
            EnvironmentVariables = new Dictionary<string, string?> { ["AGENTMEMORY_OPENAI_API_KEY"] = null, ["AGENTMEMORY_DB"] = null },
            ShutdownTimeout = TimeSpan.FromSeconds(10),
        });
        var started = Stopwatch.StartNew();
        var client = await McpClient.CreateAsync(transport, cancellationToken: new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return new StdioServer(client, started.Elapsed);
    }

    /// <summary>Calls a tool and parses the JSON text it returns.</summary>
    public async Task<JsonElement> CallAsync(string tool, Dictionary<string, object?>? arguments = null)
    {
        var result = await Client.CallToolAsync(tool, arguments ?? []);
        var text = result.Content.OfType<TextContentBlock>().Single().Text;
        result.IsError.Should().NotBe(true, text);
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
