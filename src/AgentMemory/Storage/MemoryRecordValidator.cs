using AgentMemory.Vectors;

namespace AgentMemory.Storage;

/// <summary>The checks every store runs on a record before writing anything.</summary>
public static class MemoryRecordValidator
{
    /// <summary>The default longest memory text, in characters.</summary>
    public const int DefaultMaxTextLength = 8_000;

    /// <summary>The most metadata entries a record may carry.</summary>
    public const int MaxMetadataEntries = 64;

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
        if (record.Context is { } context && context.Length > maxTextLength)
        {
            throw new InvalidMemoryException(MemoryValidationError.TextTooLong, $"A memory's context may be at most {maxTextLength} characters; this one has {context.Length}.", nameof(record));
        }

        if (!Enum.IsDefined(record.Kind))
        {
            throw new InvalidMemoryException(MemoryValidationError.InvalidField, $"Unknown memory kind {(int)record.Kind}.", nameof(record));
        }

        if (double.IsNaN(record.Importance) || record.Importance < 0 || record.Importance > 1)
        {
            throw new InvalidMemoryException(MemoryValidationError.InvalidImportance, "Importance must be within [0, 1].", nameof(record));
        }

        if (record.Metadata.Count > MaxMetadataEntries)
        {
            throw new InvalidMemoryException(MemoryValidationError.InvalidField, $"A memory may carry at most {MaxMetadataEntries} metadata entries.", nameof(record));
        }

        if (record.Topic is { Length: > 256 })
        {
            throw new InvalidMemoryException(MemoryValidationError.InvalidField, "A topic may be at most 256 characters.", nameof(record));
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
    }
}
