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

        return AppendTerms(sb.Append(") AND {text context} : ("), terms).Append(')').ToString();
    }

    /// <summary>The MATCH expression for <paramref name="terms"/> in any scope (the caller filters the rows).</summary>
    public static string Build(IReadOnlyList<string> terms) => AppendTerms(new StringBuilder("{text context} : ("), terms).Append(')').ToString();

    private static StringBuilder AppendTerms(StringBuilder sb, IReadOnlyList<string> terms)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            // Terms hold only letters, digits and marks, so they never contain a quote; doubling is defence in depth.
            sb.Append(i == 0 ? "\"" : " OR \"").Append(terms[i].Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        return sb;
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
        // The core analyzer's stop words, so the SQLite lexical side ignores the words the in-memory BM25 ignores. Besides
        // matching ranking, it keeps a question's "when/how/about/her…" from matching most rows of a scope, which BM25
        // would score near zero anyway but FTS5 would still score and sort one by one.
        if (Lexical.TextAnalyzer.Default.IsStopWord(term) || !seen.Add(term))
        {
            return false;
        }

        terms.Add(term);
        return true;
    }
}
