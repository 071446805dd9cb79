using System.Text.RegularExpressions;

namespace AgentMemory.Security;

/// <summary>
/// The fast local poisoning detector: a learned classifier (logistic regression over hashed character and word n-grams
/// of the de-obfuscated text, crossed with the source's trust group; trained offline on a generated multilingual corpus
/// and shipped inside the assembly) combined with multilingual patterns over several views of the text (normalised,
/// homoglyph- and leetspeak-folded, decoded base64 and tag characters) and heuristics for hidden text and quoted or
/// questioning mentions, into a score in [0, 1]. Stateless and thread-safe.
/// </summary>
internal sealed partial class PoisoningDetector
{
    private const double QuotedMentionFactor = 0.15;

    /// <summary>
    /// Below this classifier probability the patterns only corroborate: their score is capped at
    /// <see cref="UncorroboratedCap"/> (the judge's ambiguous zone at the default thresholds, never a block). Measured on
    /// the dev corpus: patterns alone blocked 3.6 % of benign look-alikes and added under 1 % of attacks the classifier
    /// missed; gated by the classifier they keep that gain at no benign cost.
    /// </summary>
    private const double CorroborationFloor = 0.1;

    /// <summary>
    /// The classifier's decision point, chosen on the dev corpus (probability 0.7: 92 % of dev attacks, 2.3 % of dev benign
    /// items alone); its probability is mapped piecewise-linearly so this point lands on the default block threshold.
    /// </summary>
    private const double LearnedDecision = 0.7;

    /// <summary>The default <see cref="PoisoningGuardOptions.BlockThreshold"/> the decision point maps to.</summary>
    private const double DefaultBlock = 0.6;

    /// <summary>The most the patterns score when the classifier does not corroborate them.</summary>
    private const double UncorroboratedCap = 0.45;

    private readonly Learned.InjectionModel? _model;

    /// <summary>Creates the detector with the learned classifier shipped in the assembly.</summary>
    public PoisoningDetector()
        : this(Learned.InjectionModel.Default)
    {
    }

    /// <summary>Creates the detector with <paramref name="model"/>, or the patterns alone when it is <see langword="null"/>.</summary>
    internal PoisoningDetector(Learned.InjectionModel? model) => _model = model;

    /// <summary>Analyses a text as if it came from <paramref name="source"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="source">Where it came from: rules for the user's own preferences do not count for <see cref="MemorySource.User"/>.</param>
    public PoisoningAnalysis Analyze(string text, MemorySource source)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return PoisoningAnalysis.None;
        }

        var signals = new Dictionary<string, double>(StringComparer.Ordinal);
        var obfuscated = false;
        // A leading "Assistant: " is formation's speaker prefix, not a message addressed to the model.
        var normalized = SpeakerPrefix().Replace(TextNormalizer.Normalize(text), string.Empty, 1);
        var plain = SpeakerPrefix().Replace(text.ToLowerInvariant(), string.Empty, 1);
        Scan(normalized, source, signals);
        var baseline = Combine(signals);

        var leet = TextNormalizer.FoldLeet(normalized);
        if (!string.Equals(leet, normalized, StringComparison.Ordinal))
        {
            Scan(leet, source, signals);
        }

        foreach (var run in TextNormalizer.SpacedRuns(text))
        {
            if (run.Length >= 10 && SpacedInstruction().IsMatch(run))
            {
                signals["instruction-override"] = Math.Max(signals.GetValueOrDefault("instruction-override"), 0.8);
                signals["obfuscated"] = 0.4;
            }
        }

        foreach (var payload in TextNormalizer.HiddenPayloads(text))
        {
            var before = signals.Count;
            Scan(TextNormalizer.Normalize(payload), source, signals);
            if (signals.Count > before)
            {
                signals["obfuscated"] = Math.Max(signals.GetValueOrDefault("obfuscated"), 0.4);
            }
        }

        if (signals.Count > 0 && (TextNormalizer.HasInvisibleCharacters(text) || !string.Equals(plain, normalized, StringComparison.Ordinal)))
        {
            obfuscated = Combine(signals) > baseline || TextNormalizer.HasInvisibleCharacters(text);
        }

        if (signals.Count > 0 && HiddenText().IsMatch(text))
        {
            signals["hidden-text"] = 0.4;
        }

        // From the user (the principal), the classifier only corroborates a hijack pattern: the user's own standing
        // preferences ("from now on answer in bullet points") are legitimate, and a false block of the user's words costs
        // more than one of content.
        double? learned = source == MemorySource.User && signals.Count == 0 ? null : _model?.Score(text, source);
        if (signals.Count == 0 && (learned ?? 0) < CorroborationFloor)
        {
            return PoisoningAnalysis.None;
        }

        if (obfuscated && source != MemorySource.User)
        {
            signals["obfuscated"] = Math.Max(signals.GetValueOrDefault("obfuscated"), 0.3);
        }

        var patterns = Combine(signals);
        var score = patterns;
        if (learned is { } p)
        {
            // The classifier decides on its own threshold; the patterns corroborate it, or alone reach at most the
            // ambiguous zone (the optional model judge's).
            if (p < CorroborationFloor)
            {
                score = Math.Min(patterns, UncorroboratedCap);
            }

            var calibrated = Math.Round(p < LearnedDecision ? p * DefaultBlock / LearnedDecision : DefaultBlock + ((p - LearnedDecision) * (1 - DefaultBlock) / (1 - LearnedDecision)), 4);
            score = Math.Max(score, calibrated);
            if (p >= CorroborationFloor)
            {
                signals["learned"] = calibrated;
            }
        }

        if (score <= 0)
        {
            return PoisoningAnalysis.None;
        }

        var ordered = signals.OrderByDescending(p => p.Value).ToList();
        // A pattern's category names the finding more precisely than the classifier's "learned".
        var category = ordered.FirstOrDefault(p => p.Key is not ("obfuscated" or "hidden-text" or "detector-timeout" or "learned")).Key
            ?? ordered.FirstOrDefault(p => p.Key == "learned").Key ?? (ordered.Count > 0 ? ordered[0].Key : "learned");
        return new PoisoningAnalysis(score, category, ordered, obfuscated || signals.ContainsKey("obfuscated"));
    }

    private static void Scan(string view, MemorySource source, Dictionary<string, double> signals)
    {
        var quoted = QuotedSpan().Matches(view);
        var question = view.TrimEnd().EndsWith('?');
        var meta = (quoted.Count > 0 || question) && MetaContext().IsMatch(view);
        foreach (var rule in PoisoningRules.All)
        {
            if (source == MemorySource.User && !rule.AppliesToUser)
            {
                continue;
            }

            double weight = 0;
            try
            {
                foreach (Match m in rule.Pattern.Matches(view))
                {
                    var mention = meta && (InsideQuotes(m, quoted) || (rule.Category == "role-marker" && question));
                    var w = mention ? rule.Weight * QuotedMentionFactor : rule.Weight;
                    weight = Math.Max(weight, w);
                    if (weight >= rule.Weight)
                    {
                        break;
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological input: one ambiguous signal for the whole text (never enough to block on its own).
                signals["detector-timeout"] = 0.3;
                continue;
            }

            if (weight > 0)
            {
                signals[rule.Category] = Math.Max(signals.GetValueOrDefault(rule.Category), weight);
            }
        }
    }

    private static bool InsideQuotes(Match m, MatchCollection quoted)
    {
        var start = m.Index;
        var end = m.Index + m.Length;
        while (start < end && !char.IsLetter(m.Value[start - m.Index]))
        {
            start++;
        }

        foreach (Match q in quoted)
        {
            if (start >= q.Index && end <= q.Index + q.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static double Combine(Dictionary<string, double> signals)
    {
        var keep = 1.0;
        foreach (var w in signals.Values)
        {
            keep *= 1 - Math.Clamp(w, 0, 1);
        }

        return Math.Round(1 - keep, 4);
    }

    [GeneratedRegex(@"(ignore|disregard|forget|override|bypass)(all|any|the|your)*(previous|prior|above|earlier|system|safety)|instructions|conversation|chathistory|systemprompt|developermode|youarenow|reveal|password|sendthe|forward|respondonly|alwaysrespond|jailbreak")]
    private static partial Regex SpacedInstruction();

    [GeneratedRegex(@"^(assistant|user|tool) ?: ")]
    private static partial Regex SpeakerPrefix();

    [GeneratedRegex(@"""[^""]{3,240}""|(?<![\p{L}\p{N}])'[^']{3,240}'(?![\p{L}\p{N}])")]
    private static partial Regex QuotedSpan();

    [GeneratedRegex(@"\?|\b(mean|means|meaning|meant|what is|what's|explain|explains|explained|phrase|phrases|term|called|known as|prompt injections?|jailbreaks?|quote|quoted|said|wrote|saying|definition|significa|signifie|veut dire|bedeutet|heisst|frase|wort|palabra|word|line|lyrics?|song|film|movie|episode|novel|character)\b")]
    private static partial Regex MetaContext();

    [GeneratedRegex(@"<!--|display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(px|pt|em)?\b|opacity\s*:\s*0(\.0+)?\s*[;""']|color\s*:\s*(white|#fff\b|#ffffff|transparent)", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenText();
}
