using System.Net;
using System.Text.Json;

namespace AgentMemory.Cli.Tests.Hosting;

/// <summary><c>agentmemory ui</c>: the review page on loopback, usable only through the printed URL.</summary>
public sealed class UiCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Ui_PrintedUrl_ServesThePageAndTheUsersMemoriesOnly()
    {
        var id = await _cli.SaveAsync("alice", "Alice is vegetarian", "food");
        await _cli.SaveAsync("bob", "Bob plays the cello", "music");
        await using var ui = new RunningCommand("ui", "--db", _cli.Db, "--user", "alice");
        var url = new Uri(await ui.WaitForUrlAsync());
        var origin = url.GetLeftPart(UriPartial.Authority);

        using (var stranger = new HttpClient())
        {
            (await stranger.GetAsync(origin + "/api/memories")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await stranger.GetAsync(origin + "/?key=wrong")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler);
        var page = await http.GetStringAsync(url);
        page.Should().Contain("AgentMemory review");

        using var memories = JsonDocument.Parse(await http.GetStringAsync(origin + "/api/memories"));
        memories.RootElement.EnumerateArray().Select(m => m.GetProperty("text").GetString()).Should().Equal("Alice is vegetarian");

        (await http.DeleteAsync($"{origin}/api/memories/{id}")).StatusCode.Should().Be(HttpStatusCode.BadRequest, "a change needs the X-AgentMemory header");
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"{origin}/api/memories/{id}");
        delete.Headers.Add("X-AgentMemory", "1");
        (await http.SendAsync(delete)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await http.GetStringAsync(origin + "/api/memories")).Should().Be("[]");
    }
}
