using System.Text.RegularExpressions;
using AgentMemory.Storage;
using Microsoft.Extensions.Options;

namespace AgentMemory.PostgreSql;

/// <summary>Options of <see cref="PostgreSqlMemoryStore"/>.</summary>
public sealed partial class PostgreSqlMemoryStoreOptions
{
    /// <summary>The PostgreSQL schema holding the store's tables (default "agentmemory"); created when missing.</summary>
    public string Schema { get; set; } = "agentmemory";

    /// <summary>
    /// How many hash partitions (by tenant) the memory, history and quarantine tables get when the schema is first
    /// created; 0 (default) creates plain tables. Fixed at creation: later values are ignored.
    /// </summary>
    public int TenantPartitions { get; set; }

    /// <summary>The longest memory text accepted, in characters.</summary>
    public int MaxTextLength { get; set; } = MemoryRecordValidator.DefaultMaxTextLength;

    /// <summary>The vector dimension, when known up front; null fixes it from the first vector any instance stores.</summary>
    public int? Dimension { get; set; }

    /// <summary>The PostgreSQL text-search configuration used for lexical search (default "english").</summary>
    public string TextSearchConfiguration { get; set; } = "english";

    /// <summary>How many times an operation that is safe to retry is retried after a transient failure (default 6).</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>The first back-off delay after a transient failure; it doubles on each retry (default 50 ms).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How many scopes' vectors one instance keeps cached for recall (default 10,000).</summary>
    public int MaxCachedScopes { get; set; } = 10_000;

    /// <summary>
    /// How many memories the cached scopes hold together, default 100,000 (each costs its vector, 4 bytes a dimension,
    /// plus its header without text: ≈ 200 MB at 384 dimensions). Beyond it the least recently used scopes are dropped,
    /// as beyond <see cref="MaxCachedScopes"/>, so a long-running host's memory reaches a plateau however many users it
    /// serves; the scope a search has just loaded is always kept, whatever its size. A dropped scope is read again from
    /// the server on its next recall.
    /// </summary>
    public long MaxCachedMemories { get; set; } = 100_000;

    /// <summary>Whether the library creates and migrates its schema on first use (default true).</summary>
    public bool AutoMigrate { get; set; } = true;

    /// <summary>
    /// Whether <see cref="PostgreSqlMemoryStore.EraseAsync"/> runs <see cref="PostgreSqlMemoryStore.ScrubAsync"/> itself
    /// once the erasure has committed (default false). Each erasure then rewrites the store's tables under an exclusive
    /// lock per table, stalling every instance's reads and writes of that table meanwhile: fit for small stores or rare
    /// erasures; otherwise leave it off and schedule <see cref="PostgreSqlMemoryStore.ScrubAsync"/> off-peak.
    /// </summary>
    public bool ScrubAfterErasure { get; set; }

    /// <summary>
    /// How long a scrub waits for each table's exclusive lock before failing (default 5 s; zero waits indefinitely).
    /// While it waits, every other query on that table queues behind it, so a short timeout bounds that stall.
    /// </summary>
    public TimeSpan ScrubLockTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every invalid setting.</summary>
    public void Validate()
    {
        var failures = new List<string>();
        if (Schema is null || !IdentifierPattern().IsMatch(Schema))
        {
            failures.Add("Schema must be a lowercase SQL identifier (a-z, 0-9, _; at most 63 characters).");
        }

        if (TextSearchConfiguration is null || !IdentifierPattern().IsMatch(TextSearchConfiguration))
        {
            failures.Add("TextSearchConfiguration must be a lowercase SQL identifier.");
        }

        if (TenantPartitions is < 0 or > 1024)
        {
            failures.Add("TenantPartitions must be within [0, 1024].");
        }

        if (MaxTextLength is < 1 or > MemoryRecordValidator.MaxTextLengthLimit)
        {
            failures.Add($"MaxTextLength must be within [1, {MemoryRecordValidator.MaxTextLengthLimit}].");
        }

        if (Dimension is < 1 or > MemoryRecordValidator.MaxDimension)
        {
            failures.Add($"Dimension must be within [1, {MemoryRecordValidator.MaxDimension}].");
        }

        if (MaxRetries is < 0 or > 100)
        {
            failures.Add("MaxRetries must be within [0, 100].");
        }

        if (RetryBaseDelay < TimeSpan.Zero || RetryBaseDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add("RetryBaseDelay must be within [0, 1 minute].");
        }

        if (ScrubLockTimeout < TimeSpan.Zero || ScrubLockTimeout > TimeSpan.FromHours(1))
        {
            failures.Add("ScrubLockTimeout must be within [0, 1 hour].");
        }

        if (MaxCachedScopes < 1)
        {
            failures.Add("MaxCachedScopes must be positive.");
        }

        if (MaxCachedMemories < 1)
        {
            failures.Add("MaxCachedMemories must be positive.");
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(nameof(PostgreSqlMemoryStoreOptions), typeof(PostgreSqlMemoryStoreOptions), failures);
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();
}
