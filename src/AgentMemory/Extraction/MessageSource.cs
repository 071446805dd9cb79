using System.Globalization;

namespace AgentMemory.Extraction;

/// <summary>
/// The source a host names on a message (<see cref="ChatMessage.AdditionalProperties"/> key
/// <see cref="Property"/>: "user", "assistant", "tool", "document", "other", "system"), read
/// and written in one place for both extractors and for consolidation's transcripts.
/// </summary>
internal static class MessageSource
{
    /// <summary>The message property that names a message's source.</summary>
    public const string Property = "agentmemory.source";

    /// <summary>Reads the source a message names; false when it names none the library knows.</summary>
    public static bool TryRead(ChatMessage message, out MemorySource source)
    {
        source = default;
        if (message.AdditionalProperties?.TryGetValue(Property, out var value) != true
            || Convert.ToString(value, CultureInfo.InvariantCulture) is not { } name)
        {
            return false;
        }

        switch (name.Trim().ToUpperInvariant())
        {
            case "USER": source = MemorySource.User; return true;
            case "ASSISTANT": source = MemorySource.Assistant; return true;
            case "TOOL": source = MemorySource.Tool; return true;
            case "DOCUMENT": source = MemorySource.Document; return true;
            case "OTHER" or "OTHERPARTY" or "OTHER_PARTY": source = MemorySource.OtherParty; return true;
            case "SYSTEM": source = MemorySource.System; return true;
            default: return false;
        }
    }

    /// <summary>The name <see cref="TryRead"/> reads back as <paramref name="source"/>.</summary>
    public static string Name(MemorySource source) => source switch
    {
        MemorySource.User => "user",
        MemorySource.Tool => "tool",
        MemorySource.Document => "document",
        MemorySource.OtherParty => "other",
        MemorySource.System => "system",
        _ => "assistant",
    };
}
