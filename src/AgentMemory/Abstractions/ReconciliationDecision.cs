namespace AgentMemory;

/// <summary>A reconciler's answer for one candidate.</summary>
/// <param name="Action">What to do.</param>
/// <param name="TargetId">For update, supersede and delete: the existing memory (one of the request's neighbours).</param>
/// <param name="Text">For add, update and supersede: the text to store (defaults to the candidate's).</param>
/// <param name="Reason">A short reason, no user text.</param>
public sealed record ReconciliationDecision(
    ReconciliationAction Action,
    Guid? TargetId = null,
    string? Text = null,
    string? Reason = null)
{
    /// <summary>Store the candidate as new.</summary>
    public static ReconciliationDecision Add { get; } = new(ReconciliationAction.Add);

    /// <summary>Store nothing.</summary>
    public static ReconciliationDecision Nothing { get; } = new(ReconciliationAction.None);
}
