using AgentMemory.Formation;
using AgentMemory.Storage.InMemory;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AgentMemory.Tests.Pipeline;

/// <summary>A real container (AddAgentMemory + the in-memory store) on a fake clock.</summary>
internal sealed class MemoryTestHost : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly MemoryScope Alice = MemoryScope.ForUser("acme", "alice");
    public static readonly MemoryScope Bob = MemoryScope.ForUser("acme", "bob");

    public MemoryTestHost(Action<AgentMemoryOptions>? configure = null, InMemoryMemoryStore? store = null, FakeTimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        Clock = clock ?? new FakeTimeProvider(Start);
        Store = store ?? new InMemoryMemoryStore(Clock);
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddSingleton<IMemoryStore>(Store);
        services?.Invoke(collection);
        collection.AddAgentMemory(o =>
        {
            o.Formation.Mode = FormationMode.Inline;
            configure?.Invoke(o);
        });
        Provider = collection.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; }

    public InMemoryMemoryStore Store { get; }

    public ServiceProvider Provider { get; }

    public IAgentMemory Memory => Provider.GetRequiredService<IAgentMemory>();

    public IFormationPump Pump => Provider.GetRequiredService<IFormationPump>();

    public IFormationOutbox Outbox => Provider.GetRequiredService<IFormationOutbox>();

    public static ChatMessage User(string text) => new(ChatRole.User, text);

    public async Task<List<MemoryRecord>> ListAsync(MemoryScope scope, MemoryKind? kind = null)
    {
        var list = new List<MemoryRecord>();
        await foreach (var r in Memory.ListAsync(scope, new MemoryListOptions { Match = ScopeMatch.Within }))
        {
            if (kind is null || r.Kind == kind)
            {
                list.Add(r);
            }
        }

        return list;
    }

    public void Dispose() => Provider.Dispose();
}
