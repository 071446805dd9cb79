using System.Globalization;

namespace AgentMemory.Consolidation;

/// <summary>
/// The daily budget and the watermark of <see cref="MemoryConsolidator"/>, read back from its own audit entries, so
/// they hold across restarts and across the instances sharing a store.
/// </summary>
internal sealed partial class MemoryConsolidator
{
    /// <summary>How far back the last complete pass is looked for; older than that, every pair is due again.</summary>
    private static readonly TimeSpan LedgerWindow = TimeSpan.FromDays(30);

    private static readonly IReadOnlySet<AuditAction> RunAction = new HashSet<AuditAction> { AuditAction.Consolidated };

    private async Task<Ledger> ReadLedgerAsync(MemoryScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var query = new AuditQuery { Scope = scope, From = now - LedgerWindow, Actions = RunAction, Limit = 100_000 };
        int compared = 0, merged = 0, distilled = 0;
        DateTimeOffset? watermark = null;
        await foreach (var entry in _store.QueryAuditAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (entry.Action != AuditAction.Consolidated || entry.Scope != scope)
            {
                continue;
            }

            var run = RunDetail.Parse(entry.Detail);
            if (entry.At >= dayStart)
            {
                compared += (int)Math.Min(int.MaxValue, entry.Count);
                merged += run.Merged;
                distilled += run.Distilled;
            }

            if (run.Complete && (watermark is null || entry.At > watermark))
            {
                watermark = entry.At;
            }
        }

        return new Ledger(compared, merged, distilled, watermark);
    }

    private Task AppendRunAsync(MemoryScope scope, DateTimeOffset started, RunDetail run, int compared)
        // Written even when the pass was cancelled: the merges it made count against the day's budget.
        => _store.AppendAuditAsync(
            new AuditEntry
            {
                At = started,
                Action = AuditAction.Consolidated,
                Scope = scope,
                Count = compared,
                Detail = run.Format(),
            },
            CancellationToken.None);

    /// <summary>
    /// What the passes of the last days left: today's comparisons, merges and distilled sessions, and when the last pass
    /// that compared every pair due started.
    /// </summary>
    private readonly record struct Ledger(int ComparedToday, int MergedToday, int DistilledToday, DateTimeOffset? Watermark);

    /// <summary>
    /// The audit detail of a pass: "merged=2;promoted=1;complete=1", with "distilled=1" before "complete" when sessions
    /// were distilled (no user text); complete means every pair due was compared.
    /// </summary>
    private readonly record struct RunDetail(int Merged, int Promoted, int Distilled, bool Complete)
    {
        public string Format()
            => Distilled == 0
                ? string.Create(CultureInfo.InvariantCulture, $"merged={Merged};promoted={Promoted};complete={(Complete ? 1 : 0)}")
                : string.Create(CultureInfo.InvariantCulture, $"merged={Merged};promoted={Promoted};distilled={Distilled};complete={(Complete ? 1 : 0)}");

        public static RunDetail Parse(string? detail)
        {
            int merged = 0, distilled = 0;
            var complete = false;
            foreach (var part in (detail ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    continue;
                }

                var key = part.AsSpan(0, eq);
                var value = part.AsSpan(eq + 1);
                if (key.SequenceEqual("merged") && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var m))
                {
                    merged = m;
                }
                else if (key.SequenceEqual("distilled") && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var d))
                {
                    distilled = d;
                }
                else if (key.SequenceEqual("complete"))
                {
                    complete = value.SequenceEqual("1");
                }
            }

            return new RunDetail(merged, 0, distilled, complete);
        }
    }
}
