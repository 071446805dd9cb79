using System.Text.Json.Serialization;

namespace AgentMemory.Evaluation.FactsOverTime;

/// <summary>A question about a past moment (<see cref="Day"/> days after the first session): the value true then, and values that were not.</summary>
internal sealed record AsOfQuestion(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("day")] int Day,
    [property: JsonPropertyName("expected")] IReadOnlyList<string> Expected,
    [property: JsonPropertyName("unexpected")] IReadOnlyList<string> Unexpected);
