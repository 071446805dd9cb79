using System.Text.Json;

namespace AgentMemory.Evaluation.Harness;

/// <summary>Reads JSON Lines evaluation files (blank lines skipped).</summary>
internal static class Jsonl
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static List<T> Read<T>(string path) =>
        [.. File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => JsonSerializer.Deserialize<T>(l, Options)
            ?? throw new InvalidDataException($"Empty item in {path}."))];
}
