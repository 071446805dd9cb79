using System.Text.Json.Serialization;
using AgentMemory.Evaluation.Harness;

namespace AgentMemory.Evaluation.FactsOverTime;

/// <summary>One session of a facts-over-time item: when it happened (days after the first session) and its turns.</summary>
internal sealed record ScriptedSession(
    [property: JsonPropertyName("day")] int Day,
    [property: JsonPropertyName("turns")] IReadOnlyList<ChatTurn> Turns);
