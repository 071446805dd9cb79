using AgentMemory.PostgreSql.Schema;
using Npgsql;

namespace AgentMemory.PostgreSql.Tests;

/// <summary>A schema written by an earlier version of the library upgrades in place, without loss.</summary>
public sealed class MigrationTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task InitializeAsync_SchemaV1WithData_UpgradesAndKeepsSearching()
    {
        var options = new PostgreSqlMemoryStoreOptions { Schema = DatabaseFixture.NewSchema() };
        var s = options.Schema;
        var id = Guid.NewGuid();
        await using var source = database.NewDataSource();
        await using (var connection = await source.OpenConnectionAsync())
        {
            await Exec(connection, $"CREATE SCHEMA {s}; CREATE TABLE {s}.schema_version (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());");
            await Exec(connection, PostgreSqlSchema.Version1(options) + $"INSERT INTO {s}.schema_version (version) VALUES (1);");
            await Exec(
                connection,
                $"""
                INSERT INTO {s}.memories (tenant_id, user_id, agent_id, session_id, id, kind, text, importance, source, created_at, updated_at, version, schema_version)
                VALUES ('acme', 'ada', '', '', '{id}', 1, 'prefers green tea in the morning', 0.8, 0, now(), now(), 2, 1)
                """);
        }

        await using var store = new PostgreSqlMemoryStore(source, options);
        await store.InitializeAsync();
        var scope = MemoryScope.ForUser("acme", "ada");

        var record = await store.GetAsync(scope, id);
        record.Should().NotBeNull();
        record!.Text.Should().Be("prefers green tea in the morning");
        record.Version.Should().Be(2);
        record.Context.Should().BeNull();
        (await store.SearchAsync(new MemorySearchRequest { Scope = scope, Text = "green tea" })).LexicalMatches.Should().ContainSingle().Which.Record.Id.Should().Be(id);

        await store.UpdateAsync(record with { Context = "What do you drink at breakfast?" });
        (await store.GetAsync(scope, id))!.Context.Should().Be("What do you drink at breakfast?");
        (await store.SearchAsync(new MemorySearchRequest { Scope = scope, Text = "breakfast" })).LexicalMatches.Should().ContainSingle().Which.Record.Id.Should().Be(id);
    }

    private static async Task Exec(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
