namespace AgentMemory.Sqlite.Tests;

/// <summary>The conformance suite again with every lexical search answered by FTS5 (no cached BM25 index).</summary>
public sealed class SqliteFts5LexicalConformanceTests : SqliteMemoryStoreConformanceTests
{
    protected override bool CacheLexicalIndex => false;
}
