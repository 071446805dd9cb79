using AgentMemory.Storage.InMemory;

namespace AgentMemory;

// Registers the in-memory store.
public sealed partial class AgentMemoryBuilder
{
    /// <summary>
    /// Uses the process-local in-memory store: one singleton registered as both
    /// <see cref="IMemoryStore"/> and <see cref="IFormationOutbox"/>, replacing any store registered before.
    /// Nothing survives the process; use a durable store (SQLite, PostgreSQL) in production.
    /// </summary>
    /// <param name="configure">Configures <see cref="InMemoryStoreOptions"/>.</param>
    /// <returns>The builder.</returns>
    public AgentMemoryBuilder UseInMemoryStore(Action<InMemoryStoreOptions>? configure = null)
    {
        var services = Services;
        var options = services.AddOptions<InMemoryStoreOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InMemoryStoreOptions>, InMemoryStoreOptionsValidator>());
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.RemoveAll<InMemoryMemoryStore>();
        services.RemoveAll<IMemoryStore>();
        services.RemoveAll<IFormationOutbox>();
        services.AddSingleton(sp => new InMemoryMemoryStore(
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<IOptions<InMemoryStoreOptions>>().Value));
        services.AddSingleton<IMemoryStore>(sp => sp.GetRequiredService<InMemoryMemoryStore>());
        services.AddSingleton<IFormationOutbox>(sp => sp.GetRequiredService<InMemoryMemoryStore>());
        return this;
    }
}
