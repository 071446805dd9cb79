using System.Globalization;
using System.Text.Json;

namespace AgentMemory.Cli.Import;

/// <summary>Small, strict readers over <see cref="JsonElement"/> that name the field that is wrong.</summary>
internal static class JsonRead
{
    public static string? String(JsonElement item, string name, int index)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw Bad(index, $"'{name}' is not a string");
    }

    public static string RequiredString(JsonElement item, string name, int index)
        => String(item, name, index) is { Length: > 0 } s ? s : throw Bad(index, $"'{name}' is missing or empty");

    public static DateTimeOffset? Date(JsonElement item, string name, int index)
    {
        var text = String(item, name, index);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }

        throw Bad(index, $"'{name}' is not a date: '{text}'");
    }

    public static double? Number(JsonElement item, string name, int index)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw Bad(index, $"'{name}' is not a number");
    }

    public static Dictionary<string, string> StringMap(JsonElement item, string name, int index)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return map;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Bad(index, $"'{name}' is not an object");
        }

        foreach (var p in value.EnumerateObject())
        {
            // Non-string values (numbers, lists) keep their JSON text: metadata in AgentMemory is string-valued.
            map[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
        }

        return map;
    }

    public static CliException Bad(int index, string what) => new($"memory #{index + 1}: {what}.");
}
