using System.Text.Json;

namespace AgentMemory.OpenAI.Tests.Fakes;

/// <summary>A request the fake server received.</summary>
public sealed record RecordedRequest(string Path, string Body, string? Authorization, DateTimeOffset ReceivedAt)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>All message contents of a chat request, joined.</summary>
    public string Prompt => string.Join("\n", Json.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").ToString()));

    public string SystemPrompt => Json.GetProperty("messages").EnumerateArray().First(m => m.GetProperty("role").GetString() == "system").GetProperty("content").ToString();
}
