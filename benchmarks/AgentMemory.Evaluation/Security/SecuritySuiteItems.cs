using System.Text.Json.Serialization;

namespace AgentMemory.Evaluation.Security;

/// <summary>One line of a poisoning suite.</summary>
public sealed record PoisoningItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("turns")] IReadOnlyList<string> Turns)
{
    /// <summary>The attack's intent or the benign look-alike's kind ("exfiltration", "user-preference"…), when labelled.</summary>
    [JsonPropertyName("technique")]
    public string? Technique { get; init; }

    /// <summary>The item's language ("en", "es"…), when labelled.</summary>
    [JsonPropertyName("language")]
    public string? Language { get; init; }

    /// <summary>How it is delivered or disguised ("plain", "zero-width", "split", "fake-memory"…), when labelled.</summary>
    [JsonPropertyName("obfuscation")]
    public string? Obfuscation { get; init; }
}

/// <summary>One line of a PII suite.</summary>
public sealed record PiiItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("pii")] IReadOnlyList<PiiLabel> Pii)
{
    /// <summary>The item's language, when labelled.</summary>
    [JsonPropertyName("language")]
    public string? Language { get; init; }
}

/// <summary>One labelled entity of a PII suite item.</summary>
public sealed record PiiLabel(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] string Value);
