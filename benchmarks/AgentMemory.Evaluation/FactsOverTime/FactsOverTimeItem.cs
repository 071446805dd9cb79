using System.Text.Json.Serialization;

namespace AgentMemory.Evaluation.FactsOverTime;

/// <summary>
/// One line of the facts-over-time set: a user's sessions (day offsets from the first), questions whose answer is the
/// value true after the last session, and optional "as of" questions about an earlier moment. <see cref="Kind"/> is
/// <c>change</c>, <c>change-twice</c> or <c>non-change</c> (a later statement about the same subject that must not
/// replace the original fact); <see cref="Cue"/> names how the change (or non-change) is phrased.
/// </summary>
internal sealed record FactsOverTimeItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("domain")] string Domain,
    [property: JsonPropertyName("lang")] string Lang,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("cue")] string Cue,
    [property: JsonPropertyName("sessions")] IReadOnlyList<ScriptedSession> Sessions,
    [property: JsonPropertyName("questions")] IReadOnlyList<CurrentValueQuestion> Questions,
    [property: JsonPropertyName("asOf")] IReadOnlyList<AsOfQuestion> AsOf)
{
    public const string NonChange = "non-change";

    /// <summary>Whether a later session changes the fact (so the earlier value is stale).</summary>
    public bool IsChange => Kind != NonChange;
}
