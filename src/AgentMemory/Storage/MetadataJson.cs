using System.Text;
using System.Text.Json;

namespace AgentMemory.Storage;

/// <summary>String metadata as a JSON object (SQLite text, PostgreSQL jsonb), written and read without reflection (trimming-safe).</summary>
internal static class MetadataJson
{
    /// <summary>The JSON text of <paramref name="metadata"/>, or null when it is empty.</summary>
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

    /// <summary>The metadata of <paramref name="json"/> (null or empty: none).</summary>
    public static IReadOnlyDictionary<string, string> Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return MemoryRecord.EmptyMetadata;
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
