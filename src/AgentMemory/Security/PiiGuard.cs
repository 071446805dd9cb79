using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgentMemory.Security;

/// <summary>
/// Applies the PII policy before storage: each detected span is kept, redacted to a typed placeholder ("[EMAIL]"),
/// replaced by a keyed hash, or makes the whole candidate blocked ("pii:card"), by type and tenant. Logs carry only the
/// reason and a count.
/// </summary>
public sealed class PiiGuard : IMemoryGuard
{
    private readonly IOptionsMonitor<AgentMemoryOptions> _options;
    private readonly PiiDetector _detector;
    private readonly ILogger _logger;

    /// <summary>Creates the guard.</summary>
    public PiiGuard(IOptionsMonitor<AgentMemoryOptions> options, PiiDetector detector, ILogger<PiiGuard>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(detector);
        _options = options;
        _detector = detector;
        _logger = logger ?? NullLogger<PiiGuard>.Instance;
    }

    /// <inheritdoc />
    public ValueTask<GuardVerdict> InspectAsync(MemoryCandidate candidate, GuardContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var options = _options.CurrentValue.Security.Pii;
        if (!options.Enabled)
        {
            return ValueTask.FromResult(GuardVerdict.Allow);
        }

        var matches = _detector.Detect(candidate.Text);
        if (matches.Count == 0)
        {
            return ValueTask.FromResult(GuardVerdict.Allow);
        }

        var text = PiiRedactor.Apply(candidate.Text, matches, options, context.Scope.TenantId, out var blocked, out var types);
        if (blocked is { } b)
        {
            var reason = "pii:" + PiiRedactor.Name(b);
            SecurityLog.CandidateBlocked(_logger, reason, candidate.Provenance.Source, 1);
            return ValueTask.FromResult(new GuardVerdict(GuardAction.Block, candidate with { Text = PiiRedactor.RedactAll(candidate.Text, matches) }, reason, 1));
        }

        if (types.Count == 0)
        {
            return ValueTask.FromResult(GuardVerdict.Allow);
        }

        var why = "pii:" + string.Join(',', types);
        SecurityLog.CandidateRewritten(_logger, why, matches.Count);
        return ValueTask.FromResult(new GuardVerdict(GuardAction.Rewrite, candidate with { Text = text }, why, 1));
    }
}
