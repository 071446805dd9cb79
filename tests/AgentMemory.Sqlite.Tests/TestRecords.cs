namespace AgentMemory.Sqlite.Tests;

internal static class TestRecords
{
    public static float[] Axis(int dimension, int axis)
    {
        var v = new float[dimension];
        v[axis % dimension] = 1f;
        return v;
    }

    public static MemoryRecord Create(MemoryScope scope, string text, float[]? vector = null) => new()
    {
        Id = Guid.NewGuid(),
        Scope = scope,
        Kind = MemoryKind.Semantic,
        Text = text,
        Embedding = vector ?? ReadOnlyMemory<float>.Empty,
    };
}
