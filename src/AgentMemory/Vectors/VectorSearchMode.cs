namespace AgentMemory.Vectors;

/// <summary>How a <see cref="VectorPartition"/> scans its vectors.</summary>
internal enum VectorSearchMode
{
    /// <summary>Every float32 row is scored exactly (the default).</summary>
    Exact = 0,

    /// <summary>
    /// Rows are also held as int8 codes (one scale per vector); a query scans the codes, keeps the best
    /// <see cref="VectorPartitionOptions.RescoreFactor"/> × k candidates and re-scores them with the exact float dot.
    /// About 4× less data per query at the cost of ≈ 25% more memory (the float rows are kept for re-scoring).
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Int8 names the quantisation format, as the issue and the literature do.")]
    Int8 = 1,
}
