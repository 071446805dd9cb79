namespace AgentMemory.Evaluation.FactsOverTime;

/// <summary>
/// Turns a recall into a recall "as of" a past moment. <see cref="RecallRequest"/> on main has no such field, so
/// <see cref="At"/> returns null and the command reports as-of questions as not supported instead of approximating
/// them. When the field exists, the body becomes <c>request with { AsOf = asOf }</c> and the command scores them.
/// </summary>
internal static class AsOfRecall
{
    public static RecallRequest? At(RecallRequest request, DateTimeOffset asOf) => null;
}
