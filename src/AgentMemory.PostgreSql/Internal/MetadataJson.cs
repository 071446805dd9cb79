using System.Collections.ObjectModel;
using System.Text;
using System.Text.Json;

namespace AgentMemory.PostgreSql.Internal;

/// <summary>String metadata as a JSON object (jsonb), written and read without reflection.</summary>
internal static class MetadataJson
{
    private static readonly ReadOnlyDictionary<string, string> Empty = new(new Dictionary<string, string>());

    public static string? Write(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null || metadata.Count == 0)
        {
            return null;
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in metadata)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    public static IReadOnlyDictionary<string, string> Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return Empty;
        }

        using var doc = JsonDocument.Parse(json);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            result[p.Name] = p.Value.GetString() ?? string.Empty;
        }

        return result.AsReadOnly();
    }
}
