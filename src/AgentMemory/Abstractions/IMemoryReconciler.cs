namespace AgentMemory;

/// <summary>Decides whether a candidate adds, updates, supersedes or deletes a stored memory, or changes nothing.</summary>
public interface IMemoryReconciler
{
    /// <summary>Decides for one candidate. A decision naming a target must name one of the request's neighbours.</summary>
    Task<ReconciliationDecision> ReconcileAsync(ReconciliationRequest request, CancellationToken cancellationToken = default);
}
