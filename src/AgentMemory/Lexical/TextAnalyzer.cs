using System.Globalization;
using System.Text;

namespace AgentMemory.Lexical;

/// <summary>
/// Turns text into index terms: Unicode-aware word splitting, case folding, diacritics removal, English stop words
/// dropped, light suffix stemming. The same analyzer is used for documents and queries.
/// </summary>
public sealed class TextAnalyzer
{
    private static readonly HashSet<string> EnglishStopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
        "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
        "will", "with", "i", "me", "my", "we", "our", "you", "your", "he", "she", "his", "her", "its", "do", "does",
        "did", "have", "has", "had", "so", "what", "which", "who", "whom", "am", "been", "being", "were", "would",
        "should", "could", "can", "just", "about", "from", "up", "out", "than", "too", "very", "s", "t",
    };

    private readonly HashSet<string> _stopWords;

    /// <summary>Creates an analyzer that drops <paramref name="stopWords"/> (default: a short English list).</summary>
    public TextAnalyzer(IEnumerable<string>? stopWords = null)
    {
        _stopWords = stopWords is null ? EnglishStopWords : new HashSet<string>(stopWords, StringComparer.Ordinal);
    }

    /// <summary>The shared default analyzer (immutable).</summary>
    public static TextAnalyzer Default { get; } = new();

    /// <summary>The terms of <paramref name="text"/>, in order, with repeats.</summary>
    public List<string> Analyze(string? text)
    {
        var terms = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return terms;
        }

        var sb = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
            else if (ch == '\'' || ch == '’')
            {
                // "Caroline's" -> "caroline"; "don't" -> "dont"
                continue;
            }
            else
            {
                Flush(sb, terms, _stopWords);
            }
        }

        Flush(sb, terms, _stopWords);
        return terms;
    }

    /// <summary>
    /// The words of <paramref name="text"/>: lower-cased, diacritics removed, possessive "'s" dropped, no stop-word removal
    /// and no stemming (for matching names and cue words).
    /// </summary>
    public static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return words;
        }

        var sb = new StringBuilder();
        var normalized = text.Normalize(NormalizationForm.FormD);
        for (var i = 0; i < normalized.Length; i++)
        {
            var ch = normalized[i];
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
            else if ((ch == '\'' || ch == '’') && sb.Length > 0)
            {
                // "Caroline's" -> "caroline"; "don't" -> "dont"
                if (i + 1 < normalized.Length && (normalized[i + 1] == 's' || normalized[i + 1] == 'S')
                    && (i + 2 >= normalized.Length || !char.IsLetterOrDigit(normalized[i + 2])))
                {
                    i++;
                }
            }
            else if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            words.Add(sb.ToString());
        }

        return words;
    }

    private static void Flush(StringBuilder sb, List<string> terms, HashSet<string> stopWords)
    {
        if (sb.Length == 0)
        {
            return;
        }

        var word = sb.ToString();
        sb.Clear();
        if (stopWords.Contains(word))
        {
            return;
        }

        terms.Add(Stem(word));
    }

    /// <summary>A light English stemmer (plural, -ing, -ed, -ly). Numbers and short words are kept as they are.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 3 || char.IsDigit(word[0]))
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }

        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5)
        {
            return word[..^3];
        }

        if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^2];
        }

        if (word.EndsWith("ly", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^2];
        }

        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }
}
