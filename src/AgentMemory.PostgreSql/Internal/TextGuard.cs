using System.Text;

namespace AgentMemory.PostgreSql.Internal;

/// <summary>
/// Makes text storable in PostgreSQL. Npgsql encodes strict UTF-8, so a lone surrogate would fail a call with a raw
/// <see cref="EncoderFallbackException"/>. A record's fields and a quarantined item's text are validated by the core
/// (<see cref="Storage.MemoryRecordValidator"/> rejects ill-formed text with <see cref="MemoryValidationError.IllFormedText"/>;
/// <see cref="IAgentMemory"/> repairs it before it gets here). The other text the store writes or compares — reasons,
/// audit details and query hashes, outbox payloads and errors, a quarantined item's reason and provenance, query filters —
/// has lone surrogates replaced with U+FFFD, the library's rule (through the core's Utf16Text). Identifiers are never
/// rewritten (two ids would become one): one that cannot be encoded fails with <see cref="Unencodable"/>'s typed error.
/// PostgreSQL text cannot hold U+0000: such input is rejected up front as invalid.
/// </summary>
internal static class TextGuard
{
    public static void Check(MemoryRecord record)
    {
        Check(record.Text, nameof(record));
        Check(record.Context, nameof(record));
        Check(record.Topic, nameof(record));
        Check(record.Provenance?.Speaker, nameof(record));
        Check(record.Provenance?.Reference, nameof(record));
        foreach (var (key, value) in record.Metadata)
        {
            Check(key, nameof(record));
            Check(value, nameof(record));
        }
    }

    public static void Check(string? text, string paramName)
    {
        if (text is not null && text.Contains('\0', StringComparison.Ordinal))
        {
            throw new InvalidMemoryException(MemoryValidationError.InvalidField, "PostgreSQL text cannot contain NUL (U+0000) characters.", paramName);
        }
    }

    /// <summary>The text with each lone surrogate replaced by U+FFFD (the same instance when there is none): the core's rule.</summary>
    public static string? Clean(string? text) => Utf16Text.RepairOptional(text);

    /// <summary>The filter with lone surrogates replaced in its topic and metadata, so it matches what was stored (the same instance when there are none).</summary>
    public static MemoryFilter Clean(MemoryFilter filter)
    {
        var topic = Clean(filter.Topic);
        var metadata = Clean(filter.Metadata);
        return ReferenceEquals(topic, filter.Topic) && ReferenceEquals(metadata, filter.Metadata) ? filter : filter with { Topic = topic, Metadata = metadata };
    }

    /// <summary>The provenance with lone surrogates replaced (the same instance when there are none).</summary>
    public static MemoryProvenance? Clean(MemoryProvenance? provenance)
    {
        if (provenance is null)
        {
            return null;
        }

        var speaker = Clean(provenance.Speaker);
        var reference = Clean(provenance.Reference);
        return ReferenceEquals(speaker, provenance.Speaker) && ReferenceEquals(reference, provenance.Reference)
            ? provenance
            : provenance with { Speaker = speaker, Reference = reference };
    }

    /// <summary>
    /// Filter metadata with lone surrogates replaced in keys and values (the same instance when there are none). Two keys
    /// that differ only in their ill-formed code units become one; the later entry wins, as a repeated key would.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? Clean(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null || metadata.All(p => IndexOfLoneSurrogate(p.Key) < 0 && IndexOfLoneSurrogate(p.Value) < 0))
        {
            return metadata;
        }

        var result = new Dictionary<string, string>(metadata.Count, StringComparer.Ordinal);
        foreach (var (key, value) in metadata)
        {
            result[Clean(key)!] = Clean(value)!;
        }

        return result.AsReadOnly();
    }

    /// <summary>The typed error for a value Npgsql could not encode (an identifier holding a lone surrogate).</summary>
    public static InvalidMemoryException Unencodable()
        => new(MemoryValidationError.IllFormedText, "A value sent to PostgreSQL is not well-formed UTF-16 (it holds a lone surrogate); identifiers must be well-formed Unicode.");

    private static int IndexOfLoneSurrogate(string text) => Utf16Text.IndexOfIllFormed(text);
}
