using AgentMemory;
using AgentMemory.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SQLite store.</summary>
public static class SqliteAgentMemoryBuilderExtensions
{
    /// <summary>
    /// Uses the embedded durable <see cref="SqliteMemoryStore"/> over one SQLite file: one singleton registered as both
    /// <see cref="IMemoryStore"/> and <see cref="IFormationOutbox"/>, replacing any store registered before. The schema is
    /// created or upgraded when the store is first resolved.
    /// </summary>
    /// <param name="builder">The AgentMemory builder.</param>
    /// <param name="connectionString">The connection string, e.g. <c>Data Source=memory.db</c>.</param>
    /// <param name="configure">Configures <see cref="SqliteMemoryStoreOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static AgentMemoryBuilder UseSqlite(this AgentMemoryBuilder builder, string connectionString, Action<SqliteMemoryStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var services = builder.Services;
        services.AddOptions<SqliteMemoryStoreOptions>()
            .Configure(o =>
            {
                o.ConnectionString = connectionString;
                configure?.Invoke(o);
            })
            .Validate(
                o => o.BusyTimeout >= TimeSpan.Zero && o.ScrubBusyTimeout >= TimeSpan.Zero && o.ScrubRetryInterval > TimeSpan.Zero,
                "SqliteMemoryStoreOptions: BusyTimeout and ScrubBusyTimeout must not be negative; ScrubRetryInterval must be positive.")
            .ValidateOnStart();

        // The [Required]/[Range] declarations on the options, checked by a source-generated validator.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteMemoryStoreOptions>, SqliteMemoryStoreOptionsValidator>());

        services.RemoveAll<SqliteMemoryStore>();
        services.RemoveAll<IMemoryStore>();
        services.RemoveAll<IFormationOutbox>();
        services.AddSingleton(sp => new SqliteMemoryStore(
            sp.GetRequiredService<IOptions<SqliteMemoryStoreOptions>>().Value,
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<ILogger<SqliteMemoryStore>>()));
        services.AddSingleton<IMemoryStore>(sp => sp.GetRequiredService<SqliteMemoryStore>());
        services.AddSingleton<IFormationOutbox>(sp => sp.GetRequiredService<SqliteMemoryStore>());
        return builder;
    }
}
