namespace AgentMemory.Evaluation.FactsOverTime;

/// <summary>Turns a recall into a recall "as of" a past moment (<see cref="RecallRequest.AsOf"/>).</summary>
internal static class AsOfRecall
{
    public static RecallRequest? At(RecallRequest request, DateTimeOffset asOf) => request with { AsOf = asOf };
}
