namespace AgentMemory.Sqlite.Internal;

/// <summary>A <see cref="SqliteDataReader"/>'s current row as <see cref="IRecordColumns"/>.</summary>
internal readonly struct ReaderColumns(SqliteDataReader reader) : IRecordColumns
{
    public bool IsNull(int ordinal) => reader.IsDBNull(ordinal);

    public long GetInt64(int ordinal) => reader.GetInt64(ordinal);

    public double GetDouble(int ordinal) => reader.GetDouble(ordinal);

    public string GetString(int ordinal) => reader.GetString(ordinal);

    public Guid GetGuid(int ordinal) => SqliteValues.ReadGuid(reader, ordinal);
}
