using AgentMemory;
using AgentMemory.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PostgreSQL store.</summary>
public static class PostgreSqlAgentMemoryBuilderExtensions
{
    /// <summary>
    /// Uses PostgreSQL as the memory store and formation outbox: one singleton <see cref="PostgreSqlMemoryStore"/>, built on
    /// an <see cref="NpgsqlDataSource"/> for <paramref name="connectionString"/>, registered as both
    /// <see cref="IMemoryStore"/> and <see cref="IFormationOutbox"/>, replacing any store registered before.
    /// </summary>
    /// <param name="builder">The AgentMemory builder.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="configure">Optional configuration of <see cref="PostgreSqlMemoryStoreOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The connection string is empty.</exception>
    public static AgentMemoryBuilder UsePostgreSql(this AgentMemoryBuilder builder, string connectionString, Action<PostgreSqlMemoryStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return Register(builder, _ => NpgsqlDataSource.Create(connectionString), ownsDataSource: true, configure);
    }

    /// <summary>
    /// Uses PostgreSQL as the memory store and formation outbox over the host's own <see cref="NpgsqlDataSource"/> (with
    /// its pooling, authentication, logging and tracing as the host configured them), e.g.
    /// <c>UsePostgreSql(sp =&gt; sp.GetRequiredService&lt;NpgsqlDataSource&gt;())</c>. The data source stays the
    /// host's: AgentMemory never disposes it. Registered as <see cref="UsePostgreSql(AgentMemoryBuilder, string, Action{PostgreSqlMemoryStoreOptions}?)"/> is.
    /// </summary>
    /// <param name="builder">The AgentMemory builder.</param>
    /// <param name="dataSource">Returns the data source (called once, when the store is first resolved).</param>
    /// <param name="configure">Optional configuration of <see cref="PostgreSqlMemoryStoreOptions"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="dataSource"/> is null.</exception>
    /// <exception cref="InvalidOperationException">At resolution: <paramref name="dataSource"/> returned null.</exception>
    public static AgentMemoryBuilder UsePostgreSql(this AgentMemoryBuilder builder, Func<IServiceProvider, NpgsqlDataSource> dataSource, Action<PostgreSqlMemoryStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataSource);
        return Register(
            builder,
            sp => dataSource(sp) ?? throw new InvalidOperationException("The NpgsqlDataSource factory given to UsePostgreSql returned null."),
            ownsDataSource: false,
            configure);
    }

    private static AgentMemoryBuilder Register(AgentMemoryBuilder builder, Func<IServiceProvider, NpgsqlDataSource> dataSource, bool ownsDataSource, Action<PostgreSqlMemoryStoreOptions>? configure)
    {
        var options = builder.Services.AddOptions<PostgreSqlMemoryStoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(static o =>
        {
            o.Validate();
            return true;
        }).ValidateOnStart();
        builder.Services.RemoveAll<IMemoryStore>();
        builder.Services.RemoveAll<IFormationOutbox>();
        builder.Services.RemoveAll<PostgreSqlMemoryStore>();
        builder.Services.AddSingleton(sp => new PostgreSqlMemoryStore(
            dataSource(sp),
            ownsDataSource,
            sp.GetRequiredService<IOptions<PostgreSqlMemoryStoreOptions>>().Value,
            sp.GetService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<PostgreSqlMemoryStore>()));
        builder.Services.AddSingleton<IMemoryStore>(static sp => sp.GetRequiredService<PostgreSqlMemoryStore>());
        builder.Services.AddSingleton<IFormationOutbox>(static sp => sp.GetRequiredService<PostgreSqlMemoryStore>());
        return builder;
    }
}
