using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AgentMemory.Samples.Tests;

/// <summary>
/// The MemoryReview sample as a user starts it (<c>dotnet MemoryReview.dll</c>): it listens on loopback, serves its
/// page, and the seeded account sees memories formed by extraction, found by topic. The page itself is driven in a
/// browser by tests/MemoryReview.Tests.
/// </summary>
public sealed partial class MemoryReviewSampleTests
{
    [Fact]
    public async Task MemoryReview_Started_ServesThePageAndFindsExtractedMemoriesByTopic()
    {
        using var directory = new SampleDirectory();
        var info = SampleProcess.StartInfo("MemoryReview", directory.Path, "--urls", "http://127.0.0.1:0", "--MemoryReview:Database", $"Data Source={Path.Combine(directory.Path, "review.db")}");
        using var process = Process.Start(info)!;
        try
        {
            var baseUrl = await ListeningAddressAsync(process);
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) };

            var page = await http.GetStringAsync("/");
            page.Should().Contain("<title>What AgentMemory remembers about you</title>");

            using var login = new HttpRequestMessage(HttpMethod.Post, "/api/login") { Content = JsonContent.Create(new { user = "alice", password = "alice-demo" }) };
            login.Headers.Add("X-MemoryReview", "1");
            (await http.SendAsync(login)).StatusCode.Should().Be(HttpStatusCode.OK);

            var all = await MemoriesAsync(http, "/api/memories");
            all.Should().Contain(m => m.Text == "Alice is vegetarian." && m.Kind == "Semantic" && m.Topic == "food");
            var byTopic = await MemoriesAsync(http, "/api/memories?q=food");
            byTopic.Should().Contain(m => m.Text == "Alice is vegetarian.");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<List<(string Text, string Kind, string? Topic)>> MemoriesAsync(HttpClient http, string url)
    {
        using var json = JsonDocument.Parse(await http.GetStringAsync(url));
        return json.RootElement.EnumerateArray()
            .Select(m => (m.GetProperty("text").GetString()!, m.GetProperty("kind").GetString()!, m.GetProperty("topic").GetString()))
            .ToList();
    }

    /// <summary>Reads the sample's log until ASP.NET Core reports the address it bound (port 0: the OS chose it).</summary>
    private static async Task<string> ListeningAddressAsync(Process process)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a safety net against a hang, not a measurement
        var seen = new System.Text.StringBuilder();
        while (await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
        {
            seen.AppendLine(line);
            if (Listening().Match(line) is { Success: true } match)
            {
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None); // keep draining so the app never blocks on a full pipe
                return match.Groups["url"].Value;
            }
        }

        throw new InvalidOperationException($"MemoryReview ended without listening. stdout:\n{seen}\nstderr:\n{await process.StandardError.ReadToEndAsync()}");
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
