namespace AgentMemory;

/// <summary>
/// The one rule for ill-formed UTF-16 (a lone surrogate, as in a chat message cut mid-emoji): scope ids that carry one are
/// rejected, and text that carries one is repaired by replacing each lone surrogate with U+FFFD before anything reads or
/// stores it. Stores reject records that still carry one, so nothing ill-formed is ever persisted or silently altered.
/// </summary>
internal static class Utf16Text
{
    /// <summary>The replacement character that stands in for a lone surrogate.</summary>
    public const char Replacement = '\uFFFD';

    /// <summary>The index of the first lone surrogate in <paramref name="text"/>, or -1 when it is well-formed.</summary>
    public static int IndexOfIllFormed(ReadOnlySpan<char> text)
    {
        var start = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (start < 0)
        {
            return -1;
        }

        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether <paramref name="text"/> holds no lone surrogate.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> text) => IndexOfIllFormed(text) < 0;

    /// <summary><paramref name="text"/> with every lone surrogate replaced by U+FFFD (the same instance when it is well-formed).</summary>
    public static string Repair(string text)
    {
        var first = IndexOfIllFormed(text);
        if (first < 0)
        {
            return text;
        }

        return string.Create(text.Length, (text, first), static (span, state) =>
        {
            var (source, from) = state;
            source.AsSpan().CopyTo(span);
            for (var i = from; i < span.Length; i++)
            {
                var c = span[i];
                if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(c))
                {
                    span[i] = Replacement;
                }
            }
        });
    }

    /// <summary><see cref="Repair(string)"/> for an optional text.</summary>
    public static string? RepairOptional(string? text) => text is null ? null : Repair(text);
}
