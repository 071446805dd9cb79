namespace AgentMemory.Sqlite.Internal;

/// <summary>
/// A <see cref="RawStatement"/>'s current row as <see cref="IRecordColumns"/>: a struct, so a generic reader is compiled
/// for it with direct calls instead of shared code dispatching through the interface.
/// </summary>
internal readonly struct StatementColumns(RawStatement statement) : IRecordColumns
{
    public bool IsNull(int ordinal) => statement.IsNull(ordinal);

    public long GetInt64(int ordinal) => statement.GetInt64(ordinal);

    public double GetDouble(int ordinal) => statement.GetDouble(ordinal);

    public string GetString(int ordinal) => statement.GetString(ordinal);

    public Guid GetGuid(int ordinal) => statement.GetGuid(ordinal);
}
