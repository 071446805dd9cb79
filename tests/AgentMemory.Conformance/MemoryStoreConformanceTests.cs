using Microsoft.Extensions.Time.Testing;

namespace AgentMemory.Conformance;

/// <summary>
/// The behaviour every <see cref="IMemoryStore"/> + <see cref="IFormationOutbox"/> must show. A store's test project
/// derives from this class and implements <see cref="CreateStoreAsync"/>; capabilities (<see cref="StoreCapabilitiesAttribute"/>
/// on the test class) cover what stores legitimately differ in, and a fact needing one the store lacks is reported as
/// skipped (<see cref="CapabilityFactAttribute"/>). Every fact is virtual so a store can add to (never weaken) a check.
/// </summary>
public abstract partial class MemoryStoreConformanceTests : IAsyncLifetime
{
    private readonly List<IMemoryStore> _created = [];

    /// <summary>The fixed start of the fake clock.</summary>
    protected static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The clock given to the store; tests advance it.</summary>
    protected FakeTimeProvider Time { get; } = new(Start);

    /// <summary>The options the store is created with.</summary>
    protected virtual StoreTestOptions Options { get; } = new();

    /// <summary>The store under test (created fresh for each test).</summary>
    protected IMemoryStore Store { get; private set; } = null!;

    /// <summary>The same store as an outbox.</summary>
    protected IFormationOutbox Outbox => (IFormationOutbox)Store;

    /// <summary>Whether <see cref="CreateSecondInstanceAsync"/> is supported (durable stores: a second process/connection).</summary>
    protected bool SupportsSecondInstance => Capabilities.HasFlag(StoreCapabilities.SecondInstance);

    /// <summary>Whether the data outlives the instance: a new instance over the same storage (<see cref="CreateSecondInstanceAsync"/>) reads everything back.</summary>
    protected bool IsDurable => Capabilities.HasFlag(StoreCapabilities.Durable);

    /// <summary>Whether <see cref="StorageContainsTextAsync"/> inspects the store's real storage (files, tables, structures).</summary>
    protected bool CanInspectStorage => Capabilities.HasFlag(StoreCapabilities.InspectableStorage);

    /// <summary>What the store under test declares with <see cref="StoreCapabilitiesAttribute"/> on its test class.</summary>
    protected StoreCapabilities Capabilities => CapabilityFactDiscoverer.Declared(GetType());

    /// <summary>How many random interleavings the property-based isolation test runs.</summary>
    protected virtual int PropertyIterations => 30;

    /// <summary>The dimension used by the tests.</summary>
    protected int Dim => Options.Dimension;

    /// <summary>Creates an empty store over fresh storage that also implements <see cref="IFormationOutbox"/>.</summary>
    protected abstract Task<IMemoryStore> CreateStoreAsync(TimeProvider time, StoreTestOptions options);

    /// <summary>Creates a second, independent store instance over the same storage as <see cref="Store"/>.</summary>
    protected virtual Task<IMemoryStore> CreateSecondInstanceAsync(TimeProvider time, StoreTestOptions options)
        => throw new NotSupportedException("This store has no second instance over the same storage.");

    /// <summary>
    /// Whether <paramref name="text"/> is still anywhere in the store's storage (rows, files, free pages, logs). Only
    /// called when <see cref="CanInspectStorage"/> is true.
    /// </summary>
    protected virtual Task<bool> StorageContainsTextAsync(string text) => Task.FromResult(false);

    /// <inheritdoc />
    public virtual async Task InitializeAsync()
    {
        Store = await CreateStoreAsync(Time, Options);
        Track(Store);
        (Store is IFormationOutbox).Should().BeTrue("every store is also the formation outbox");
    }

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        foreach (var store in _created)
        {
            switch (store)
            {
                case IAsyncDisposable a:
                    await a.DisposeAsync();
                    break;
                case IDisposable d:
                    d.Dispose();
                    break;
            }
        }
    }

    /// <summary>Disposes <paramref name="store"/> with the test.</summary>
    protected T Track<T>(T store)
        where T : IMemoryStore
    {
        _created.Add(store);
        return store;
    }

    /// <summary>A second instance, tracked for disposal.</summary>
    protected async Task<IMemoryStore> SecondAsync() => Track(await CreateSecondInstanceAsync(Time, Options));

    /// <summary>A user scope.</summary>
    protected static MemoryScope User(string tenant = "t1", string user = "u1") => MemoryScope.ForUser(tenant, user);

    /// <summary>A session scope.</summary>
    protected static MemoryScope Session(string tenant = "t1", string user = "u1", string session = "s1") => MemoryScope.ForUser(tenant, user).WithSession(session);

    /// <summary>Adds a record with text and an optional vector along <paramref name="axis"/>.</summary>
    protected Task<MemoryRecord> AddAsync(MemoryScope scope, string text, int? axis = null, MemoryKind kind = MemoryKind.Semantic)
        => Store.AddAsync(MemoryRecordFactory.Create(scope, text, axis is { } a ? MemoryRecordFactory.Axis(Dim, a) : null, kind));

    /// <summary>Lists everything a listing returns.</summary>
    protected async Task<List<MemoryRecord>> ListAsync(MemoryScope scope, ScopeMatch match = ScopeMatch.Visible, MemoryFilter? filter = null, bool includeExpired = false, IMemoryStore? store = null)
    {
        var result = new List<MemoryRecord>();
        await foreach (var r in (store ?? Store).ListAsync(scope, new MemoryListOptions { Match = match, Filter = filter ?? MemoryFilter.None, IncludeExpired = includeExpired }))
        {
            result.Add(r);
        }

        return result;
    }

    /// <summary>Reads the audit trail.</summary>
    protected async Task<List<AuditEntry>> AuditAsync(MemoryScope scope, IReadOnlySet<AuditAction>? actions = null, DateTimeOffset? from = null, DateTimeOffset? to = null, int limit = 1000)
    {
        var result = new List<AuditEntry>();
        await foreach (var a in Store.QueryAuditAsync(new AuditQuery { Scope = scope, Actions = actions, From = from, To = to, Limit = limit }))
        {
            result.Add(a);
        }

        return result;
    }

    /// <summary>Reads the quarantine.</summary>
    protected async Task<List<QuarantinedMemory>> QuarantineAsync(MemoryScope scope)
    {
        var result = new List<QuarantinedMemory>();
        await foreach (var q in Store.ListQuarantineAsync(scope))
        {
            result.Add(q);
        }

        return result;
    }

    /// <summary>Searches by vector along <paramref name="axis"/> and/or by text.</summary>
    protected Task<MemorySearchResult> SearchAsync(MemoryScope scope, int? axis = null, string? text = null, int limit = 50, MemoryFilter? filter = null, IMemoryStore? store = null)
        => (store ?? Store).SearchAsync(new MemorySearchRequest
        {
            Scope = scope,
            Vector = axis is { } a ? MemoryRecordFactory.Axis(Dim, a) : ReadOnlyMemory<float>.Empty,
            Text = text,
            Limit = limit,
            Filter = filter ?? MemoryFilter.None,
        });

    /// <summary>A formation job.</summary>
    protected FormationJob Job(MemoryScope scope, string payload = "{}", Guid? id = null)
        => new() { Id = id ?? Guid.NewGuid(), Scope = scope, Payload = payload, EnqueuedAt = Time.GetUtcNow() };
}
