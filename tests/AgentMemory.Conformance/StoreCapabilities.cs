namespace AgentMemory.Conformance;

/// <summary>What a store under test can do beyond the contract every store keeps (declared with <see cref="StoreCapabilitiesAttribute"/>).</summary>
[Flags]
public enum StoreCapabilities
{
    /// <summary>Only the common contract.</summary>
    None = 0,

    /// <summary>A second, independent instance over the same storage can be opened (<c>CreateSecondInstanceAsync</c>).</summary>
    SecondInstance = 1,

    /// <summary>The data outlives the instance: a new instance over the same storage reads everything back.</summary>
    Durable = 2,

    /// <summary><c>StorageContainsTextAsync</c> inspects the store's real storage (files, tables, structures).</summary>
    InspectableStorage = 4,
}
