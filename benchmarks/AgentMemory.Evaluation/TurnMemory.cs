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

    public static MemoryCandidate Candidate(LocomoTurn turn) => new()
    {
        Kind = MemoryKind.Episodic,
        Text = Text(turn),
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
