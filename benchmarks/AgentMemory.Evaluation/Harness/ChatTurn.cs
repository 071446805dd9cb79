using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;

namespace AgentMemory.Evaluation.Harness;

/// <summary>One turn of a scripted conversation in an evaluation set.</summary>
internal sealed record ChatTurn(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("text")] string Text)
{
    /// <summary>The turn as the chat message a host would pass to <see cref="IAgentMemory.RememberAsync"/>.</summary>
    public ChatMessage ToMessage() => new(Role == "assistant" ? ChatRole.Assistant : ChatRole.User, Text);
}
