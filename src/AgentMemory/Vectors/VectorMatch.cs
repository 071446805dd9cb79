namespace AgentMemory.Vectors;

/// <summary>One result of a vector scan: the row's id and its dot-product score.</summary>
/// <param name="Id">The vector's id.</param>
/// <param name="Score">The dot product with the query (cosine similarity for normalised vectors).</param>
internal readonly record struct VectorMatch(Guid Id, float Score);
