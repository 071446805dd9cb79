namespace AgentMemory.Tests.Retrieval;

/// <summary>Memory records for ranking tests: a text in <see cref="RetrieverFixture.Scope"/> at the Unix epoch.</summary>
internal static class TestRecords
{
    public static MemoryRecord Record(string text, MemoryKind kind = MemoryKind.Semantic) => new()
    {
        Id = Guid.NewGuid(),
        Scope = RetrieverFixture.Scope,
        Kind = kind,
        Text = text,
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };
}
