using Npgsql;

namespace AgentMemory.PostgreSql.Tests;

/// <summary>A database of its own for one test class: created before its first test, dropped after its last.</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private readonly string _name = "am_test_" + Guid.NewGuid().ToString("N");

    /// <summary>The connection string of the class's database.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        await using var admin = await PostgresTestServer.OpenAdminAsync();
        await using (var cmd = new NpgsqlCommand($"CREATE DATABASE {_name}", admin))
        {
            await cmd.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(PostgresTestServer.ConnectionString) { Database = _name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = await PostgresTestServer.OpenAdminAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", admin);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>A new data source over the class's database (each store instance gets its own).</summary>
    public NpgsqlDataSource NewDataSource() => NpgsqlDataSource.Create(ConnectionString);

    /// <summary>A fresh schema name, so each test's store starts over empty storage.</summary>
    public static string NewSchema() => "s_" + Guid.NewGuid().ToString("N");
}
