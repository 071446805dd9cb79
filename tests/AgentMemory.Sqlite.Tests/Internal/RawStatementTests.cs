using AgentMemory.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace AgentMemory.Sqlite.Tests.Internal;

public sealed class RawStatementTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly SqliteConnection _connection;

    public RawStatementTests()
    {
        _connection = new SqliteConnection(_db.ConnectionString + ";Pooling=False");
        _connection.Open();
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "CREATE TABLE counters (id INTEGER PRIMARY KEY, value INTEGER NOT NULL); INSERT INTO counters VALUES (1, 41), (2, 7)";
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public void ExecuteScalarInt64_ReturnsTheReturnedColumn_AndTheStatementRunsAgain()
    {
        using var bump = new RawStatement(_connection.Handle!, "UPDATE counters SET value = value + 1 WHERE id = ?1 RETURNING value");

        bump.Bind(1, 1L);
        bump.ExecuteScalarInt64().Should().Be(42);
        bump.Bind(1, 2L);
        bump.ExecuteScalarInt64().Should().Be(8);
        bump.Bind(1, 1L);
        bump.ExecuteScalarInt64().Should().Be(43);
    }

    [Fact]
    public void ExecuteScalarInt64_NoRow_Throws_AndTheStatementRunsAgain()
    {
        using var bump = new RawStatement(_connection.Handle!, "UPDATE counters SET value = value + 1 WHERE id = ?1 RETURNING value");

        bump.Bind(1, 99L);
        var act = () => bump.ExecuteScalarInt64();

        act.Should().Throw<InvalidOperationException>();
        bump.Bind(1, 2L);
        bump.ExecuteScalarInt64().Should().Be(8);
    }

    [Fact]
    public void Execute_ConstraintViolation_ThrowsSqliteException_AndTheStatementRunsAgain()
    {
        using var insert = new RawStatement(_connection.Handle!, "INSERT INTO counters(id, value) VALUES (?1, ?2)");

        insert.Bind(1, 1L);
        insert.Bind(2, 0L);
        var act = () => insert.Execute();

        act.Should().Throw<SqliteException>().Which.SqliteErrorCode.Should().Be(19); // SQLITE_CONSTRAINT
        insert.Bind(1, 3L);
        insert.Bind(2, 5L);
        insert.ExecuteInsert().Should().Be(3);
    }

    public void Dispose()
    {
        _connection.Dispose();
        _db.Dispose();
    }
}
