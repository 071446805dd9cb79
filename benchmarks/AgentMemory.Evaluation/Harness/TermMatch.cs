using AgentMemory.Lexical;

namespace AgentMemory.Evaluation.Harness;

/// <summary>
/// Word-level comparisons through the library's own analyzer (<see cref="TextAnalyzer.Default"/>: case and diacritics
/// folded, English stop words dropped, Porter2 stems), so "what counts as a shared word" is what lexical recall sees.
/// </summary>
internal static class TermMatch
{
    /// <summary>The content terms <paramref name="a"/> and <paramref name="b"/> share, sorted.</summary>
    public static IReadOnlyList<string> Shared(string a, string b)
    {
        var terms = TextAnalyzer.Default.Analyze(a).ToHashSet(StringComparer.Ordinal);
        return [.. TextAnalyzer.Default.Analyze(b).Where(terms.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Content terms of <paramref name="a"/> and <paramref name="b"/> that differ but look like forms of one word the
    /// stemmer does not join ("allergic"/"allergy", "collect"/"collector"): a common prefix of at least
    /// <see cref="NearPrefix"/> characters, or one term a prefix of the other with at least four. Stricter than what
    /// lexical recall sees; the paraphrase set holds none of these either.
    /// </summary>
    public static IReadOnlyList<string> NearShared(string a, string b)
    {
        var left = TextAnalyzer.Default.Analyze(a).Distinct(StringComparer.Ordinal).ToList();
        var right = TextAnalyzer.Default.Analyze(b).Distinct(StringComparer.Ordinal).ToList();
        return [.. left.SelectMany(x => right.Where(y => !string.Equals(x, y, StringComparison.Ordinal) && Near(x, y)).Select(y => x + "~" + y)).Order(StringComparer.Ordinal)];

        static bool Near(string x, string y)
        {
            var common = 0;
            while (common < x.Length && common < y.Length && x[common] == y[common])
            {
                common++;
            }

            return common >= NearPrefix || (common >= 4 && common == Math.Min(x.Length, y.Length));
        }
    }

    /// <summary>The shortest common prefix that makes two different terms a near match.</summary>
    public const int NearPrefix = 5;

    /// <summary>Whether <paramref name="text"/> holds every content term of <paramref name="keyword"/> ("King's Cross" needs "king" and "cross").</summary>
    public static bool Contains(string text, string keyword)
    {
        var needed = TextAnalyzer.Default.Analyze(keyword);
        if (needed.Count == 0)
        {
            return false;
        }

        var terms = TextAnalyzer.Default.Analyze(text).ToHashSet(StringComparer.Ordinal);
        return needed.TrueForAll(terms.Contains);
    }

    /// <summary>Whether <paramref name="text"/> contains any of <paramref name="keywords"/>.</summary>
    public static bool ContainsAny(string text, IReadOnlyList<string> keywords) => keywords.Any(k => Contains(text, k));

    /// <summary>Whether <paramref name="keyword"/> has at least one content term (a keyword made only of stop words can never match).</summary>
    public static bool HasTerms(string keyword) => TextAnalyzer.Default.Analyze(keyword).Count > 0;
}
