using System.Text.RegularExpressions;
using AgentMemory.Lexical;

namespace AgentMemory.Extraction;

/// <summary>The sentence rules of <see cref="OfflineExtractor"/>.</summary>
internal sealed partial class OfflineExtractor
{
    private static readonly string[] NotFacts =
    [
        "sure", "not sure", "fine", "ok", "okay", "good", "great", "glad", "sorry", "happy to", "here", "back", "just",
        "going to", "gonna", "wondering", "thinking", "curious", "afraid", "trying", "looking", "asking", "done", "ready",
        "so ", "really", "also", "still", "about to", "excited", "thrilled", "listening", "talking", "planning", "working on",
    ];

    /// <summary>The sentences of <paramref name="text"/>: each as written (for its form) and cleaned of lead-ins and end punctuation (for the rules).</summary>
    private static IEnumerable<(string Raw, string Clean)> Sentences(string text)
    {
        foreach (var raw in SentenceSplit().Split(text))
        {
            var trimmed = raw.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            var sentence = LeadIn().Replace(trimmed, string.Empty).Trim().TrimEnd('.', '!', '?', ',', ';', ':').Trim();
            yield return (trimmed, sentence.Length <= 300 ? sentence : string.Empty);
        }
    }

    private static MemoryCandidate? TryDirective(string sentence, string subjectName)
    {
        var match = Directive().Match(sentence);
        if (!match.Success)
        {
            return null;
        }

        var negative = match.Groups["neg"].Success;
        var body = match.Groups["body"].Value.Trim();
        if (body.Length < 3)
        {
            return null;
        }

        var instruction = (negative ? "do not " : string.Empty) + body;
        var owner = subjectName == "The user" ? "the user" : subjectName;
        return new MemoryCandidate
        {
            Kind = MemoryKind.Procedural,
            Text = $"Standing instruction from {owner}: {instruction}.",
            Importance = 0.8,
            Topic = DirectiveTopic(body),
        };
    }

    /// <summary>The topic of a directive, named as <see cref="Retrieval.TaskTypeClassifier"/> names procedural topics, so the directive surfaces for the tasks it governs.</summary>
    private static string DirectiveTopic(string body)
    {
        var b = body.ToUpperInvariant();
        return b switch
        {
            _ when ContainsAny(b, "BULLET", "TABLE", "LIST", "MARKDOWN", "FORMAT", "HEADING", "EMOJI", "JSON") => "formatting",
            _ when ContainsAny(b, "SHORT", "BRIEF", "CONCISE", "LONG", "DETAIL", "VERBOSE", "LENGTH", "SUMMAR") => "style",
            _ when ContainsAny(b, "ENGLISH", "FRENCH", "SPANISH", "GERMAN", "LANGUAGE") => "language",
            _ when ContainsAny(b, "FORMAL", "CASUAL", "TONE", "POLITE", "FRIENDLY", "JOKE") => "tone",
            _ when ContainsAny(b, "CODE", "C#", "PYTHON", "EXAMPLE", "SNIPPET") => "code-style",
            _ when ContainsAny(b, "CALL ME", "NAME") => "communication",
            _ => "workflow",
        };
    }

    private static bool ContainsAny(string text, params string[] words)
        => words.Any(w => text.Contains(w, StringComparison.Ordinal));

    private static MemoryCandidate? TryFact(string sentence, string subjectName)
    {
        // A fact is the sentence's main clause: what follows ", so …", ", because …", "; …" is a reason, a request or an
        // aside, and kept whole it would leave a fragment ("The user loves hiking, so something they can pack … would be
        // great."). The episode keeps the whole turn.
        var cut = TrailingClause().Match(sentence);
        if (cut.Success && cut.Index > 0)
        {
            sentence = sentence[..cut.Index].TrimEnd();
        }

        var possessive = subjectName == "The user" ? "The user's" : subjectName + "'s";
        var key = string.Join(' ', TextAnalyzer.Default.Analyze(subjectName));

        var m = MyThing().Match(sentence);
        if (m.Success)
        {
            var thing = m.Groups["thing"].Value.Trim();
            var verb = m.Groups["verb"].Value.Trim();
            var rest = ThirdPerson(m.Groups["rest"].Value.Trim());
            var subject = key + "|" + string.Join(' ', TextAnalyzer.Default.Analyze(thing)) + "|" + TextAnalyzer.Stem(verb.ToLowerInvariant());
            return Fact($"{possessive} {thing} {ThirdPersonVerb(verb)} {rest}", TopicLexicon.Classify(thing) ?? TopicLexicon.Classify(rest) ?? "personal", subject, 0.7);
        }

        m = Preference().Match(sentence);
        if (m.Success)
        {
            var verb = m.Groups["verb"].Value.ToLowerInvariant();
            var neg = m.Groups["neg"].Success;
            var obj = ThirdPerson(m.Groups["obj"].Value.Trim());
            var text = neg ? $"{subjectName} does not {verb} {obj}" : $"{subjectName} {ThirdPersonVerb(verb)} {obj}";
            return Fact(text, "preference", null, 0.7);
        }

        m = IAm().Match(sentence);
        if (m.Success)
        {
            var rest = m.Groups["rest"].Value.Trim();
            var lower = rest.ToLowerInvariant();
            if (NotFacts.Any(n => lower.StartsWith(n, StringComparison.Ordinal)) || rest.Length < 3)
            {
                return null;
            }

            return Fact($"{subjectName} is {ThirdPerson(rest)}", TopicLexicon.Classify(rest) ?? "identity", null, 0.7);
        }

        m = IDo().Match(sentence);
        if (m.Success)
        {
            var verb = m.Groups["verb"].Value.ToLowerInvariant();
            var neg = m.Groups["neg"].Success;
            var rest = ThirdPerson(m.Groups["rest"].Value.Trim());
            var stem = TextAnalyzer.Stem(verb.Split(' ')[0]);
            var topic = stem switch
            {
                "live" or "mov" or "move" or "grew" or "born" or "was" => "home",
                "work" => "work",
                _ => TopicLexicon.Classify(verb + " " + rest) ?? "personal",
            };
            var subject = stem is "live" or "work" ? key + "|" + stem : null;
            var text = neg ? $"{subjectName} does not {verb} {rest}" : $"{subjectName} {ThirdPersonVerb(verb)} {ConjoinedVerbs(rest)}";
            return Fact(text, topic, subject, 0.65);
        }

        return null;
    }

    private static MemoryCandidate Fact(string text, string topic, string? subject, double importance)
    {
        var clean = WhiteSpace().Replace(text, " ").Trim();
        return new MemoryCandidate
        {
            Kind = MemoryKind.Semantic,
            Text = clean + ".",
            Importance = importance,
            Topic = topic,
            Metadata = subject is null ? MemoryRecord.EmptyMetadata : new Dictionary<string, string>(StringComparer.Ordinal) { [SubjectKey] = subject },
        };
    }

    private static string ThirdPersonVerb(string verb)
    {
        var words = verb.Split(' ', 2);
        var head = words[0].ToLowerInvariant() switch
        {
            "have" => "has",
            "am" => "is",
            "do" => "does",
            "go" => "goes",
            var w when w.EndsWith('s') || w.EndsWith("ed", StringComparison.Ordinal) || w is "was" or "grew" or "can" or "will" or "is" or "lives"
                || w is "bought" or "took" or "became" => w,
            var w when w.EndsWith('y') && w.Length > 2 && !"aeiou".Contains(w[^2], StringComparison.Ordinal) => w[..^1] + "ies",
            var w when w.EndsWith("sh", StringComparison.Ordinal) || w.EndsWith("ch", StringComparison.Ordinal) || w.EndsWith('x') => w + "es",
            var w => w + "s",
        };
        return words.Length == 2 ? head + " " + words[1] : head;
    }

    /// <summary>
    /// A second verb the first-person subject governs takes the third person too ("… moved to a MacBook and use macOS" →
    /// "… and uses macOS"): a verb right after "and"/"but"/"or" (optionally "now", "also", "still") from a closed list of
    /// common verbs, so a noun after "and" ("guitar and piano") is never conjugated.
    /// </summary>
    private static string ConjoinedVerbs(string rest) => ConjoinedVerb().Replace(rest, m => m.Groups["lead"].Value + ThirdPersonVerb(m.Groups["verb"].Value));

    private static string ThirdPerson(string text)
        => Pronoun().Replace(text, m => m.Value.ToLowerInvariant() switch
        {
            "my" => "their",
            "me" => "them",
            "mine" => "theirs",
            "myself" => "themselves",
            "i'm" or "i’m" => "they are",
            "i've" or "i’ve" => "they have",
            "i" => "they",
            "am" => "are",
            _ => m.Value,
        });

    [GeneratedRegex(@"\s*(?:[;\u2014]|\s-\s|,\s*(?:so|but|because|since|as|although|though|while|whereas|which|yet|unless|if|so that|it|that|this|they|he|she|we|there)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingClause();

    [GeneratedRegex(@"(?<lead>\b(?:and|but|or)\s+(?:(?:now|also|still|usually|mostly)\s+)?)(?<verb>use|live|work|drive|own|have|speak|study|teach|run|cook|prefer|like|love|need|want|go|do|take|make|play|write|read|eat|drink|ride|commute|walk|travel|visit|volunteer|train|practise|practice|manage|lead|build|code|design|sell|teach)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConjoinedVerb();

    [GeneratedRegex(@"(?<=[.!?;])\s+|\n+|,?\s+and\s+(?=(?:i|my)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex SentenceSplit();

    [GeneratedRegex(@"^((oh|well|also|btw|by the way|actually|and|but|so|anyway|okay|ok|yeah|yes|hey|hi|hello|fyi|just so you know|for the record|remember that|please note that|note that|honestly|frankly|basically|to be honest|tbh|um|uh)[,!]?\s+)+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadIn();

    [GeneratedRegex(@"^(please\s+)?(from now on|going forward|in (the )?future|for future (answers|replies|responses)|whenever you (answer|reply|respond)|when you (answer|reply|respond)|always|remember to|make sure to|(?<neg>never|don'?t|do not|stop))[,:]?\s+(please\s+)?(?<body>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Directive();

    [GeneratedRegex(@"^my\s+(?<thing>[\p{L}\p{N}' -]{2,40}?)\s+(?<verb>is|are|was|lives|live|works|work|moved|studies|likes|loves|has|goes|plays|called|named)\s+(?<rest>.{2,})$", RegexOptions.IgnoreCase)]
    private static partial Regex MyThing();

    [GeneratedRegex(@"^i\s+(?<neg>don'?t\s+|do not\s+)?(really\s+)?(?<verb>prefer|love|like|enjoy|hate|dislike|adore|can'?t stand)\s+(?<obj>.{2,})$", RegexOptions.IgnoreCase)]
    private static partial Regex Preference();

    [GeneratedRegex(@"^i(?:'m|’m| am)\s+(?<rest>.{2,})$", RegexOptions.IgnoreCase)]
    private static partial Regex IAm();

    [GeneratedRegex(@"^i\s+(?<neg>don'?t\s+|do not\s+|never\s+)?(?<verb>live|work|have|own|study|speak|moved|grew up|was born|drive|play|eat|drink|use|volunteer|teach|run|cook|paint|go|switched|started|joined|bought|adopted|changed|took up|retired|became)\s+(?<rest>.{2,})$", RegexOptions.IgnoreCase)]
    private static partial Regex IDo();

    [GeneratedRegex(@"\b(my|me|mine|myself|i'm|i’m|i've|i’ve|i|am)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
