using AgentMemory.Vectors;

namespace AgentMemory.Storage;

/// <summary>The checks every store runs on a record before writing anything.</summary>
internal static class MemoryRecordValidator
{
    /// <summary>The default longest memory text, in characters.</summary>
    public const int DefaultMaxTextLength = 8_000;

    /// <summary>The largest <c>MaxTextLength</c> any options class accepts, in characters (the one declaration of that limit).</summary>
    public const int MaxTextLengthLimit = 1_000_000;

    /// <summary>The largest vector dimension any options class accepts (the one declaration of that limit).</summary>
    public const int MaxDimension = 65_536;

    /// <summary>The most metadata entries a record may carry.</summary>
    public const int MaxMetadataEntries = 64;

    /// <summary>The longest metadata key, in characters.</summary>
    public const int MaxMetadataKeyLength = 128;

    /// <summary>The longest metadata value, in characters.</summary>
    public const int MaxMetadataValueLength = 4_096;

    /// <summary>The longest topic, in characters.</summary>
    public const int MaxTopicLength = 256;

    /// <summary>The longest provenance speaker or reference, in characters.</summary>
    public const int MaxProvenanceFieldLength = 1_024;

    /// <summary>Throws <see cref="InvalidMemoryException"/> when <paramref name="record"/> cannot be stored.</summary>
    /// <param name="record">The record.</param>
    /// <param name="maxTextLength">The longest text accepted.</param>
    /// <param name="expectedDimension">The store's vector dimension, or null when the store has none yet.</param>
    public static void Validate(MemoryRecord record, int maxTextLength = DefaultMaxTextLength, int? expectedDimension = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(record.Scope, nameof(record.Scope));
        if (record.Id == Guid.Empty)
        {
            throw new InvalidMemoryException(MemoryValidationError.InvalidField, "A memory needs a non-empty id.", nameof(record));
        }

        ValidateText(record.Text, maxTextLength);
        if (record.Context is { } context)
        {
            if (context.Length > maxTextLength)
            {
                throw new InvalidMemoryException(MemoryValidationError.TextTooLong, $"A memory's context may be at most {maxTextLength} characters; this one has {context.Length}.", nameof(record));
            }

            WellFormed(context, "context");
        }

        if (!Enum.IsDefined(record.Kind))
        {
            throw new InvalidMemoryException(MemoryValidationError.InvalidField, $"Unknown memory kind {(int)record.Kind}.", nameof(record));
        }

        if (double.IsNaN(record.Importance) || record.Importance < 0 || record.Importance > 1)
        {
            throw new InvalidMemoryException(MemoryValidationError.InvalidImportance, "Importance must be within [0, 1].", nameof(record));
        }

        ValidateMetadata(record.Metadata);
        ValidateProvenance(record.Provenance);
        if (record.Topic is { } topic)
        {
            Limit(topic.Length, MaxTopicLength, "topic");
            WellFormed(topic, "topic");
        }

        if (!record.Embedding.IsEmpty)
        {
            if (expectedDimension is { } dim && record.Embedding.Length != dim)
            {
                throw new InvalidMemoryException(MemoryValidationError.DimensionMismatch, $"The store holds {dim}-dimensional vectors; this memory's has {record.Embedding.Length}.", nameof(record));
            }

            VectorMath.Validate(record.Embedding.Span, nameof(record));
        }
    }

    /// <summary>Throws when an audit entry cannot be stored: the entry or its scope is missing.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> or its scope is null.</exception>
    public static void ValidateAudit(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.Scope, nameof(entry));
    }

    /// <summary>Throws when a quarantine entry cannot be stored: it, its scope, provenance or reason is missing, or its text is invalid.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="item"/>, its scope, provenance or reason is null.</exception>
    /// <exception cref="InvalidMemoryException">The text is empty, longer than <paramref name="maxTextLength"/> or ill-formed.</exception>
    public static void ValidateQuarantined(QuarantinedMemory item, int maxTextLength)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(item.Scope, nameof(item));
        ArgumentNullException.ThrowIfNull(item.Provenance, nameof(item));
        ArgumentNullException.ThrowIfNull(item.Reason, nameof(item));
        ValidateText(item.Text, maxTextLength);
    }

    /// <summary>Throws <see cref="InvalidMemoryException"/> when <paramref name="text"/> is empty or longer than <paramref name="maxTextLength"/>.</summary>
    public static void ValidateText(string? text, int maxTextLength = DefaultMaxTextLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidMemoryException(MemoryValidationError.EmptyText, "A memory's text must not be empty.", nameof(text));
        }

        if (text.Length > maxTextLength)
        {
            throw new InvalidMemoryException(MemoryValidationError.TextTooLong, $"A memory's text may be at most {maxTextLength} characters; this one has {text.Length}.", nameof(text));
        }

        WellFormed(text, "text");
    }

    /// <summary>Throws <see cref="InvalidMemoryException"/> when <paramref name="metadata"/> is null, has too many or too large entries, or holds ill-formed text.</summary>
    public static void ValidateMetadata(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null)
        {
            throw new InvalidMemoryException(MemoryValidationError.InvalidField, "A memory's metadata must not be null (use an empty dictionary).", nameof(metadata));
        }

        if (metadata.Count > MaxMetadataEntries)
        {
            throw new InvalidMemoryException(MemoryValidationError.LimitExceeded, $"A memory may carry at most {MaxMetadataEntries} metadata entries; this one has {metadata.Count}.", nameof(metadata));
        }

        foreach (var (key, value) in metadata)
        {
            if (string.IsNullOrWhiteSpace(key) || value is null)
            {
                throw new InvalidMemoryException(MemoryValidationError.InvalidField, "A metadata key must not be empty and a metadata value must not be null.", nameof(metadata));
            }

            Limit(key.Length, MaxMetadataKeyLength, "metadata key");
            Limit(value.Length, MaxMetadataValueLength, "metadata value");
            WellFormed(key, "metadata key");
            WellFormed(value, "metadata value");
        }
    }

    /// <summary>Throws <see cref="InvalidMemoryException"/> when <paramref name="provenance"/> is null, of an unknown source, or has an oversized or ill-formed field.</summary>
    public static void ValidateProvenance(MemoryProvenance? provenance)
    {
        if (provenance is null)
        {
            throw new InvalidMemoryException(MemoryValidationError.InvalidField, "A memory's provenance must not be null.", nameof(provenance));
        }

        if (!Enum.IsDefined(provenance.Source))
        {
            throw new InvalidMemoryException(MemoryValidationError.InvalidField, $"Unknown memory source {(int)provenance.Source}.", nameof(provenance));
        }

        foreach (var (field, name) in new[] { (provenance.Speaker, "provenance speaker"), (provenance.Reference, "provenance reference") })
        {
            if (field is not null)
            {
                Limit(field.Length, MaxProvenanceFieldLength, name);
                WellFormed(field, name);
            }
        }
    }

    private static void Limit(int length, int max, string what)
    {
        if (length > max)
        {
            throw new InvalidMemoryException(MemoryValidationError.LimitExceeded, $"A memory's {what} may be at most {max} characters; this one has {length}.", what);
        }
    }

    private static void WellFormed(string text, string what)
    {
        if (Utf16Text.IndexOfIllFormed(text) is var at and >= 0)
        {
            throw new InvalidMemoryException(MemoryValidationError.IllFormedText, $"A memory's {what} is not well-formed UTF-16 (a lone surrogate at index {at}); IAgentMemory replaces such characters with U+FFFD before storing.", what);
        }
    }
}
