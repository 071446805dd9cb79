using System.Text;

namespace AgentMemory.Security.Learned;

/// <summary>
/// The features of the learned injection detector, shared by the library and the offline trainer so both see exactly
/// the same numbers: hashed character 3–5-grams and word 1–2-grams of every detection view of a text (normalised,
/// leetspeak-folded, decoded hidden payloads, rot13), each emitted once plain and once crossed with the source's trust
/// group (the user vs. everything else), so one model learns that "answer me in French" is a preference from the user and
/// a directive from a web page. Character n-grams of the accent-free view carry across languages and spellings.
/// A feature is a bucket index with a sign (signed hashing); its value is ±1/√(number of features).
/// </summary>
internal static class InjectionFeatures
{
    /// <summary>log2 of the number of buckets.</summary>
    public const int Bits = 18;

    /// <summary>The number of buckets.</summary>
    public const int Buckets = 1 << Bits;

    private const uint UserSalt = 0x5bd1e995;
    private const uint ExternalSalt = 0x27d4eb2d;

    /// <summary>Whether the model treats <paramref name="source"/> as the scope's user.</summary>
    public static bool IsUser(MemorySource source) => source == MemorySource.User;

    /// <summary>The views of <paramref name="text"/> the model reads (de-obfuscated; each distinct one once).</summary>
    public static List<string> Views(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var views = new List<string>(4) { normalized };
        var leet = TextNormalizer.FoldLeet(normalized);
        if (!string.Equals(leet, normalized, StringComparison.Ordinal))
        {
            views.Add(leet);
        }

        foreach (var payload in TextNormalizer.HiddenPayloads(text))
        {
            views.Add(TextNormalizer.Normalize(payload));
        }

        views.Add(Rot13(normalized));
        return views;
    }

    /// <summary>
    /// Appends the signed features of <paramref name="text"/> to <paramref name="features"/>: a non-negative entry is a
    /// bucket with sign +1, a negative entry <c>~bucket</c> has sign −1.
    /// </summary>
    public static void Collect(string text, MemorySource source, List<int> features)
    {
        var salt = IsUser(source) ? UserSalt : ExternalSalt;
        foreach (var view in Views(text))
        {
            CollectView(view, salt, features);
        }
    }

    private static void CollectView(string view, uint salt, List<int> features)
    {
        if (view.Length == 0)
        {
            return;
        }

        var padded = string.Concat(" ", view, " ");
        for (var n = 3; n <= 5; n++)
        {
            for (var i = 0; i + n <= padded.Length; i++)
            {
                Emit(Fnv(padded.AsSpan(i, n), (uint)n), salt, features);
            }
        }

        uint previous = 0;
        var start = -1;
        for (var i = 0; i <= view.Length; i++)
        {
            var inWord = i < view.Length && char.IsLetterOrDigit(view[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                var word = Fnv(view.AsSpan(start, i - start), 101);
                Emit(word, salt, features);
                if (previous != 0)
                {
                    Emit(Mix(previous * 31, word), salt, features);
                }

                previous = word;
                start = -1;
            }
        }
    }

    private static void Emit(uint hash, uint salt, List<int> features)
    {
        features.Add(Signed(hash));
        features.Add(Signed(Mix(hash, salt)));
    }

    private static int Signed(uint hash)
    {
        var bucket = (int)(hash & (Buckets - 1));
        return (hash & 0x8000_0000u) == 0 ? bucket : ~bucket;
    }

    private static uint Fnv(ReadOnlySpan<char> s, uint seed)
    {
        var h = 2166136261u ^ (seed * 16777619u);
        foreach (var c in s)
        {
            h = (h ^ c) * 16777619u;
        }

        return Finalize(h);
    }

    private static uint Mix(uint a, uint b) => Finalize((a * 0x9E3779B1u) ^ b);

    private static uint Finalize(uint h)
    {
        h ^= h >> 16;
        h *= 0x85ebca6bu;
        h ^= h >> 13;
        h *= 0xc2b2ae35u;
        h ^= h >> 16;
        return h;
    }

    private static string Rot13(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                >= 'a' and <= 'z' => (char)('a' + ((c - 'a' + 13) % 26)),
                _ => c,
            });
        }

        return sb.ToString();
    }
}
