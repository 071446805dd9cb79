namespace AgentMemory;

/// <summary>Why a memory or query was rejected.</summary>
public enum MemoryValidationError
{
    /// <summary>The text is empty or white space.</summary>
    EmptyText = 0,

    /// <summary>The text is longer than the configured limit.</summary>
    TextTooLong = 1,

    /// <summary>The vector's dimension differs from the store's.</summary>
    DimensionMismatch = 2,

    /// <summary>The vector holds NaN or infinity.</summary>
    NonFiniteVector = 3,

    /// <summary>The vector is all zeros and cannot be normalised.</summary>
    ZeroVector = 4,

    /// <summary>Importance is outside [0, 1] or not a number.</summary>
    InvalidImportance = 5,

    /// <summary>Another field is invalid (metadata, times, topic).</summary>
    InvalidField = 6,

    /// <summary>A text field holds ill-formed UTF-16 (a lone surrogate). <see cref="IAgentMemory"/> repairs such text before it reaches a store; a store rejects it.</summary>
    IllFormedText = 7,

    /// <summary>A field or collection is larger than its documented limit (metadata, provenance, topic).</summary>
    LimitExceeded = 8,
}
