namespace AgentMemory.Security;

/// <summary>
/// Applies the PII policy before storage: each detected span is kept, redacted to a typed placeholder ("[EMAIL]"),
/// replaced by a keyed hash, or makes the whole candidate blocked ("pii:card"), by type and tenant. Logs carry only the
/// reason and a count.
/// </summary>
internal sealed class PiiGuard(
    IOptionsMonitor<AgentMemoryOptions> optionsMonitor, PiiDetector detector, ILogger<PiiGuard>? logger = null) : IMemoryGuard
{
    private readonly ILogger _logger = logger ?? NullLogger<PiiGuard>.Instance;

    /// <inheritdoc />
    public ValueTask<GuardVerdict> InspectAsync(MemoryCandidate candidate, GuardContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var options = optionsMonitor.CurrentValue.Security.Pii;
        if (!options.Enabled)
        {
            return ValueTask.FromResult(GuardVerdict.Allow);
        }

        var matches = detector.Detect(candidate.Text);
        var guardedContext = GuardContextText(candidate.Context, options, context.Scope.TenantId, out var contextTypes);
        PiiType? blocked = null;
        var types = new SortedSet<string>(StringComparer.Ordinal);
        var text = matches.Count == 0 ? candidate.Text : PiiRedactor.Apply(candidate.Text, matches, options, context.Scope.TenantId, out blocked, out types);

        if (blocked is { } b)
        {
            var reason = "pii:" + PiiRedactor.Name(b);
            Log.CandidateBlocked(_logger, reason, candidate.Provenance.Source, 1);
            return ValueTask.FromResult(new GuardVerdict(GuardAction.Block, candidate with { Text = PiiRedactor.RedactAll(candidate.Text, matches), Context = guardedContext }, reason, 1));
        }

        if (types.Count == 0 && contextTypes.Count == 0)
        {
            return ValueTask.FromResult(GuardVerdict.Allow);
        }

        var why = "pii:" + string.Join(',', types.Concat(contextTypes.Select(t => "context:" + t)));
        Log.CandidateRewritten(_logger, why, matches.Count + contextTypes.Count);
        return ValueTask.FromResult(new GuardVerdict(GuardAction.Rewrite, candidate with { Text = text, Context = guardedContext }, why, 1));
    }

    /// <summary>
    /// The context with the same per-type policy applied, except that a type that would block the memory is redacted
    /// instead: a neighbouring turn's card number must not be stored, but it does not make this memory unacceptable.
    /// </summary>
    private string? GuardContextText(string? text, PiiGuardOptions options, string? tenantId, out IReadOnlyCollection<string> types)
    {
        types = [];
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var matches = detector.Detect(text);
        if (matches.Count == 0)
        {
            return text;
        }

        var guarded = PiiRedactor.Apply(text, matches, options, tenantId, out var blocked, out var found);
        if (blocked is not null)
        {
            types = matches.Select(m => PiiRedactor.Name(m.Type)).Distinct().ToList();
            return PiiRedactor.RedactAll(text, matches);
        }

        types = found;
        return guarded;
    }
}
