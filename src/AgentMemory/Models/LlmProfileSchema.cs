using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AgentMemory.Models;

/// <summary>A typed profile the LLM extractor keeps current as one semantic memory per scope.</summary>
/// <param name="Name">The profile's name: letters, digits, '_' and '-'.</param>
/// <param name="Schema">The JSON schema of the profile object.</param>
/// <param name="Description">What the profile holds, shown to the model.</param>
internal sealed record LlmProfileSchema(string Name, JsonElement Schema, string? Description = null)
{
    /// <summary>The metadata key naming the profile a memory holds.</summary>
    public const string MetadataKey = "agentmemory.profile";

    /// <summary>The prefix of a profile memory's topic (<c>profile:{name}</c>).</summary>
    public const string TopicPrefix = "profile:";

    /// <summary>The topic of this profile's memory.</summary>
    public string Topic => TopicPrefix + Name;

    /// <summary>The text prefix of this profile's memory; the profile's JSON follows it.</summary>
    internal string TextPrefix => $"{Name} profile: ";

    /// <summary>Reads the profile JSON held by a profile memory, or null when the record is not one.</summary>
    public static string? ReadJson(MemoryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!record.Metadata.TryGetValue(MetadataKey, out _))
        {
            return null;
        }

        var start = record.Text.IndexOf('{', StringComparison.Ordinal);
        return start < 0 ? null : record.Text[start..];
    }

    /// <summary>Deserialises the profile a profile memory holds.</summary>
    /// <typeparam name="T">The profile type.</typeparam>
    /// <param name="record">A memory made by the LLM extractor for a profile.</param>
    /// <param name="typeInfo">The JSON contract of <typeparamref name="T"/>.</param>
    /// <param name="profile">The profile when the record holds one.</param>
    /// <returns>Whether the record held a readable profile.</returns>
    public static bool TryRead<T>(MemoryRecord record, JsonTypeInfo<T> typeInfo, [NotNullWhen(true)] out T? profile)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        profile = default;
        var json = ReadJson(record);
        if (json is null)
        {
            return false;
        }

        try
        {
            profile = JsonSerializer.Deserialize(json, typeInfo);
            return profile is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
