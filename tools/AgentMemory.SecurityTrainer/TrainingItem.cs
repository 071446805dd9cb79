using System.Text.Json.Serialization;

namespace AgentMemory.SecurityTrainer;

/// <summary>One line of a poisoning corpus (the evaluation harness's format).</summary>
internal sealed record TrainingItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("turns")] IReadOnlyList<string> Turns,
    [property: JsonPropertyName("technique")] string? Technique,
    [property: JsonPropertyName("language")] string? Language)
{
    public bool IsAttack => string.Equals(Label, "attack", StringComparison.OrdinalIgnoreCase);

    public string Text => string.Join(' ', Turns);

    public MemorySource MemorySource => Source.ToLowerInvariant() switch
    {
        "user" => MemorySource.User,
        "assistant" => MemorySource.Assistant,
        "document" => MemorySource.Document,
        "other" or "otherparty" => MemorySource.OtherParty,
        "system" => MemorySource.System,
        _ => MemorySource.Tool,
    };
}
