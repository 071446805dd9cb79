namespace AgentMemory.Conformance;

/// <summary>How the conformance suite configures a store under test.</summary>
public sealed class StoreTestOptions
{
    /// <summary>The longest memory text the store must accept (longer is rejected).</summary>
    public int MaxTextLength { get; init; } = 2_000;

    /// <summary>The vector dimension the tests use.</summary>
    public int Dimension { get; init; } = 8;
}
