namespace AgentMemory.Sqlite.Internal;

/// <summary>
/// The current row's columns, as <see cref="RecordRow.Read{TColumns}"/> reads them: from a <see cref="SqliteDataReader"/>
/// (<see cref="ReaderColumns"/>) or straight from a native statement (<see cref="StatementColumns"/>, the scope load).
/// </summary>
internal interface IRecordColumns
{
    bool IsNull(int ordinal);

    long GetInt64(int ordinal);

    double GetDouble(int ordinal);

    string GetString(int ordinal);

    /// <summary>A GUID stored as its 16-byte BLOB (<see cref="SqliteValues.ToBlob"/>).</summary>
    Guid GetGuid(int ordinal);
}
