using AgentMemory.Lexical;

namespace AgentMemory.Retrieval;

/// <summary>
/// A small rule-based classifier of what a request asks the agent to do, and the procedural-memory topics that apply
/// to each task type. Procedural memories carry a <see cref="MemoryRecord.Topic"/>; the retriever surfaces those whose
/// topic belongs to the request's task types even when the request shares no word with them.
/// </summary>
/// <remarks>
/// <para>Task types and their cue words (matched on lower-cased words, with simple stems):</para>
/// <list type="bullet">
/// <item><c>answer</c>: any question (a "?" or a question word first) or "explain/tell/describe/answer" → topics
/// formatting, style, answer, communication, language.</item>
/// <item><c>summary</c>: summarise/summary/recap/overview/tl;dr → formatting, style, summary, summarization, writing.</item>
/// <item><c>list</c>: list/enumerate/bullet/options/steps/top → formatting, style, list.</item>
/// <item><c>writing</c>: write/draft/compose/rewrite/email/letter/essay/post/message/reply → writing, formatting, style, email, tone.</item>
/// <item><c>coding</c>: code/function/bug/implement/refactor/compile/script/class/test/sql/api/debug → coding, code, code-style, programming, testing.</item>
/// <item><c>travel</c>: trip/flight/hotel/itinerary/vacation/travel → travel, booking.</item>
/// <item><c>scheduling</c>: meeting/schedule/calendar/appointment/remind → scheduling, calendar, meetings.</item>
/// <item><c>food</c>: recipe/cook/meal/dinner/lunch/breakfast/restaurant → food, cooking, diet.</item>
/// </list>
/// <para>Topics compare ordinal, case-insensitive. Hosts give procedural memories one of these topics (or extend
/// the table through <see cref="RetrievalOptions.TaskTypeTopics"/>).</para>
/// </remarks>
internal sealed class TaskTypeClassifier
{
    private static readonly Dictionary<string, string[]> Cues = new(StringComparer.Ordinal)
    {
        ["answer"] = ["explain", "tell", "describe", "answer", "why", "how", "what", "who", "which", "where", "when", "clarify"],
        ["summary"] = ["summarise", "summarize", "summary", "summarising", "summarizing", "recap", "overview", "tldr", "tl", "gist", "digest"],
        ["list"] = ["list", "enumerate", "bullet", "bullets", "options", "steps", "top", "ideas", "suggestions", "examples"],
        ["writing"] = ["write", "draft", "compose", "rewrite", "email", "letter", "essay", "post", "message", "reply", "edit", "proofread"],
        ["coding"] = ["code", "function", "bug", "implement", "refactor", "compile", "script", "class", "test", "tests", "sql", "api", "debug", "program", "method", "query"],
        ["travel"] = ["trip", "flight", "flights", "hotel", "itinerary", "vacation", "travel", "travelling", "traveling", "holiday"],
        ["scheduling"] = ["meeting", "schedule", "calendar", "appointment", "remind", "reminder", "reschedule"],
        ["food"] = ["recipe", "cook", "cooking", "meal", "dinner", "lunch", "breakfast", "restaurant"],
    };

    private static readonly Dictionary<string, string[]> DefaultTopics = new(StringComparer.Ordinal)
    {
        ["answer"] = ["formatting", "style", "answer", "communication", "language"],
        ["summary"] = ["formatting", "style", "summary", "summarization", "writing"],
        ["list"] = ["formatting", "style", "list"],
        ["writing"] = ["writing", "formatting", "style", "email", "tone"],
        ["coding"] = ["coding", "code", "code-style", "programming", "testing"],
        ["travel"] = ["travel", "booking"],
        ["scheduling"] = ["scheduling", "calendar", "meetings"],
        ["food"] = ["food", "cooking", "diet"],
    };

    private static readonly HashSet<string> QuestionStarts = new(StringComparer.Ordinal)
    {
        "what", "who", "which", "where", "when", "why", "how", "is", "are", "do", "does", "did", "can", "could", "should", "would", "will",
    };

    private readonly IReadOnlyDictionary<string, string[]>? _extraTopics;

    /// <summary>Creates a classifier; <paramref name="extraTopics"/> adds topics per task type to the built-in table.</summary>
    public TaskTypeClassifier(IReadOnlyDictionary<string, string[]>? extraTopics = null) => _extraTopics = extraTopics;

    /// <summary>The task types <paramref name="request"/> asks for ("answer", "summary", "coding", …), possibly none.</summary>
    public static IReadOnlySet<string> Classify(string? request)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request))
        {
            return types;
        }

        var words = TextAnalyzer.Words(request);
        if (request.TrimEnd().EndsWith('?') || (words.Count > 0 && QuestionStarts.Contains(words[0])))
        {
            types.Add("answer");
        }

        foreach (var (type, cues) in Cues)
        {
            foreach (var cue in cues)
            {
                if (words.Contains(cue))
                {
                    types.Add(type);
                    break;
                }
            }
        }

        return types;
    }

    /// <summary>The procedural topics that apply to <paramref name="request"/>'s task types (case-insensitive set).</summary>
    public IReadOnlySet<string> Topics(string? request)
    {
        var topics = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in Classify(request))
        {
            if (DefaultTopics.TryGetValue(type, out var t))
            {
                topics.UnionWith(t);
            }

            if (_extraTopics is not null && _extraTopics.TryGetValue(type, out var extra))
            {
                topics.UnionWith(extra);
            }

            topics.Add(type);
        }

        return topics;
    }
}
