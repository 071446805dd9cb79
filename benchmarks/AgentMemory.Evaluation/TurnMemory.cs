using System.Globalization;

namespace AgentMemory.Evaluation;

/// <summary>How a LoCoMo turn becomes a memory: text (+ image caption), event time, speaker, dia_id.</summary>
internal static class TurnMemory
{
    public const string DiaIdKey = "dia_id";

    public static string Text(LocomoTurn turn) => turn.ImageCaption is { Length: > 0 } caption
        ? turn.Text + " [shares a photo: " + caption + "]"
        : turn.Text;

    /// <summary>The session's date, plus the turn's index in seconds so turns keep their order.</summary>
    public static DateTimeOffset OccurredAt(LocomoTurn turn) => turn.SessionDate.AddSeconds(turn.Index);

    /// <summary>
    /// The memory of turn <paramref name="index"/>; its context is the turns just before and after it in the same
    /// session, as the offline extractor gives an episode formed from a conversation.
    /// </summary>
    public static MemoryCandidate Candidate(IReadOnlyList<LocomoTurn> turns, int index) => Candidate(turns[index], Context(turns, index));

    private static string? Context(IReadOnlyList<LocomoTurn> turns, int index)
    {
        var turn = turns[index];
        var parts = new List<string>(2);
        foreach (var j in (ReadOnlySpan<int>)[index - 1, index + 1])
        {
            if (j >= 0 && j < turns.Count && turns[j].Session == turn.Session)
            {
                parts.Add(Text(turns[j]));
            }
        }

        return parts.Count == 0 ? null : string.Join("\n", parts);
    }

    private static MemoryCandidate Candidate(LocomoTurn turn, string? context) => new()
    {
        Kind = MemoryKind.Episodic,
        Text = Text(turn),
        Context = context,
        OccurredAt = OccurredAt(turn),
        Provenance = new MemoryProvenance(MemorySource.User, turn.Speaker, turn.DiaId),
        Metadata = new Dictionary<string, string>
        {
            [DiaIdKey] = turn.DiaId,
            ["speaker"] = turn.Speaker,
            ["session"] = turn.Session.ToString(CultureInfo.InvariantCulture),
        },
    };
}
