using System.Text;

namespace AgentMemory.Benchmarks;

/// <summary>
/// Deterministic short memory texts and queries: pronounceable pseudo-words from a vocabulary of a few thousand,
/// drawn with a Zipf–Mandelbrot law (s = 1, q = 2.7, as fitted to English), mixed with real English function words
/// (~40% of tokens, dropped by the analyzer as stop words), 8–20 tokens per memory, 2–5 content words per query.
/// </summary>
internal sealed class RecallCorpus
{
    private static readonly string[] FunctionWords =
    [
        "i", "my", "the", "a", "to", "and", "of", "in", "for", "with", "on", "is", "was", "we", "our", "at", "about",
        "from", "that", "it", "have", "has", "she", "he", "her", "his", "this", "will", "should", "would",
    ];

    private static readonly string[] QueryLeads = ["what did i say about", "do you remember", "tell me about", "", "anything on the", "what is my"];
    private static readonly string[] Onsets = ["b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "pl", "r", "s", "sh", "st", "t", "th", "tr", "v", "w", "z"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou"];
    private static readonly string[] Codas = ["", "n", "r", "l", "t", "m", "nd", "rk", "x"];

    private readonly Random _random;
    private readonly string[] _vocabulary;
    private readonly double[] _cumulative;

    public RecallCorpus(int vocabularySize, int seed)
    {
        _random = new Random(seed);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var stop = new HashSet<string>(FunctionWords, StringComparer.Ordinal);
        var builder = new StringBuilder();
        while (words.Count < vocabularySize)
        {
            builder.Clear();
            var syllables = 1 + _random.Next(3);
            for (var s = 0; s < syllables; s++)
            {
                builder.Append(Onsets[_random.Next(Onsets.Length)]).Append(Vowels[_random.Next(Vowels.Length)]);
            }

            builder.Append(Codas[_random.Next(Codas.Length)]);
            var word = builder.ToString();
            if (word.Length >= 3 && !stop.Contains(word))
            {
                words.Add(word);
            }
        }

        _vocabulary = [.. words];
        _cumulative = new double[_vocabulary.Length];
        var total = 0.0;
        for (var rank = 0; rank < _vocabulary.Length; rank++)
        {
            total += 1.0 / (rank + 1 + 2.7);
            _cumulative[rank] = total;
        }

        for (var rank = 0; rank < _cumulative.Length; rank++)
        {
            _cumulative[rank] /= total;
        }
    }

    /// <summary>A memory text of 8–20 tokens.</summary>
    public string Memory()
    {
        var builder = new StringBuilder();
        var tokens = 8 + _random.Next(13);
        for (var t = 0; t < tokens; t++)
        {
            if (t > 0)
            {
                builder.Append(' ');
            }

            builder.Append(_random.NextDouble() < 0.4 ? FunctionWords[_random.Next(FunctionWords.Length)] : ContentWord());
        }

        return builder.Append('.').ToString();
    }

    /// <summary>A question-like query: a lead phrase and 2–5 content words.</summary>
    public string Query()
    {
        var builder = new StringBuilder(QueryLeads[_random.Next(QueryLeads.Length)]);
        var words = 2 + _random.Next(4);
        for (var w = 0; w < words; w++)
        {
            builder.Append(' ').Append(ContentWord());
        }

        return builder.Append('?').ToString().TrimStart();
    }

    /// <summary>A value in [0, 1) from the corpus's random stream.</summary>
    public double Next() => _random.NextDouble();

    private string ContentWord()
    {
        var index = Array.BinarySearch(_cumulative, _random.NextDouble());
        return _vocabulary[Math.Min(index < 0 ? ~index : index, _vocabulary.Length - 1)];
    }
}
