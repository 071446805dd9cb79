using AgentMemory.Extraction;
using AgentMemory.Models;
using AgentMemory.Reconciliation;
using AgentMemory.Retrieval;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AgentMemory.OpenAI.Tests.Fakes;

/// <summary>Starts a fake server per test and builds AgentMemory's model components over the real OpenAI SDK.</summary>
public abstract class FakeServerTestBase : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2026, 3, 14, 10, 0, 0, TimeSpan.Zero);

    protected static readonly MemoryScope Scope = MemoryScope.ForUser("acme", "alice");

    protected FakeOpenAIServer Server { get; private set; } = null!;

    protected FakeTimeProvider Time { get; } = new(Now);

    private protected ModelUsageTracker Usage { get; } = new();

    protected LlmMemoryOptions LlmOptions { get; } = new();

    public async Task InitializeAsync() => Server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>Options with short retries and timeouts, so the tests stay fast.</summary>
    protected OpenAIMemoryOptions OpenAIOptions(int maxRetries = 2, TimeSpan? timeout = null, int? dimensions = null) => new()
    {
        ApiKey = "test-key",
        Endpoint = Server.BaseUri,
        MaxRetries = maxRetries,
        RetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromSeconds(3),
        NetworkTimeout = timeout ?? TimeSpan.FromSeconds(5),
        Dimensions = dimensions,
    };

    private protected OpenAIMemoryClients Clients(OpenAIMemoryOptions? options = null)
        => new(Options.Create(options ?? OpenAIOptions()), Usage);

    private protected LlmExtractor Extractor(OpenAIMemoryOptions? options = null, IMemoryStore? store = null)
        => new(Clients(options).Chat, Options.Create(LlmOptions), Usage, Time, store);

    private protected LlmReconciler Reconciler(OpenAIMemoryOptions? options = null)
        => new(Clients(options).Chat, Options.Create(LlmOptions), Usage, Time);

    private protected LlmQueryExpander Expander(OpenAIMemoryOptions? options = null)
        => new(Clients(options).Chat, Options.Create(LlmOptions), Usage, Time);
}
