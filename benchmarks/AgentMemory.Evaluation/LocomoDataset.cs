using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AgentMemory.Evaluation;

/// <summary>One dialogue turn of a LoCoMo conversation.</summary>
internal sealed record LocomoTurn(string DiaId, string Speaker, string Text, string? ImageCaption, DateTimeOffset SessionDate, int Session, int Index);

/// <summary>One question, with its cleaned evidence ids.</summary>
internal sealed record LocomoQuestion(string Question, int Category, IReadOnlyList<string> Evidence);

/// <summary>A LoCoMo conversation: turns (read during ingestion) and questions (read only when asking).</summary>
internal sealed record LocomoConversation(string SampleId, IReadOnlyList<LocomoTurn> Turns, IReadOnlyList<LocomoQuestion> Questions);

/// <summary>Counts of evidence-data problems found while loading.</summary>
internal sealed class EvidenceLog
{
    public int SplitEntries { get; set; }
    public int MalformedIds { get; set; }
    public int UnknownIds { get; set; }
    public int QuestionsWithoutEvidence { get; set; }
    public List<string> Examples { get; } = [];

    public override string ToString() => FormattableString.Invariant(
        $"evidence: {SplitEntries} packed entries split, {MalformedIds} malformed ids dropped, {UnknownIds} ids not in the conversation dropped, {QuestionsWithoutEvidence} questions without usable evidence excluded") +
        (Examples.Count > 0 ? " (" + string.Join(", ", Examples.Take(8)) + ")" : string.Empty);
}

/// <summary>
/// Reads LoCoMo-format JSON. Only <c>conversation</c> (turns, speakers, session dates) and <c>qa</c> (question,
/// category, evidence) are read; <c>observation</c>, <c>session_summary</c>, <c>event_summary</c> and answers are never read.
/// </summary>
internal static partial class LocomoDataset
{
    public static List<LocomoConversation> Load(string path, EvidenceLog log)
    {
        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream);
        var result = new List<LocomoConversation>();
        foreach (var conv in doc.RootElement.EnumerateArray())
        {
            var sampleId = conv.GetProperty("sample_id").GetString() ?? $"conv-{result.Count}";
            var turns = ReadTurns(conv.GetProperty("conversation"));
            var ids = new HashSet<string>(turns.Select(t => t.DiaId), StringComparer.Ordinal);
            var questions = new List<LocomoQuestion>();
            foreach (var qa in conv.GetProperty("qa").EnumerateArray())
            {
                var evidence = qa.TryGetProperty("evidence", out var ev) && ev.ValueKind == JsonValueKind.Array
                    ? ParseEvidence(ev.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? string.Empty : e.ToString()), ids, log)
                    : [];
                if (evidence.Count == 0)
                {
                    log.QuestionsWithoutEvidence++;
                }

                questions.Add(new LocomoQuestion(qa.GetProperty("question").GetString() ?? string.Empty, qa.GetProperty("category").GetInt32(), evidence));
            }

            result.Add(new LocomoConversation(sampleId, turns, questions));
        }

        return result;
    }

    /// <summary>
    /// Cleans evidence: strips whitespace and parentheses, splits packed entries on ';', ',' and spaces
    /// ("D8:6; D9:17"), drops malformed ids ("D", "D:11:26") and ids absent from the conversation (including
    /// zero-padded ones such as "D30:05"), counting each case in <paramref name="log"/>.
    /// </summary>
    internal static List<string> ParseEvidence(IEnumerable<string> entries, HashSet<string> known, EvidenceLog log)
    {
        var result = new List<string>();
        foreach (var entry in entries)
        {
            var parts = entry.Replace("(", " ", StringComparison.Ordinal).Replace(")", " ", StringComparison.Ordinal)
                .Split([';', ',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1)
            {
                log.SplitEntries++;
            }

            foreach (var id in parts)
            {
                if (!DiaIdRegex().IsMatch(id))
                {
                    log.MalformedIds++;
                    log.Examples.Add("malformed '" + id + "'");
                }
                else if (!known.Contains(id))
                {
                    log.UnknownIds++;
                    log.Examples.Add("unknown '" + id + "'");
                }
                else if (!result.Contains(id))
                {
                    result.Add(id);
                }
            }
        }

        return result;
    }

    private static List<LocomoTurn> ReadTurns(JsonElement conversation)
    {
        var sessions = new List<(int Number, JsonElement Turns)>();
        foreach (var p in conversation.EnumerateObject())
        {
            var m = SessionKeyRegex().Match(p.Name);
            if (m.Success && p.Value.ValueKind == JsonValueKind.Array)
            {
                sessions.Add((int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), p.Value));
            }
        }

        var turns = new List<LocomoTurn>();
        foreach (var (number, sessionTurns) in sessions.OrderBy(s => s.Number))
        {
            var date = conversation.TryGetProperty($"session_{number}_date_time", out var d) ? ParseSessionDate(d.GetString()) : DateTimeOffset.UnixEpoch;
            var index = 0;
            foreach (var t in sessionTurns.EnumerateArray())
            {
                var caption = t.TryGetProperty("blip_caption", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                turns.Add(new LocomoTurn(
                    t.GetProperty("dia_id").GetString() ?? string.Empty,
                    t.GetProperty("speaker").GetString() ?? string.Empty,
                    t.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : string.Empty,
                    caption,
                    date,
                    number,
                    index++));
            }
        }

        return turns;
    }

    /// <summary>Parses "1:56 pm on 8 May, 2023" (UTC); the epoch when unparsable.</summary>
    internal static DateTimeOffset ParseSessionDate(string? text)
    {
        var m = SessionDateRegex().Match(text ?? string.Empty);
        if (!m.Success)
        {
            return DateTimeOffset.UnixEpoch;
        }

        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture) % 12;
        if (m.Groups["ampm"].Value.Equals("pm", StringComparison.OrdinalIgnoreCase))
        {
            hour += 12;
        }

        var month = Array.FindIndex(CultureInfo.InvariantCulture.DateTimeFormat.MonthNames, n => n.Length > 0 && n.StartsWith(m.Groups["month"].Value, StringComparison.OrdinalIgnoreCase)) + 1;
        return new DateTimeOffset(
            int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), Math.Max(1, month), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture),
            hour, int.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture), 0, TimeSpan.Zero);
    }

    [GeneratedRegex(@"^session_(\d+)$")]
    private static partial Regex SessionKeyRegex();

    [GeneratedRegex(@"^D\d+:\d+$")]
    private static partial Regex DiaIdRegex();

    [GeneratedRegex(@"(?<h>\d{1,2}):(?<min>\d{2})\s*(?<ampm>am|pm)\s+on\s+(?<d>\d{1,2})\s+(?<month>[A-Za-z]+),?\s+(?<y>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex SessionDateRegex();
}
