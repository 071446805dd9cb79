using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentMemory.Cli.Tests.Hosting;

/// <summary><c>agentmemory mcp --http</c>: streamable HTTP on loopback, with and without a bearer token.</summary>
public sealed class HttpTransportTests : IDisposable
{
    private const string Token = "test-token-0123456789abcdef";
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://*:0")]
    [InlineData("http://192.0.2.10:0")]
    public async Task Mcp_NonLoopbackWithoutToken_RefusesToStart(string url)
    {
        var result = await _cli.RunAsync("mcp", "--db", _cli.Db, "--http", url);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("Refusing").And.Contain("token");
    }

    [Fact]
    public async Task Mcp_ShortToken_RefusesToStart()
    {
        var result = await _cli.RunAsync("mcp", "--db", _cli.Db, "--http", "http://127.0.0.1:0", "--token", "short");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("at least 16");
    }

    [Fact]
    public async Task Mcp_LoopbackWithoutToken_ServesTheTools()
    {
        await using var server = new RunningCommand("mcp", "--db", _cli.Db, "--user", "alice", "--http", "http://127.0.0.1:0");
        var endpoint = await server.WaitForUrlAsync();
        endpoint.Should().EndWith("/mcp");

        await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(endpoint) }));
        (await client.ListToolsAsync()).Should().HaveCount(7);
        await client.CallToolAsync("memory_save", new Dictionary<string, object?> { ["text"] = "Alice takes the 8:15 train" });
        var hits = await client.CallToolAsync("memory_search", new Dictionary<string, object?> { ["query"] = "which train does alice take" });

        hits.Content.OfType<TextContentBlock>().Single().Text.Should().Contain("8:15 train");
    }

    [Fact]
    public async Task Mcp_LoopbackWithoutToken_RefusesCrossOriginBrowserRequests()
    {
        await using var server = new RunningCommand("mcp", "--db", _cli.Db, "--http", "http://127.0.0.1:0");
        var endpoint = await server.WaitForUrlAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = Initialize() };
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Mcp_WithToken_Answers401WithoutTheHeaderAndServesWithIt()
    {
        await using var server = new RunningCommand("mcp", "--db", _cli.Db, "--http", "http://127.0.0.1:0", "--token", Token);
        var endpoint = await server.WaitForUrlAsync();
        using var http = new HttpClient();

        using (var anonymous = await http.PostAsync(endpoint, Initialize()))
        {
            anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            anonymous.Headers.WwwAuthenticate.ToString().Should().Contain("Bearer");
        }

        using (var wrong = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = Initialize() })
        {
            wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");
            (await http.SendAsync(wrong)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(endpoint),
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + Token },
        });
        await using var client = await McpClient.CreateAsync(transport);
        (await client.ListToolsAsync()).Select(t => t.Name).Should().Contain("memory_save");
    }

    private static StringContent Initialize() => new(
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""",
        Encoding.UTF8,
        "application/json");
}
