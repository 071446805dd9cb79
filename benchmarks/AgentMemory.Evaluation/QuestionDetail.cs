using System.Text.Json;

namespace AgentMemory.Evaluation;

/// <summary>One question's outcome as a JSON line: its evidence turns, the rank each reached (or -1) and the top hits.</summary>
internal static class QuestionDetail
{
    private const int ShownHits = 5;

    public static string Json(LocomoConversation conversation, LocomoQuestion question, IReadOnlyList<string?> ranked, IReadOnlyList<MemoryHit> hits)
    {
        var turns = conversation.Turns.ToDictionary(t => t.DiaId, StringComparer.Ordinal);
        var evidence = question.Evidence.Select(id => new
        {
            id,
            rank = IndexOf(ranked, id),
            speaker = turns.TryGetValue(id, out var t) ? t.Speaker : null,
            text = turns.TryGetValue(id, out var u) ? TurnMemory.Text(u) : null,
        });
        var top = hits.Take(ShownHits).Select(h => new
        {
            id = h.Record.Metadata.GetValueOrDefault(TurnMemory.DiaIdKey),
            speaker = h.Record.Provenance.Speaker,
            score = Math.Round(h.Score, 4),
            text = h.Record.Text,
        });
        return JsonSerializer.Serialize(new { conversation = conversation.SampleId, question.Category, question.Question, evidence, top });
    }

    private static int IndexOf(IReadOnlyList<string?> ranked, string id)
    {
        for (var i = 0; i < ranked.Count; i++)
        {
            if (string.Equals(ranked[i], id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
