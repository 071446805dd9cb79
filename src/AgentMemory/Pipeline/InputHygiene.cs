using AgentMemory.Storage;

namespace AgentMemory.Pipeline;

/// <summary>
/// What <see cref="IAgentMemory"/> does to every input before any other work: ill-formed UTF-16 repaired (see
/// <see cref="Utf16Text"/>), and each documented limit checked with a typed error, so bad input fails before anything is
/// embedded, guarded or stored.
/// </summary>
internal static class InputHygiene
{
    /// <summary>The candidate with its text fields repaired, after its metadata and provenance were checked.</summary>
    /// <exception cref="InvalidMemoryException">Null or oversized metadata or provenance.</exception>
    public static MemoryCandidate Prepare(MemoryCandidate candidate)
    {
        var metadata = RepairMetadata(candidate.Metadata);
        MemoryRecordValidator.ValidateMetadata(metadata);
        var provenance = RepairProvenance(candidate.Provenance);
        MemoryRecordValidator.ValidateProvenance(provenance);
        return candidate with
        {
            Text = candidate.Text is null ? null! : Utf16Text.Repair(candidate.Text),
            Context = Utf16Text.RepairOptional(candidate.Context),
            Topic = Utf16Text.RepairOptional(candidate.Topic),
            Metadata = metadata!,
            Provenance = provenance!,
        };
    }

    /// <summary>The update with its text fields repaired, after its metadata (when given) was checked.</summary>
    public static MemoryUpdate Prepare(MemoryUpdate update)
    {
        var metadata = update.Metadata is null ? null : RepairMetadata(update.Metadata);
        if (metadata is not null)
        {
            MemoryRecordValidator.ValidateMetadata(metadata);
        }

        return update with
        {
            Text = Utf16Text.RepairOptional(update.Text),
            Topic = Utf16Text.RepairOptional(update.Topic),
            Metadata = metadata,
        };
    }

    /// <summary>The request with its queries repaired, after its limits were checked.</summary>
    /// <exception cref="ArgumentException">A query is too long, there are too many additional queries, or <c>TopK</c> is out of range.</exception>
    public static RecallRequest Prepare(RecallRequest request)
    {
        ArgumentNullException.ThrowIfNull(request.Scope, nameof(request));
        ArgumentNullException.ThrowIfNull(request.Query, nameof(request));
        QueryLength(request.Query, nameof(request));
        if (request.TopK is { } topK)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(topK, nameof(request));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(topK, RecallRequest.MaxTopK, nameof(request));
        }

        if (request.MinScore is { } minScore && double.IsNaN(minScore))
        {
            throw new ArgumentException("MinScore must be a number.", nameof(request));
        }

        ArgumentNullException.ThrowIfNull(request.Filter, nameof(request));
        IReadOnlyList<string>? additional = null;
        if (request.AdditionalQueries is { } queries)
        {
            if (queries.Count > RecallRequest.MaxAdditionalQueries)
            {
                throw new ArgumentException($"A recall may carry at most {RecallRequest.MaxAdditionalQueries} additional queries; this one has {queries.Count}.", nameof(request));
            }

            var repaired = new string[queries.Count];
            for (var i = 0; i < repaired.Length; i++)
            {
                var q = queries[i] ?? throw new ArgumentException("Additional queries must not contain null.", nameof(request));
                QueryLength(q, nameof(request));
                repaired[i] = Utf16Text.Repair(q);
            }

            additional = repaired;
        }

        return request with
        {
            Query = Utf16Text.Repair(request.Query),
            AdditionalQueries = additional,
            RecentMessages = request.RecentMessages is { } recent ? Repair(recent) : null,
        };
    }

    /// <summary>The messages with every text content repaired (the same list when all are well-formed).</summary>
    public static IReadOnlyList<ChatMessage> Repair(IReadOnlyList<ChatMessage> messages)
    {
        List<ChatMessage>? result = null;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (message is null || message.Contents.All(c => c is not TextContent t || Utf16Text.IsWellFormed(t.Text)))
            {
                result?.Add(message!);
                continue;
            }

            result ??= [.. messages.Take(i)];
            var copy = message.Clone();
            copy.Contents = [.. message.Contents.Select(c => c is TextContent t ? new TextContent(Utf16Text.Repair(t.Text)) { AdditionalProperties = t.AdditionalProperties } : c)];
            result.Add(copy);
        }

        return result ?? messages;
    }

    private static void QueryLength(string query, string paramName)
    {
        if (query.Length > RecallRequest.MaxQueryLength)
        {
            throw new ArgumentException($"A recall query may be at most {RecallRequest.MaxQueryLength} characters; this one has {query.Length}.", paramName);
        }
    }

    private static IReadOnlyDictionary<string, string>? RepairMetadata(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null || metadata.All(p => (p.Key is null || Utf16Text.IsWellFormed(p.Key)) && (p.Value is null || Utf16Text.IsWellFormed(p.Value))))
        {
            return metadata;
        }

        var repaired = new Dictionary<string, string>(metadata.Count, StringComparer.Ordinal);
        foreach (var (key, value) in metadata)
        {
            repaired[Utf16Text.Repair(key)] = value is null ? null! : Utf16Text.Repair(value);
        }

        return repaired;
    }

    private static MemoryProvenance? RepairProvenance(MemoryProvenance? provenance) => provenance is null
        ? null
        : provenance with { Speaker = Utf16Text.RepairOptional(provenance.Speaker), Reference = Utf16Text.RepairOptional(provenance.Reference) };
}
