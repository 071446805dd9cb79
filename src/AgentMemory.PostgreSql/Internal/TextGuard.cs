namespace AgentMemory.PostgreSql.Internal;

/// <summary>PostgreSQL text cannot hold U+0000: such input is rejected up front as invalid, never sent.</summary>
internal static class TextGuard
{
    public static void Check(MemoryRecord record)
    {
        Check(record.Text, nameof(record));
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
}
