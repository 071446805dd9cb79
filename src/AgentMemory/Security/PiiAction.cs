namespace AgentMemory.Security;

/// <summary>What the PII guard does with one type of personal data.</summary>
public enum PiiAction
{
    /// <summary>Store it as it is.</summary>
    Keep = 0,

    /// <summary>Replace it with a typed placeholder such as <c>[EMAIL]</c>.</summary>
    Redact = 1,

    /// <summary>Replace it with a stable keyed hash (<c>[EMAIL:3f9a…]</c>), so equal values still match.</summary>
    Hash = 2,

    /// <summary>Do not store the memory at all: quarantine it.</summary>
    Block = 3,
}
