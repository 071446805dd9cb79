using AgentMemory.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace AgentMemory.Sqlite.Tests.Schema;

public sealed class MigrationTests : IDisposable
{
    private readonly TempDatabase _db = new();

    [Fact]
    public async Task Open_FileWithDashIdsKeyedAsUnset_RekeysThemSoTheTenantNoLongerSeesThem()
    {
        using (var connection = new SqliteConnection(_db.ConnectionString + ";Pooling=False"))
        {
            connection.Open();
            SqliteSchema.Migrate(connection, 0, targetVersion: 3);
            Exec(connection, "INSERT INTO meta(key, value) VALUES ('dimension', '4')");
            Exec(connection, "INSERT INTO scopes(id, key, tenant, user_id) VALUES (1, 'acme/-/-/-', 'acme', '-')");
            Exec(connection, "INSERT INTO scopes(id, key, tenant, user_id, agent_id) VALUES (2, 'acme/bob/-/-', 'acme', 'bob', '-')");
            Exec(connection, "INSERT INTO scopes(id, key, tenant, user_id, agent_id, session_id) VALUES (3, 'acme/bob/x/-', 'acme', 'bob', 'x', '-')");
            Exec(connection, "INSERT INTO scopes(id, key, tenant, user_id) VALUES (4, 'acme/ann/-/-', 'acme', 'ann')");
        }

        using var store = new SqliteMemoryStore(_db.ConnectionString);

        using var check = new SqliteConnection(_db.ConnectionString + ";Pooling=False");
        check.Open();
        using var keys = check.CreateCommand();
        keys.CommandText = "SELECT key FROM scopes ORDER BY id";
        var list = new List<string>();
        using (var reader = keys.ExecuteReader())
        {
            while (reader.Read())
            {
                list.Add(reader.GetString(0));
            }
        }

        list.Should().Equal(
            MemoryScope.ForUser("acme", "-").Key,
            new MemoryScope("acme", "bob", "-").Key,
            new MemoryScope("acme", "bob", "x", "-").Key,
            MemoryScope.ForUser("acme", "ann").Key);
        (await store.CountAsync(MemoryScope.TenantShared("acme"), ScopeMatch.Exact)).Should().Be(0);
    }

    [Fact]
    public async Task Open_FileWrittenBySchemaV1_UpgradesToCurrentWithoutLoss()
    {
        var scope = MemoryScope.ForUser("t1", "u1");
        var id = Guid.NewGuid();
        var vector = TestRecords.Axis(4, 2);
        var created = new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);
        using (var connection = new SqliteConnection(_db.ConnectionString + ";Pooling=False"))
        {
            connection.Open();
            SqliteSchema.Migrate(connection, created.UtcTicks, targetVersion: 1);
            SqliteSchema.ReadVersion(connection).Should().Be(1);
            Exec(connection, "INSERT INTO meta(key, value) VALUES ('dimension', '4')");
            Exec(connection, "INSERT INTO scopes(id, key, tenant, user_id) VALUES (1, $key, 't1', 'u1')", ("$key", scope.Key));
            Exec(
                connection,
                "INSERT INTO memories(rowid, id, scope_id, kind, text, embedding, topic, importance, source, metadata, created_at, updated_at, access_count, version, schema_version) "
                + "VALUES (1, $id, 1, 1, 'prefers green tea in the morning', $emb, 'drinks', 0.8, 0, '{\"origin\":\"v1\"}', $at, $at, 3, 2, 1)",
                ("$id", SqliteValues.ToBlob(id)),
                ("$emb", SqliteValues.VectorToBlob(vector)),
                ("$at", created.UtcTicks));
            Exec(connection, "INSERT INTO memory_fts(rowid, text, scope) VALUES (1, 'prefers green tea in the morning', 'sc1')");
            Exec(connection, "INSERT INTO history(memory_id, scope_id, version, change, previous_text, new_text, at) VALUES ($id, 1, 1, 0, NULL, 'prefers tea', $at)", ("$id", SqliteValues.ToBlob(id)), ("$at", created.UtcTicks));
            Exec(connection, "INSERT INTO history(memory_id, scope_id, version, change, previous_text, new_text, at) VALUES ($id, 1, 2, 1, 'prefers tea', 'prefers green tea in the morning', $at)", ("$id", SqliteValues.ToBlob(id)), ("$at", created.UtcTicks + 1));
            Exec(connection, "INSERT INTO audit(at, action, scope_id, memory_ids, count) VALUES ($at, 0, 1, $ids, 1)", ("$at", created.UtcTicks), ("$ids", SqliteValues.IdsToBlob([id])));
            Exec(connection, "INSERT INTO jobs(id, scope_id, payload, enqueued_at, attempts) VALUES ($id, 1, '{}', $at, 0)", ("$id", SqliteValues.ToBlob(Guid.NewGuid())), ("$at", created.UtcTicks));
        }

        using var store = new SqliteMemoryStore(_db.ConnectionString);

        using (var check = new SqliteConnection(_db.ConnectionString + ";Pooling=False"))
        {
            check.Open();
            SqliteSchema.ReadVersion(check).Should().Be(SqliteSchema.CurrentVersion);
        }

        var record = await store.GetAsync(scope, id);
        record.Should().NotBeNull();
        record!.Text.Should().Be("prefers green tea in the morning");
        record.Version.Should().Be(2);
        record.AccessCount.Should().Be(3);
        record.Topic.Should().Be("drinks");
        record.Metadata.Should().Contain("origin", "v1");
        record.CreatedAt.Should().Be(created);
        record.ValidFrom.Should().Be(created, "version 5 makes an existing memory valid from when it was stored");
        record.ValidTo.Should().BeNull();
        record.Embedding.ToArray().Should().Equal(vector);
        store.Dimension.Should().Be(4);

        var search = await store.SearchAsync(new MemorySearchRequest { Scope = scope, Vector = vector, Text = "green tea" });
        search.VectorMatches.Should().ContainSingle().Which.Record.Id.Should().Be(id);
        search.LexicalMatches.Should().ContainSingle().Which.Record.Id.Should().Be(id);
        (await store.GetHistoryAsync(scope, id)).Select(h => h.Version).Should().Equal(1, 2);
        var audit = new List<AuditEntry>();
        await foreach (var a in store.QueryAuditAsync(new AuditQuery { Scope = scope }))
        {
            audit.Add(a);
        }

        audit.Should().ContainSingle().Which.MemoryIds.Should().Equal(id);
        (await store.GetStatsAsync()).Pending.Should().Be(1);

        var updated = await store.UpdateAsync(record with { Text = "prefers oolong tea" });
        updated.Version.Should().Be(3);
        (await store.SearchAsync(new MemorySearchRequest { Scope = scope, Text = "oolong" })).LexicalMatches.Should().ContainSingle();

        // Version 3 added the context column to the records and to the rebuilt FTS index.
        var withContext = await store.UpdateAsync(updated with { Context = "What do you drink at breakfast?" });
        (await store.GetAsync(scope, id))!.Context.Should().Be("What do you drink at breakfast?");
        (await store.SearchAsync(new MemorySearchRequest { Scope = scope, Text = "breakfast" })).LexicalMatches.Should().ContainSingle().Which.Record.Id.Should().Be(withContext.Id);

        // Version 5 added validity: a superseded memory leaves "now" but stays for "as of".
        await store.UpdateAsync(withContext with { ValidTo = created.AddDays(1) }, MemoryChangeKind.Superseded, "changed");
        (await store.SearchAsync(new MemorySearchRequest { Scope = scope, Text = "oolong" })).LexicalMatches.Should().BeEmpty();
        (await store.SearchAsync(new MemorySearchRequest { Scope = scope, Text = "oolong", Filter = new MemoryFilter { ValidAt = created } })).LexicalMatches.Should().ContainSingle();
    }

    [Fact]
    public async Task Open_TwiceOrConcurrently_MigratesOnce()
    {
        var opens = Enumerable.Range(0, 4).Select(_ => Task.Run(() => new SqliteMemoryStore(_db.ConnectionString))).ToList();
        var stores = await Task.WhenAll(opens);
        foreach (var s in stores)
        {
            s.Dispose();
        }

        using var connection = new SqliteConnection(_db.ConnectionString + ";Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT group_concat(version) FROM agentmemory_schema ORDER BY version";
        cmd.ExecuteScalar().Should().Be("1,2,3,4,5,6");
    }

    [Fact]
    public async Task Open_FileWrittenBySchemaV3WithQueuedJob_JobStaysClaimable()
    {
        var scope = MemoryScope.ForUser("t1", "u1");
        var id = Guid.NewGuid();
        using (var connection = new SqliteConnection(_db.ConnectionString + ";Pooling=False"))
        {
            connection.Open();
            SqliteSchema.Migrate(connection, 0, targetVersion: 3);
            Exec(connection, "INSERT INTO scopes(id, key, tenant, user_id) VALUES (1, $key, 't1', 'u1')", ("$key", scope.Key));
            Exec(connection, "INSERT INTO jobs(id, scope_id, payload, enqueued_at, attempts, last_error) VALUES ($id, 1, '{}', 1, 2, 'timeout')", ("$id", SqliteValues.ToBlob(id)));
        }

        using var store = new SqliteMemoryStore(_db.ConnectionString);

        (await store.GetStatsAsync()).Should().Match<FormationQueueStats>(s => s.Pending == 1 && s.Failed == 0);
        var job = (await store.ClaimAsync("w1", 1, TimeSpan.FromMinutes(1))).Should().ContainSingle().Subject;
        job.Id.Should().Be(id);
        job.Attempts.Should().Be(2);
        job.FailedAt.Should().BeNull();
    }

    [Fact]
    public void Open_FileFromANewerLibrary_ThrowsMemoryStoreException()
    {
        using (var store = new SqliteMemoryStore(_db.ConnectionString))
        {
        }

        using (var connection = new SqliteConnection(_db.ConnectionString + ";Pooling=False"))
        {
            connection.Open();
            Exec(connection, "INSERT INTO agentmemory_schema(version, applied_at) VALUES (99, 0)");
        }

        var act = () => new SqliteMemoryStore(_db.ConnectionString);

        act.Should().Throw<MemoryStoreException>().WithMessage("*schema version 99*");
    }

    public void Dispose() => _db.Dispose();

    private static void Exec(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        cmd.ExecuteNonQuery();
    }
}
