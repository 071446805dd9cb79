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
            NpgsqlDataSource.Create(connectionString),
            ownsDataSource: true,
            sp.GetRequiredService<IOptions<PostgreSqlMemoryStoreOptions>>().Value,
            sp.GetService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<PostgreSqlMemoryStore>()));
        builder.Services.AddSingleton<IMemoryStore>(static sp => sp.GetRequiredService<PostgreSqlMemoryStore>());
        builder.Services.AddSingleton<IFormationOutbox>(static sp => sp.GetRequiredService<PostgreSqlMemoryStore>());
        return builder;
    }
}
