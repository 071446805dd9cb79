namespace AgentMemory.Security;

/// <summary>Options of the memory guards, bound as <c>AgentMemoryOptions.Security</c>.</summary>
public sealed class SecurityOptions
{
    /// <summary>The poisoning guard.</summary>
    [ValidateObjectMembers]
    public PoisoningGuardOptions Poisoning { get; set; } = new();

    /// <summary>The PII guard.</summary>
    [ValidateObjectMembers]
    public PiiGuardOptions Pii { get; set; } = new();

    /// <summary>The optional model judge.</summary>
    public ModelJudgeOptions ModelJudge { get; set; } = new();
}
