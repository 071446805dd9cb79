using System.Text.Json;
using AgentMemory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MemoryReview.Tests;

/// <summary>
/// End to end in headless Chromium (Debian's package, driven by Playwright with its executable path set): sign in, see
/// the memories extraction formed from the seed conversations, search them by text and by topic, delete one, export, erase everything, and check another user's memories are untouched and
/// unreachable. Fails (does not skip) when Chromium is missing: .ci/run installs it.
/// </summary>
public sealed class MemoryReviewBrowserTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("memoryreview-").FullName;
    private WebApplication _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        _app = MemoryReviewApp.Create([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MemoryReview:Tenant"] = "demo",
                ["MemoryReview:Database"] = $"Data Source={Path.Combine(_directory, "review.db")}",
                ["MemoryReview:Users:0:Name"] = "alice",
                ["MemoryReview:Users:0:Password"] = "alice-demo",
                ["MemoryReview:Users:1:Name"] = "bob",
                ["MemoryReview:Users:1:Password"] = "bob-demo",
            });
        });
        await MemoryReviewApp.SeedAsync(_app.Services);
        await _app.StartAsync();
        _baseUrl = _app.Urls.Single();

        var chromium = Environment.GetEnvironmentVariable("AGENTMEMORY_CHROMIUM") ?? "/usr/bin/chromium";
        File.Exists(chromium).Should().BeTrue($"the browser test needs Chromium at {chromium} (apt-get install chromium; .ci/run does it)");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<IPage> SignInAsync(IBrowserContext context, string user, string password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(_baseUrl);
        await page.FillAsync("#login-user", user);
        await page.FillAsync("#login-password", password);
        await page.ClickAsync("#login-submit");
        await Assertions.Expect(page.Locator("#user")).ToHaveTextAsync(user);
        return page;
    }

    private async Task<List<MemoryRecord>> MemoriesOfAsync(string user)
    {
        var memory = _app.Services.GetRequiredService<IAgentMemory>();
        var list = new List<MemoryRecord>();
        await foreach (var r in memory.ListAsync(MemoryScope.ForUser("demo", user), new MemoryListOptions { Match = ScopeMatch.Within }))
        {
            list.Add(r);
        }

        return list;
    }

    [Fact]
    public async Task ReviewPage_SignInDeleteExportErase_LeavesOtherUsersUntouchedAndUnreachable()
    {
        var bobBefore = await MemoriesOfAsync("bob");
        bobBefore.Should().NotBeEmpty();
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { AcceptDownloads = true });
        var page = await SignInAsync(context, "alice", "alice-demo");

        // The memories extraction formed from the seed conversation are listed, with provenance: facts rephrased in the
        // third person with their topic, the standing instruction, the episodes.
        var aliceBefore = await MemoriesOfAsync("alice");
        aliceBefore.Should().Contain(r => r.Text == "Alice is vegetarian." && r.Kind == MemoryKind.Semantic && r.Topic == "food");
        aliceBefore.Should().Contain(r => r.Text == "Alice's sister lives in Lyon." && r.Kind == MemoryKind.Semantic);
        aliceBefore.Should().Contain(r => r.Kind == MemoryKind.Procedural && r.Text.Contains("without tables"));
        var rows = page.Locator("tr.memory");
        await Assertions.Expect(rows).ToHaveCountAsync(aliceBefore.Count);
        await Assertions.Expect(page.Locator("tr.memory", new() { HasText = "Alice is vegetarian." })).ToContainTextAsync("food");
        await Assertions.Expect(page.Locator("#memories")).Not.ToContainTextAsync("Bob");

        // Search covers the topic as well as the text; a search that finds nothing says so, unlike an empty store.
        await page.FillAsync("#search", "food");
        await page.ClickAsync("#search-form button[type=submit]");
        await Assertions.Expect(page.Locator("tr.memory", new() { HasText = "Alice is vegetarian." })).ToHaveCountAsync(1);
        await page.FillAsync("#search", "Lyon");
        await page.ClickAsync("#search-form button[type=submit]");
        await Assertions.Expect(page.Locator("tr.memory", new() { HasText = "Alice's sister lives in Lyon." })).ToHaveCountAsync(1);
        await page.FillAsync("#search", "submarine");
        await page.ClickAsync("#search-form button[type=submit]");
        await Assertions.Expect(page.Locator("#no-match")).ToContainTextAsync("submarine");
        await Assertions.Expect(page.Locator("#empty")).ToBeHiddenAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(0);
        await page.FillAsync("#search", "");
        await page.ClickAsync("#search-form button[type=submit]");
        await Assertions.Expect(rows).ToHaveCountAsync(aliceBefore.Count);

        // History of the edited memory shows both versions.
        await page.Locator("tr.memory", new() { HasText = "Lisbon" }).Locator("button[data-action=history]").ClickAsync();
        await Assertions.Expect(page.Locator("#history li")).ToHaveCountAsync(2);
        await page.ClickAsync("#history-close");

        // Delete one.
        await page.Locator("tr.memory", new() { HasText = "Alice is vegetarian." }).Locator("button[data-action=delete]").ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(aliceBefore.Count - 1);
        await Assertions.Expect(page.Locator("#memories")).Not.ToContainTextAsync("Alice is vegetarian.");

        // Export everything as JSON.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export"));
        var exported = await File.ReadAllTextAsync((await download.PathAsync())!);
        using (var json = JsonDocument.Parse(exported))
        {
            json.RootElement.ValueKind.Should().Be(JsonValueKind.Object);
            exported.Should().Contain("Lyon").And.NotContain("FC Porto");
        }

        // Another user's memories cannot be read or changed by editing ids in requests.
        var bobId = bobBefore[0].Id;
        (await page.EvaluateAsync<int>("async id => (await fetch('/api/memories/' + id)).status", bobId.ToString())).Should().Be(404);
        (await page.EvaluateAsync<int>("async id => (await fetch('/api/memories/' + id + '/history')).status", bobId.ToString())).Should().Be(404);
        (await page.EvaluateAsync<int>("async id => (await fetch('/api/memories/' + id, { method: 'DELETE', headers: { 'X-MemoryReview': '1' } })).status", bobId.ToString())).Should().Be(404);
        (await page.EvaluateAsync<int>("async id => (await fetch('/api/memories/' + id, { method: 'PUT', headers: { 'X-MemoryReview': '1', 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'hacked' }) })).status", bobId.ToString())).Should().Be(404);
        (await page.EvaluateAsync<int>("async () => (await fetch('/api/erase', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ confirm: 'ERASE' }) })).status")).Should().Be(400, "a request without the anti-forgery header is refused");

        // Erase everything after confirmation.
        await page.ClickAsync("#erase");
        await page.FillAsync("#erase-confirm", "ERASE");
        await page.ClickAsync("#erase-go");
        await Assertions.Expect(page.Locator("#empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#no-match")).ToBeHiddenAsync();
        (await MemoriesOfAsync("alice")).Should().BeEmpty();

        // Bob is untouched and still sees his own memories.
        var bobAfter = await MemoriesOfAsync("bob");
        bobAfter.Select(r => (r.Id, r.Text, r.Version)).Should().BeEquivalentTo(bobBefore.Select(r => (r.Id, r.Text, r.Version)));
        await using var bobContext = await _browser.NewContextAsync();
        var bobPage = await SignInAsync(bobContext, "bob", "bob-demo");
        await Assertions.Expect(bobPage.Locator("tr.memory")).ToHaveCountAsync(bobBefore.Count);
    }

    [Fact]
    public async Task Api_WithoutSignIn_IsUnauthorized()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_baseUrl) };

        (await http.GetAsync("/api/memories")).StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        (await http.GetAsync("/api/export")).StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignIn_WrongPassword_IsRefused()
    {
        await using var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(_baseUrl);
        await page.FillAsync("#login-user", "alice");
        await page.FillAsync("#login-password", "wrong");
        await page.ClickAsync("#login-submit");

        await Assertions.Expect(page.Locator("#login-error")).ToHaveTextAsync("Wrong user or password.");
    }
}
