namespace AgentMemory;

/// <summary>A guard's verdict on a candidate.</summary>
public enum GuardAction
{
    /// <summary>Store it as it is.</summary>
    Allow = 0,

    /// <summary>Store the guard's rewritten candidate (e.g. with personal data redacted).</summary>
    Rewrite = 1,

    /// <summary>Do not store it: quarantine it with the reason.</summary>
    Block = 2,
}
