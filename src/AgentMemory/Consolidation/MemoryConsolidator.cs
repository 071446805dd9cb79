using System.Numerics.Tensors;

namespace AgentMemory.Consolidation;

/// <summary>
/// The default <see cref="IMemoryConsolidator"/>: compares the current semantic memories of one scope pairwise (newest
/// first, only pairs with a memory changed since the last complete pass), and merges a near duplicate into the older
/// memory through <see cref="IMemoryStore.UpdateAsync"/>, so every merge leaves history and audit entries.
/// </summary>
internal sealed partial class MemoryConsolidator : IMemoryConsolidator
{
    private static readonly IReadOnlySet<MemoryKind> SemanticOnly = new HashSet<MemoryKind> { MemoryKind.Semantic };

    private readonly IMemoryStore _store;
    private readonly IOptionsMonitor<AgentMemoryOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SessionDistiller? _distiller;

    public MemoryConsolidator(IMemoryStore store, IOptionsMonitor<AgentMemoryOptions> options, TimeProvider time, ILoggerFactory? loggerFactory = null, SessionDistiller? distiller = null)
    {
        _store = store;
        _distiller = distiller;
        _options = options;
        _time = time;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<MemoryConsolidator>();
    }

    public async Task<ConsolidationResult> ConsolidateAsync(MemoryScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var options = _options.CurrentValue.Consolidation;
        var started = _time.GetUtcNow();
        var ledger = await ReadLedgerAsync(scope, started, cancellationToken).ConfigureAwait(false);
        var comparisonsLeft = Math.Max(0, options.MaxComparisonsPerDay - ledger.ComparedToday);
        var mergesLeft = Math.Max(0, options.MaxMergesPerDay - ledger.MergedToday);
        int distilled = 0;
        var distillationPending = false;
        if (_distiller is not null)
        {
            try
            {
                (distilled, distillationPending) = await _distiller.DistilAsync(scope, Math.Max(0, options.MaxDistilledSessionsPerDay - ledger.DistilledToday), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && distilled == 0)
            {
                // The model failing must not stop the merges; the sessions stay undistilled and due.
                distillationPending = true;
                Log.DistillationFailed(_logger, ex, scope.TenantId);
            }
        }

        var memories = await ListCurrentSemanticAsync(scope, cancellationToken).ConfigureAwait(false);
        int compared = 0, merged = 0, promoted = 0;
        var complete = true;
        try
        {
            // Newest first: under a tight budget the memories formed since the last pass are checked before the rest.
            for (var j = memories.Count - 1; j > 0 && complete; j--)
            {
                var newer = memories[j];
                if (newer is null)
                {
                    continue;
                }

                for (var i = 0; i < j; i++)
                {
                    var older = memories[i];
                    if (older is null || (ledger.Watermark is { } mark && older.UpdatedAt < mark && newer.UpdatedAt < mark))
                    {
                        continue;
                    }

                    if (comparisonsLeft == 0 || mergesLeft == 0)
                    {
                        complete = false;
                        break;
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                    comparisonsLeft--;
                    compared++;
                    if (older.Embedding.Length != newer.Embedding.Length
                        || TensorPrimitives.Dot(older.Embedding.Span, newer.Embedding.Span) < options.SimilarityThreshold
                        || !NearDuplicate.SameFact(older.Text, newer.Text))
                    {
                        continue;
                    }

                    var (survivor, confirmed) = await MergeAsync(older, newer, options, cancellationToken).ConfigureAwait(false);
                    memories[i] = survivor;
                    memories[j] = null;
                    mergesLeft--;
                    merged++;
                    promoted += confirmed ? 1 : 0;
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            complete = false;
            throw;
        }
        finally
        {
            if (compared > 0 || merged > 0 || distilled > 0 || !complete)
            {
                await AppendRunAsync(scope, started, new RunDetail(merged, promoted, distilled, complete), compared).ConfigureAwait(false);
            }
        }

        Log.Consolidated(_logger, scope.TenantId, compared, merged, promoted, complete);
        return new ConsolidationResult(scope, compared, merged, promoted, complete && !distillationPending, distilled);
    }

    private async Task<List<MemoryRecord?>> ListCurrentSemanticAsync(MemoryScope scope, CancellationToken cancellationToken)
    {
        var list = new List<MemoryRecord?>();
        var listing = new MemoryListOptions
        {
            Match = ScopeMatch.Exact,
            Filter = new MemoryFilter { Kinds = SemanticOnly },
            Order = MemoryListOrder.CreatedAscending,
        };
        var now = _time.GetUtcNow();
        await foreach (var record in _store.ListAsync(scope, listing, cancellationToken).ConfigureAwait(false))
        {
            // The store enforces the filter; these checks make sure a merge never leaves the scope, kind or present.
            if (record.Kind == MemoryKind.Semantic && record.Scope == scope && !record.IsSuperseded && !record.IsExpired(now) && !record.Embedding.IsEmpty)
            {
                list.Add(record);
            }
        }

        return list;
    }

    /// <summary>
    /// Closes <paramref name="newer"/> as superseded by <paramref name="older"/> (first, so a retried pass finds nothing
    /// left to merge), then lifts the survivor's importance to the larger of the two, and further when the merge confirms
    /// the fact on a new occasion.
    /// </summary>
    private async Task<(MemoryRecord Survivor, bool Confirmed)> MergeAsync(MemoryRecord older, MemoryRecord newer, ConsolidationOptions options, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var closedMetadata = new Dictionary<string, string>(newer.Metadata, StringComparer.Ordinal) { [MemoryTimeline.SupersededByKey] = older.Id.ToString("D") };
        await _store.UpdateAsync(
            newer with { ValidTo = now < newer.ValidFrom ? newer.ValidFrom : now, Metadata = closedMetadata, UpdatedAt = now },
            MemoryChangeKind.Superseded,
            MemoryConsolidation.MergedReason,
            cancellationToken).ConfigureAwait(false);

        var occasions = Occasions(older);
        var added = 0;
        foreach (var occasion in Occasions(newer))
        {
            if (!occasions.Contains(occasion, StringComparer.Ordinal))
            {
                occasions.Add(occasion);
                added++;
            }
        }

        var importance = Math.Max(older.Importance, newer.Importance);
        if (added > 0 && importance < options.MaxPromotedImportance)
        {
            importance = Math.Min(options.MaxPromotedImportance, importance + (options.PromotionStep * added));
        }

        var mergedFrom = older.Metadata.TryGetValue(MemoryConsolidation.MergedFromKey, out var ids) && ids.Length > 0
            ? ids.Split(',').Append(newer.Id.ToString("D")).TakeLast(MemoryConsolidation.MaxOccasions)
            : [newer.Id.ToString("D")];
        var metadata = new Dictionary<string, string>(older.Metadata, StringComparer.Ordinal)
        {
            [MemoryConsolidation.MergedFromKey] = string.Join(',', mergedFrom),
            [MemoryConsolidation.OccasionsKey] = string.Join(',', occasions.TakeLast(MemoryConsolidation.MaxOccasions)),
            [MemoryConsolidation.ConfirmationsKey] = occasions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var survivor = await _store.UpdateAsync(
            older with { Importance = Math.Clamp(importance, 0, 1), Metadata = metadata, UpdatedAt = now },
            MemoryChangeKind.Updated,
            MemoryConsolidation.SurvivorReason,
            cancellationToken).ConfigureAwait(false);
        return (survivor, added > 0);
    }

    /// <summary>The occasions a memory was stated on: those it lists, or else its session or its UTC day.</summary>
    private static List<string> Occasions(MemoryRecord record)
    {
        if (record.Metadata.TryGetValue(MemoryConsolidation.OccasionsKey, out var listed) && listed.Length > 0)
        {
            return [.. listed.Split(',', StringSplitOptions.RemoveEmptyEntries)];
        }

        return [MemoryConsolidation.Occasion(record)];
    }
}
