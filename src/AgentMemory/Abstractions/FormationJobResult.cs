namespace AgentMemory;

/// <summary>How a formation job ended (<see cref="IAgentMemory.WaitForFormationAsync"/>).</summary>
/// <param name="JobId">The job.</param>
/// <param name="Status">Completed or parked as failed.</param>
/// <param name="Attempts">How many attempts failed (for a parked job: all of them; 0 for a completed one).</param>
/// <param name="Error">The last failure of a parked job (exception type and message, no user text); null when completed.</param>
public sealed record FormationJobResult(Guid JobId, FormationJobStatus Status, int Attempts = 0, string? Error = null);
