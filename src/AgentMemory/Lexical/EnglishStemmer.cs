namespace AgentMemory.Lexical;

/// <summary>
/// The Porter2 ("English") stemmer of the Snowball project, written from its published algorithm
/// (snowballstem.org/algorithms/english/stemmer.html): special forms, step 0–5 suffix removal over the R1/R2 regions.
/// Input must be lower-case letters (other characters are kept as they are); words of one or two letters are returned unchanged.
/// </summary>
internal static class EnglishStemmer
{
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        ["skis"] = "ski", ["skies"] = "sky", ["dying"] = "die", ["lying"] = "lie", ["tying"] = "tie",
        ["idly"] = "idl", ["gently"] = "gentl", ["ugly"] = "ugli", ["early"] = "earli", ["only"] = "onli", ["singly"] = "singl",
        ["sky"] = "sky", ["news"] = "news", ["howe"] = "howe", ["atlas"] = "atlas", ["cosmos"] = "cosmos", ["bias"] = "bias", ["andes"] = "andes",
    };

    private static readonly HashSet<string> Step1AInvariants = new(StringComparer.Ordinal)
    {
        "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
    };

    private static readonly (string Suffix, string Replacement)[] Step2 =
    [
        ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"), ("iveness", "ive"), ("tional", "tion"),
        ("biliti", "ble"), ("lessli", "less"), ("entli", "ent"), ("ation", "ate"), ("alism", "al"), ("aliti", "al"), ("ousli", "ous"),
        ("iviti", "ive"), ("fulli", "ful"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("izer", "ize"), ("ator", "ate"),
        ("alli", "al"), ("bli", "ble"), ("ogi", "og"), ("li", string.Empty),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3 =
    [
        ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ative", string.Empty),
        ("ical", "ic"), ("ness", string.Empty), ("ful", string.Empty),
    ];

    private static readonly string[] Step4 =
    [
        "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion", "al", "er", "ic",
    ];

    /// <summary>The Porter2 stem of a lower-case word.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 2)
        {
            return word;
        }

        if (Exceptions.TryGetValue(word, out var special))
        {
            return special;
        }

        var w = new System.Text.StringBuilder(word.StartsWith('\'') ? word[1..] : word);
        if (w.Length > 0 && w[0] == 'y')
        {
            w[0] = 'Y';
        }

        for (var i = 1; i < w.Length; i++)
        {
            if (w[i] == 'y' && IsVowel(w[i - 1]))
            {
                w[i] = 'Y';
            }
        }

        var s = w.ToString();
        var r1 = R1(s);
        var r2 = Region(s, r1);

        s = Step0(s);
        s = Step1A(s);
        if (Step1AInvariants.Contains(s))
        {
            return s;
        }

        s = Step1B(s, r1);
        s = Step1C(s);
        s = ReplaceInRegion(s, Step2, r1, step2: true);
        s = Step3Apply(s, r1, r2);
        s = Step4Apply(s, r2);
        s = Step5(s, r1, r2);
        return s.Replace('Y', 'y');
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static int R1(string s)
    {
        foreach (var prefix in (ReadOnlySpan<string>)["gener", "commun", "arsen"])
        {
            if (s.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefix.Length;
            }
        }

        return Region(s, 0);
    }

    /// <summary>The start of the region after the first non-vowel following a vowel, at or after <paramref name="from"/>.</summary>
    private static int Region(string s, int from)
    {
        for (var i = from + 1; i < s.Length; i++)
        {
            if (!IsVowel(s[i]) && IsVowel(s[i - 1]))
            {
                return i + 1;
            }
        }

        return s.Length;
    }

    private static bool IsShortSyllableEnd(string s, int end)
    {
        // end = index just past the syllable
        if (end == 2)
        {
            return IsVowel(s[0]) && !IsVowel(s[1]);
        }

        if (end >= 3)
        {
            var c = s[end - 1];
            return !IsVowel(s[end - 3]) && IsVowel(s[end - 2]) && !IsVowel(c) && c is not 'w' and not 'x' and not 'Y';
        }

        return false;
    }

    private static bool IsShort(string s) => R1(s) >= s.Length && IsShortSyllableEnd(s, s.Length);

    private static bool HasVowel(string s, int end)
    {
        for (var i = 0; i < end; i++)
        {
            if (IsVowel(s[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Step0(string s)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["'s'", "'s", "'"])
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal))
            {
                return s[..^suffix.Length];
            }
        }

        return s;
    }

    private static string Step1A(string s)
    {
        if (s.EndsWith("sses", StringComparison.Ordinal))
        {
            return s[..^2];
        }

        if (s.EndsWith("ied", StringComparison.Ordinal) || s.EndsWith("ies", StringComparison.Ordinal))
        {
            return s.Length > 4 ? s[..^2] : s[..^1];
        }

        if (s.EndsWith("us", StringComparison.Ordinal) || s.EndsWith("ss", StringComparison.Ordinal))
        {
            return s;
        }

        if (s.EndsWith('s') && s.Length >= 3 && HasVowel(s, s.Length - 2))
        {
            return s[..^1];
        }

        return s;
    }

    private static string Step1B(string s, int r1)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["eedly", "eed"])
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal))
            {
                return s.Length - suffix.Length >= r1 ? s[..^suffix.Length] + "ee" : s;
            }
        }

        foreach (var suffix in (ReadOnlySpan<string>)["ingly", "edly", "ing", "ed"])
        {
            if (!s.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var stem = s[..^suffix.Length];
            if (!HasVowel(stem, stem.Length))
            {
                return s;
            }

            if (stem.EndsWith("at", StringComparison.Ordinal) || stem.EndsWith("bl", StringComparison.Ordinal) || stem.EndsWith("iz", StringComparison.Ordinal))
            {
                return stem + "e";
            }

            if (stem.Length >= 2 && stem[^1] == stem[^2] && stem[^1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't')
            {
                return stem[..^1];
            }

            return IsShort(stem) ? stem + "e" : stem;
        }

        return s;
    }

    private static string Step1C(string s)
        => s.Length > 2 && (s[^1] is 'y' or 'Y') && !IsVowel(s[^2]) ? s[..^1] + "i" : s;

    private static string ReplaceInRegion(string s, (string Suffix, string Replacement)[] rules, int region, bool step2)
    {
        foreach (var (suffix, replacement) in rules)
        {
            if (!s.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            if (s.Length - suffix.Length < region)
            {
                return s;
            }

            if (step2 && suffix == "ogi" && (s.Length < 4 || s[^4] != 'l'))
            {
                return s;
            }

            if (step2 && suffix == "li" && (s.Length < 3 || s[^3] is not ('c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't')))
            {
                return s;
            }

            return s[..^suffix.Length] + replacement;
        }

        return s;
    }

    private static string Step3Apply(string s, int r1, int r2)
    {
        if (s.EndsWith("ative", StringComparison.Ordinal) && !s.EndsWith("ational", StringComparison.Ordinal))
        {
            return s.Length - 5 >= r2 ? s[..^5] : s;
        }

        return ReplaceInRegion(s, Step3, r1, step2: false);
    }

    private static string Step4Apply(string s, int r2)
    {
        foreach (var suffix in Step4)
        {
            if (!s.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            if (s.Length - suffix.Length < r2)
            {
                return s;
            }

            if (suffix == "ion")
            {
                return s.Length >= 4 && s[^4] is 's' or 't' ? s[..^3] : s;
            }

            return s[..^suffix.Length];
        }

        return s;
    }

    private static string Step5(string s, int r1, int r2)
    {
        if (s.EndsWith('e'))
        {
            var stemLength = s.Length - 1;
            if (stemLength >= r2 || (stemLength >= r1 && !IsShortSyllableEnd(s, stemLength)))
            {
                return s[..^1];
            }
        }
        else if (s.EndsWith("ll", StringComparison.Ordinal) && s.Length - 1 >= r2)
        {
            return s[..^1];
        }

        return s;
    }
}
