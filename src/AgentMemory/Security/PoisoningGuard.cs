namespace AgentMemory.Security;

/// <summary>
/// Blocks instructions smuggled into memory. Trust depends on provenance: a procedural memory (a standing instruction)
/// is accepted only from the user and the trusted sources, and one from a tool result, a document, the assistant or
/// another party is kept as a semantic fact ("provenance:fact"); anything instruction-like from those sources, as the
/// detector (a learned classifier with patterns) judges it, is blocked ("poisoning:&lt;category&gt;"); the user's own standing
/// preferences are allowed, kept as procedural memories of that user, and blocked at a scope without a user; hijacks
/// (override, prompt leak, exfiltration, broadcast to other users, role markers) are blocked from every source except
/// the trusted ones (by default only <see cref="MemorySource.System"/>). Instructions split across turns are caught by
/// scanning the candidate's origin messages of <see cref="GuardContext.Messages"/> together.
/// </summary>
internal sealed class PoisoningGuard(
    IOptionsMonitor<AgentMemoryOptions> optionsMonitor, PoisoningDetector detector, PiiDetector pii,
    ILogger<PoisoningGuard>? logger = null) : IMemoryGuard
{
    private readonly ILogger _logger = logger ?? NullLogger<PoisoningGuard>.Instance;

    /// <inheritdoc />
    public ValueTask<GuardVerdict> InspectAsync(MemoryCandidate candidate, GuardContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var options = optionsMonitor.CurrentValue.Security.Poisoning;
        var source = candidate.Provenance.Source;
        if (!options.Enabled || options.TrustedSources.Contains(source))
        {
            return ValueTask.FromResult(GuardVerdict.Allow);
        }

        var own = detector.Analyze(candidate.Text, source);
        var origin = AnalyzeOrigin(candidate, context, options.SplitWindow);
        var worst = origin.Score > own.Score ? origin : own;
        if (worst.Score >= options.BlockThreshold)
        {
            return ValueTask.FromResult(Block(candidate, "poisoning:" + worst.Category, worst.Score, source));
        }

        if (source == MemorySource.User)
        {
            // A preference of the user's own ("from now on answer in bullet points"): legitimate, but only for that user.
            // Only a directive's form (a pattern) makes a fact an instruction: the classifier alone reads plain facts
            // such as "the user's laptop of choice is …" as directives, and a fact rewritten as procedural leaves the
            // facts it could change or be changed by.
            var directive = detector.Analyze(candidate.Text, MemorySource.Tool);
            if (directive.Score >= options.BlockThreshold && HasPattern(directive))
            {
                if (context.Scope.UserId is null && !options.AllowUserDirectivesOutsideUserScope)
                {
                    return ValueTask.FromResult(Block(candidate, "poisoning:scope-escalation", directive.Score, source));
                }

                Log.PreferenceKept(_logger, directive.Score);
                // A fact that states it becomes procedural, so it is followed; an episode stays the record of what was said
                // (the extractor forms the instruction from the same turn — rewriting the episode too would keep it twice).
                if (candidate.Kind is not (MemoryKind.Procedural or MemoryKind.Episodic))
                {
                    return ValueTask.FromResult(new GuardVerdict(GuardAction.Rewrite, candidate with { Kind = MemoryKind.Procedural }, "preference:procedural", directive.Score));
                }
            }
        }

        if (candidate.Kind == MemoryKind.Procedural && source != MemorySource.User)
        {
            // Provenance before content: a tool result, a document, the assistant or another party may supply facts,
            // never a standing instruction for how the assistant behaves later. What they said is kept as a fact.
            Log.DirectiveDemoted(_logger, source);
            return ValueTask.FromResult(new GuardVerdict(GuardAction.Rewrite, candidate with { Kind = MemoryKind.Semantic }, "provenance:fact", worst.Score));
        }

        return ValueTask.FromResult(worst.Score > 0 ? new GuardVerdict(GuardAction.Allow, null, null, worst.Score) : GuardVerdict.Allow);
    }

    /// <summary>Whether a pattern, not only the learned classifier or an obfuscation signal, found something.</summary>
    private static bool HasPattern(PoisoningAnalysis analysis)
        => analysis.Signals.Any(s => s.Key is not ("learned" or "obfuscated" or "hidden-text" or "detector-timeout"));

    private GuardVerdict Block(MemoryCandidate candidate, string reason, double score, MemorySource source)
    {
        Log.CandidateBlocked(_logger, reason, source, score);
        var matches = pii.Detect(candidate.Text);
        var quarantined = matches.Count == 0 ? candidate : candidate with { Text = PiiRedactor.RedactAll(candidate.Text, matches) };
        return new GuardVerdict(GuardAction.Block, quarantined, reason, score);
    }

    private PoisoningAnalysis AnalyzeOrigin(MemoryCandidate candidate, GuardContext context, int window)
    {
        if (context.Messages.Count == 0 || window == 0)
        {
            return PoisoningAnalysis.None;
        }

        var source = candidate.Provenance.Source;
        var texts = new List<string>();
        foreach (var m in context.Messages)
        {
            if (IsSameOrigin(m, candidate.Provenance) && MessageText(m) is { Length: > 0 } t)
            {
                texts.Add(t);
            }
        }

        if (texts.Count == 0)
        {
            return PoisoningAnalysis.None;
        }

        var needle = TextNormalizer.Normalize(candidate.Text);
        var at = texts.FindIndex(t => Contains(TextNormalizer.Normalize(t), needle));
        if (at < 0 && source == MemorySource.User)
        {
            return PoisoningAnalysis.None;
        }

        // Found: the candidate's message and its neighbours. Not found (a paraphrase of untrusted content): the most
        // recent untrusted messages taint every candidate drawn from them.
        var from = at < 0 ? Math.Max(0, texts.Count - (2 * window)) : Math.Max(0, at - window);
        var to = at < 0 ? texts.Count : Math.Min(texts.Count, at + window + 1);
        if (to - from == 1 && at >= 0 && string.Equals(TextNormalizer.Normalize(texts[at]), needle, StringComparison.Ordinal))
        {
            return PoisoningAnalysis.None;
        }

        return detector.Analyze(string.Join(' ', texts.GetRange(from, to - from)), source);
    }

    private static bool Contains(string haystack, string needle) =>
        needle.Length > 0 && (haystack.Contains(needle, StringComparison.Ordinal) || (haystack.Length > 0 && needle.Contains(haystack, StringComparison.Ordinal)));

    private static bool IsSameOrigin(ChatMessage message, MemoryProvenance provenance)
    {
        if (message.Role == ChatRole.System)
        {
            return false;
        }

        return provenance.Source switch
        {
            MemorySource.User => message.Role == ChatRole.User && (provenance.Speaker is null || message.AuthorName is null || message.AuthorName == provenance.Speaker),
            MemorySource.OtherParty => message.Role != ChatRole.User || (provenance.Speaker is not null && message.AuthorName == provenance.Speaker),
            _ => message.Role != ChatRole.User,
        };
    }

    internal static string MessageText(ChatMessage message)
    {
        var text = message.Text;
        var results = message.Contents.OfType<FunctionResultContent>().Select(r => r.Result?.ToString()).Where(r => !string.IsNullOrEmpty(r)).ToList();
        return results.Count == 0 ? text : string.Join(' ', [text, .. results]).Trim();
    }
}
