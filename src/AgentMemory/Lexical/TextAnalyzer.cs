using System.Globalization;
using System.Text;

namespace AgentMemory.Lexical;

/// <summary>
/// Turns text into index terms: Unicode-aware word splitting, case folding, diacritics removal, English stop words
/// dropped, Porter2 (Snowball English) stemming; optionally adjacent-term phrases. The same analyzer is used for documents and queries.
/// </summary>
internal sealed class TextAnalyzer
{
    // NLTK's English stop-word list (179 words), with apostrophes removed as the tokenizer removes them.
    private static readonly HashSet<string> EnglishStopWords = new(StringComparer.Ordinal)
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

    private readonly HashSet<string> _stopWords;

    /// <summary>Creates an analyzer that drops <paramref name="stopWords"/> (default: a short English list).</summary>
    public TextAnalyzer(IEnumerable<string>? stopWords = null)
    {
        _stopWords = stopWords is null ? EnglishStopWords : new HashSet<string>(stopWords, StringComparer.Ordinal);
    }

    /// <summary>Whether <paramref name="word"/> (lower-case, apostrophes removed) is one of this analyzer's stop words.</summary>
    public bool IsStopWord(string word) => _stopWords.Contains(word);

    /// <summary>The shared default analyzer (immutable).</summary>
    public static TextAnalyzer Default { get; } = new();

    /// <summary>The terms of <paramref name="text"/>, in order, with repeats: stop words dropped, the rest stemmed (Porter2).</summary>
    public List<string> Analyze(string? text)
    {
        var words = Words(text);
        var terms = new List<string>(words.Count);
        foreach (var word in words)
        {
            if (!_stopWords.Contains(word))
            {
                terms.Add(Stem(word));
            }
        }

        return terms;
    }

    /// <summary>
    /// The terms of <paramref name="text"/> followed by its phrase terms: each pair of terms that stood next to each other
    /// (no stop word or punctuation between them) as one term "first second" (with a space, so it never equals a word).
    /// </summary>
    /// <returns>The unigram terms (as <see cref="Analyze"/>) and, separately, the bigram phrase terms.</returns>
    public (List<string> Terms, List<string> Phrases) AnalyzeWithPhrases(string? text)
    {
        var terms = new List<string>();
        var phrases = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return (terms, phrases);
        }

        string? previous = null;
        foreach (var (word, afterBreak) in WordsWithBreaks(text))
        {
            if (_stopWords.Contains(word))
            {
                previous = null;
                continue;
            }

            var term = Stem(word);
            terms.Add(term);
            if (previous is not null && !afterBreak)
            {
                phrases.Add(previous + " " + term);
            }

            previous = term;
        }

        return (terms, phrases);
    }

    /// <summary>
    /// The words of <paramref name="text"/>: lower-cased, diacritics removed, possessive "'s" dropped, no stop-word removal
    /// and no stemming (for matching names and cue words).
    /// </summary>
    public static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (!string.IsNullOrEmpty(text))
        {
            foreach (var (word, _) in WordsWithBreaks(text))
            {
                words.Add(word);
            }
        }

        return words;
    }

    /// <summary>The words of <paramref name="text"/>, each with whether punctuation (not just space) separates it from the previous word.</summary>
    private static IEnumerable<(string Word, bool AfterBreak)> WordsWithBreaks(string text)
    {
        var sb = new StringBuilder();
        var normalized = Utf16Text.Repair(text).Normalize(NormalizationForm.FormD);
        var pendingBreak = false;
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
                continue;
            }

            if ((ch == '\'' || ch == '’') && sb.Length > 0 && i + 1 < normalized.Length && char.IsLetter(normalized[i + 1]))
            {
                // "Caroline's" -> "caroline"; "don't" -> "dont"
                if ((normalized[i + 1] == 's' || normalized[i + 1] == 'S') && (i + 2 >= normalized.Length || !char.IsLetterOrDigit(normalized[i + 2])))
                {
                    i++;
                }

                continue;
            }

            if (sb.Length > 0)
            {
                yield return (sb.ToString(), pendingBreak);
                sb.Clear();
                pendingBreak = false;
            }

            if (!char.IsWhiteSpace(ch) && ch != '-')
            {
                pendingBreak = true;
            }
        }

        if (sb.Length > 0)
        {
            yield return (sb.ToString(), pendingBreak);
        }
    }

    /// <summary>
    /// The English (Porter2 / Snowball) stem of a lower-case word. Words containing a digit ("2022", "3pm") and words
    /// of up to two letters are kept as they are.
    /// </summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        foreach (var c in word)
        {
            if (char.IsDigit(c) || c > 'z' || c < 'a')
            {
                return word;
            }
        }

        return EnglishStemmer.Stem(word);
    }
}
