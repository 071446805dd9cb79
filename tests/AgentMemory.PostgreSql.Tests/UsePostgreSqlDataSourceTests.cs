using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AgentMemory.PostgreSql.Tests;

/// <summary><c>UsePostgreSql(Func&lt;IServiceProvider, NpgsqlDataSource&gt;)</c> against a real server: the host's data source is used and stays the host's.</summary>
public sealed class UsePostgreSqlDataSourceTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task UsePostgreSql_HostDataSource_StoresThroughItAndLeavesItUndisposed()
    {
        var hostSource = new NpgsqlDataSourceBuilder(database.ConnectionString) { Name = "host-configured" }.Build();
        await using var owned = hostSource;
        var schema = DatabaseFixture.NewSchema();
        var services = new ServiceCollection();
        services.AddSingleton(hostSource);
        services.AddAgentMemory(o => o.Formation.Mode = FormationMode.Inline).UsePostgreSql(sp => sp.GetRequiredService<NpgsqlDataSource>(), o => o.Schema = schema);
        var scope = MemoryScope.ForUser("acme", "alice");

        await using (var provider = services.BuildServiceProvider())
        {
            var saved = await provider.GetRequiredService<IAgentMemory>().SaveAsync(scope, new MemoryCandidate { Kind = MemoryKind.Semantic, Text = "Alice lives in Paris." });
            saved.Record.Should().NotBeNull();
        }

        // The container is gone; the host's data source still works and holds the row in the schema chosen above.
        await using var command = hostSource.CreateCommand($"SELECT count(*) FROM {schema}.memories WHERE tenant_id = 'acme'");
        ((long)(await command.ExecuteScalarAsync())!).Should().Be(1);
    }

}
