using System.Text.Json.Serialization;

namespace AgentMemory.Evaluation.Paraphrase;

/// <summary>One line of <c>distractors.jsonl</c>: an incidental statement every user of the paraphrase run also saves.</summary>
internal sealed record SharedDistractor(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("text")] string Text);
