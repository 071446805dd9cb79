using AgentMemory.Conformance;
using Npgsql;

namespace AgentMemory.PostgreSql.Tests;

/// <summary>The shared store conformance suite against a real PostgreSQL server (plain tables).</summary>
[StoreCapabilities(StoreCapabilities.SecondInstance | StoreCapabilities.Durable | StoreCapabilities.InspectableStorage)]
public class PostgreSqlConformanceTests(DatabaseFixture database) : MemoryStoreConformanceTests, IClassFixture<DatabaseFixture>
{
    private readonly List<NpgsqlDataSource> _sources = [];
    private string _schema = string.Empty;

    /// <summary>How many tenant hash partitions the schema gets.</summary>
    protected virtual int TenantPartitions => 0;

    protected override Task<IMemoryStore> CreateStoreAsync(TimeProvider time, StoreTestOptions options)
    {
        _schema = DatabaseFixture.NewSchema();
        return CreateAsync(time, options);
    }

    protected override Task<IMemoryStore> CreateSecondInstanceAsync(TimeProvider time, StoreTestOptions options) => CreateAsync(time, options);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var source in _sources)
        {
            await source.DisposeAsync();
        }
    }

    /// <summary>Searches every row of every table of the store's schema (rows cast to text, tsvectors included) for the text.</summary>
    protected override async Task<bool> StorageContainsTextAsync(string text)
    {
        await using var source = database.NewDataSource();
        await using var connection = await source.OpenConnectionAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = @schema", connection))
        {
            list.Parameters.AddWithValue("schema", _schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        tables.Should().Contain("memories");
        foreach (var table in tables)
        {
            await using var find = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM \"{_schema}\".\"{table}\" t WHERE strpos(lower(t::text), lower(@text)) > 0)", connection);
            find.Parameters.AddWithValue("text", text);
            if ((bool)(await find.ExecuteScalarAsync())!)
            {
                return true;
            }
        }

        return false;
    }

    private async Task<IMemoryStore> CreateAsync(TimeProvider time, StoreTestOptions options)
    {
        var source = database.NewDataSource();
        _sources.Add(source);
        var store = new PostgreSqlMemoryStore(source, new PostgreSqlMemoryStoreOptions { Schema = _schema, MaxTextLength = options.MaxTextLength, TenantPartitions = TenantPartitions }, time);
        await store.InitializeAsync();
        return store;
    }
}

/// <summary>The same suite with the tables hash-partitioned by tenant.</summary>
public sealed class PostgreSqlPartitionedConformanceTests(DatabaseFixture database) : PostgreSqlConformanceTests(database)
{
    protected override int TenantPartitions => 4;

    protected override int PropertyIterations => 10;
}
