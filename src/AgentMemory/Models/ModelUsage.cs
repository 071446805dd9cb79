namespace AgentMemory.Models;

/// <summary>Model usage summed over calls.</summary>
/// <param name="Calls">How many model calls completed (including retried ones that returned a response).</param>
/// <param name="InputTokens">Input (prompt) tokens reported by the model.</param>
/// <param name="OutputTokens">Output (completion) tokens reported by the model.</param>
public readonly record struct ModelUsage(long Calls, long InputTokens, long OutputTokens)
{
    /// <summary>Input plus output tokens.</summary>
    public long TotalTokens => InputTokens + OutputTokens;

    /// <summary>Adds two usages.</summary>
    public static ModelUsage operator +(ModelUsage left, ModelUsage right)
        => new(left.Calls + right.Calls, left.InputTokens + right.InputTokens, left.OutputTokens + right.OutputTokens);

    /// <summary>Adds two usages.</summary>
    public static ModelUsage Add(ModelUsage left, ModelUsage right) => left + right;
}
