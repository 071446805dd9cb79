using System.Text.Json.Serialization;

namespace AgentMemory.Evaluation.FactsOverTime;

/// <summary>A question about now: keywords of the current value, and keywords of values that are no longer true (empty for a non-change item).</summary>
internal sealed record CurrentValueQuestion(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("current")] IReadOnlyList<string> Current,
    [property: JsonPropertyName("stale")] IReadOnlyList<string> Stale);
