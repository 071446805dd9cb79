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
    // The core analyzer's list (TextAnalyzer: NLTK's English stop words, apostrophes removed, plus contractions), so the
    // SQLite lexical side ignores the words the in-memory BM25 ignores. Besides matching ranking, it keeps a question's
    // "when/how/about/her…" from matching most rows of a scope, which BM25 would score near zero anyway but FTS5 would
    // still score and sort one by one.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "youre", "youve", "youll", "youd", "your", "yours",
        "yourself", "yourselves", "he", "him", "his", "himself", "she", "shes", "her", "hers", "herself", "it", "its", "itself",
        "they", "them", "their", "theirs", "themselves", "what", "which", "who", "whom", "this", "that", "thatll", "these", "those",
        "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing", "a",
        "an", "the", "and", "but", "if", "or", "because", "as", "until", "while", "of", "at", "by", "for", "with", "about",
        "against", "between", "into", "through", "during", "before", "after", "above", "below", "to", "from", "up", "down", "in",
        "out", "on", "off", "over", "under", "again", "further", "then", "once", "here", "there", "when", "where", "why", "how",
        "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor", "not", "only", "own", "same",
        "so", "than", "too", "very", "s", "t", "can", "will", "just", "don", "dont", "should", "shouldve", "now", "d", "ll", "m",
        "o", "re", "ve", "y", "ain", "aren", "arent", "couldn", "couldnt", "didn", "didnt", "doesn", "doesnt", "hadn", "hadnt",
        "hasn", "hasnt", "haven", "havent", "isn", "isnt", "ma", "mightn", "mightnt", "mustn", "mustnt", "needn", "neednt", "shan",
        "shant", "shouldn", "shouldnt", "wasn", "wasnt", "weren", "werent", "won", "wont", "wouldn", "wouldnt",
        "im", "ive", "id", "ill", "would", "could",
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
        if (StopWords.Contains(term) || !seen.Add(term))
        {
            return false;
        }

        terms.Add(term);
        return true;
    }
}
