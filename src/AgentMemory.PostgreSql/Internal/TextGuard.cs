using System.Text;

namespace AgentMemory.PostgreSql.Internal;

/// <summary>
/// Makes text storable in PostgreSQL. Npgsql encodes strict UTF-8, so a lone surrogate (ill-formed UTF-16, e.g. a chat
/// message cut mid-emoji) would fail the whole call with a raw <see cref="EncoderFallbackException"/>: lone surrogates in
/// memory text, context, topic, metadata, provenance, reasons and queries are replaced with U+FFFD before they are sent,
/// the library's documented rule. PostgreSQL text cannot hold U+0000: such input is rejected up front as invalid.
/// Identifiers (scope ids, worker ids) are never rewritten, since two ids would become one; one that cannot be encoded
/// fails with <see cref="InvalidMemoryException"/> (see <see cref="Unencodable"/>).
/// </summary>
internal static class TextGuard
{
    private const char Replacement = '\uFFFD';

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

    /// <summary>The record with lone surrogates replaced in every text field it stores (the same instance when there are none).</summary>
    public static MemoryRecord Clean(MemoryRecord record)
    {
        var text = Clean(record.Text);
        var context = Clean(record.Context);
        var topic = Clean(record.Topic);
        var provenance = Clean(record.Provenance);
        var metadata = Clean(record.Metadata);
        return ReferenceEquals(text, record.Text) && ReferenceEquals(context, record.Context) && ReferenceEquals(topic, record.Topic)
            && ReferenceEquals(provenance, record.Provenance) && ReferenceEquals(metadata, record.Metadata)
            ? record
            : record with { Text = text!, Context = context, Topic = topic, Provenance = provenance!, Metadata = metadata! };
    }

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
    /// The metadata with lone surrogates replaced in keys and values (the same instance when there are none). Two keys
    /// that differ only in their ill-formed code units become one; the later entry wins, as a repeated key would.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? Clean(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null || metadata.All(p => !HasLoneSurrogate(p.Key) && !HasLoneSurrogate(p.Value)))
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

    /// <summary>The text with each lone surrogate replaced by U+FFFD (the same instance when there is none).</summary>
    public static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var first = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0 || !HasLoneSurrogate(text, first))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = first; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = Replacement;
            }
        }

        return new string(chars);
    }

    /// <summary>The typed error for a value Npgsql could not encode (an identifier holding a lone surrogate).</summary>
    public static InvalidMemoryException Unencodable()
        => new(MemoryValidationError.InvalidField, "A value sent to PostgreSQL is not well-formed UTF-16 (it holds a lone surrogate); identifiers must be well-formed Unicode.");

    private static bool HasLoneSurrogate(string text)
    {
        var first = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        return first >= 0 && HasLoneSurrogate(text, first);
    }

    private static bool HasLoneSurrogate(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
