namespace AgentMemory.Vectors;

/// <summary>An approximate score of one row of a partition (a re-scoring candidate).</summary>
/// <param name="Row">The row index.</param>
/// <param name="Score">The approximate score.</param>
internal readonly record struct RowScore(int Row, float Score);
