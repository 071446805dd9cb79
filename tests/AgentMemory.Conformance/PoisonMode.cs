namespace AgentMemory.Conformance;

/// <summary>How <see cref="PoisonableEmbeddingGenerator"/> fails.</summary>
public enum PoisonMode
{
    /// <summary>It works.</summary>
    None,

    /// <summary>It returns vectors of NaN.</summary>
    NaN,

    /// <summary>It throws.</summary>
    Throws,
}
