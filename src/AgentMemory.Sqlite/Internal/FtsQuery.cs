using System.Globalization;
using System.Text;

namespace AgentMemory.Sqlite.Internal;

/// <summary>
/// Turns any user text into a safe FTS5 query: the text is split into words (letters, digits, marks), every word is
/// quoted as a string literal and the words are OR-ed, so quotes, <c>NEAR</c>, <c>AND</c>, <c>*</c>, <c>^</c>,
/// column filters and parentheses in the text are plain words or separators, never operators. The query is restricted
/// to the given scopes through the index's <c>scope</c> column.
/// </summary>
internal static class FtsQuery
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "of", "on", "or",
        "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with", "i", "me", "my",
        "we", "you", "your", "do", "does", "did", "have", "has", "had", "so", "what", "which", "who", "am", "been", "were",
    };

    /// <summary>The token stored in the index's scope column for a scope row id.</summary>
    public static string ScopeToken(long scopeId) => string.Create(CultureInfo.InvariantCulture, $"sc{scopeId}");

    /// <summary>The distinct words of <paramref name="text"/> (lower-cased, stop words dropped), at most <paramref name="maxTerms"/>.</summary>
    public static List<string> Terms(string? text, int maxTerms)
    {
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return terms;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                word.Append(rune.ToString());
                continue;
            }

            if (Flush(word, seen, terms) && terms.Count >= maxTerms)
            {
                return terms;
            }
        }

        Flush(word, seen, terms);
        if (terms.Count > maxTerms)
        {
            terms.RemoveRange(maxTerms, terms.Count - maxTerms);
        }

        return terms;
    }

    /// <summary>The MATCH expression for <paramref name="terms"/> within the scopes <paramref name="scopeIds"/>.</summary>
    public static string Build(IReadOnlyList<string> terms, IReadOnlyList<long> scopeIds)
    {
        var sb = new StringBuilder("{scope} : (");
        for (var i = 0; i < scopeIds.Count; i++)
        {
            sb.Append(i == 0 ? string.Empty : " OR ").Append(ScopeToken(scopeIds[i]));
        }

        sb.Append(") AND {text context} : (");
        for (var i = 0; i < terms.Count; i++)
        {
            // Terms hold only letters, digits and marks, so they never contain a quote; doubling is defence in depth.
            sb.Append(i == 0 ? "\"" : " OR \"").Append(terms[i].Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        return sb.Append(')').ToString();
    }

    private static bool IsWordRune(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        return Rune.IsLetterOrDigit(rune)
            || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }

    private static bool Flush(StringBuilder word, HashSet<string> seen, List<string> terms)
    {
        if (word.Length == 0)
        {
            return false;
        }

        var term = word.ToString().ToLowerInvariant();
        word.Clear();
        if (StopWords.Contains(term) || !seen.Add(term))
        {
            return false;
        }

        terms.Add(term);
        return true;
    }
}
