using System.Text.Json.Serialization;
using AgentMemory.Evaluation.Harness;

namespace AgentMemory.Evaluation.Paraphrase;

/// <summary>
/// One line of the paraphrase set: a fact a user states, a question that needs it but shares no content word with it,
/// the keywords a recalled memory must hold to count as that fact, and a short conversation in which the user says it.
/// </summary>
internal sealed record ParaphraseItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("domain")] string Domain,
    [property: JsonPropertyName("lang")] string Lang,
    [property: JsonPropertyName("fact")] string Fact,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("answers")] IReadOnlyList<string> Answers,
    [property: JsonPropertyName("conversation")] IReadOnlyList<ChatTurn> Conversation);
