using System.Text.Json.Serialization;

namespace AgentMemory.Evaluation.Security;

/// <summary>One line of a poisoning suite.</summary>
public sealed record PoisoningItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("turns")] IReadOnlyList<string> Turns);

/// <summary>One line of a PII suite.</summary>
public sealed record PiiItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("pii")] IReadOnlyList<PiiLabel> Pii);

/// <summary>One labelled entity of a PII suite item.</summary>
public sealed record PiiLabel(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] string Value);
