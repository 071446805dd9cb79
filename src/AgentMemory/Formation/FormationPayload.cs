using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AgentMemory.Formation;

/// <summary>
/// The payload of a <see cref="FormationJob"/>: the conversation (Microsoft.Extensions.AI <see cref="ChatMessage"/> JSON,
/// serialised with <see cref="AIJsonUtilities.DefaultOptions"/>), its time and the caller's metadata.
/// </summary>
internal static class FormationPayload
{
    /// <summary>The payload format version.</summary>
    public const int FormatVersion = 1;

    private static JsonTypeInfo<ChatMessage> MessageInfo => (JsonTypeInfo<ChatMessage>)AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(ChatMessage));

    public static string Serialize(IReadOnlyList<ChatMessage> messages, DateTimeOffset conversationTime, IReadOnlyDictionary<string, string>? metadata)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", FormatVersion);
            writer.WriteString("conversationTime", conversationTime);
            if (metadata is { Count: > 0 })
            {
                writer.WriteStartObject("metadata");
                foreach (var (key, value) in metadata)
                {
                    writer.WriteString(key, value);
                }

                writer.WriteEndObject();
            }

            writer.WriteStartArray("messages");
            var info = MessageInfo;
            foreach (var message in messages)
            {
                JsonSerializer.Serialize(writer, message, info);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <exception cref="FormatException">The payload is not a formation payload.</exception>
    public static (IReadOnlyList<ChatMessage> Messages, DateTimeOffset ConversationTime, IReadOnlyDictionary<string, string>? Metadata) Deserialize(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            var time = root.GetProperty("conversationTime").GetDateTimeOffset();
            Dictionary<string, string>? metadata = null;
            if (root.TryGetProperty("metadata", out var meta))
            {
                metadata = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var property in meta.EnumerateObject())
                {
                    metadata[property.Name] = property.Value.GetString() ?? string.Empty;
                }
            }

            var info = MessageInfo;
            var messages = new List<ChatMessage>();
            foreach (var element in root.GetProperty("messages").EnumerateArray())
            {
                messages.Add(element.Deserialize(info) ?? throw new FormatException("A formation payload holds a null message."));
            }

            return (messages, time, metadata);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("The formation job's payload is not valid: " + ex.Message, ex);
        }
    }
}
