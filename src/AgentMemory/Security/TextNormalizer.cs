using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentMemory.Security;

/// <summary>
/// Produces the views of a text the poisoning detector scans: invisible characters removed, NFKC, confusable letters
/// (Cyrillic/Greek lookalikes) folded to Latin, diacritics removed, lower-cased, spaced-out letters joined; plus a
/// leetspeak-folded view and the decoded contents of plausible base64 runs and Unicode tag characters.
/// </summary>
internal static partial class TextNormalizer
{
    private static readonly Dictionary<char, char> Confusables = BuildConfusables();

    /// <summary>Whether the raw text hides characters: zero-width/format characters or Unicode tag characters.</summary>
    public static bool HasInvisibleCharacters(string text)
    {
        foreach (var c in text)
        {
            if (char.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The canonical detection view of a text.</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate)
            {
                continue;
            }

            sb.Append(c);
        }

        var nfkc = sb.ToString().Normalize(NormalizationForm.FormKC);
        sb.Clear();
        foreach (var c in nfkc.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = Confusables.TryGetValue(c, out var latin) ? latin : c;
            sb.Append(folded switch
            {
                '\u2018' or '\u2019' or '\u201B' or '\u2032' or '`' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
                '\u2013' or '\u2014' => '-',
                _ => char.ToLowerInvariant(folded),
            });
        }

        var s = LineBreaks().Replace(WhitespaceRun().Replace(sb.ToString().Normalize(NormalizationForm.FormC), " "), "\n");
        return SpacedLetters().Replace(s, m => SpacedSeparators().Replace(m.Value, string.Empty)).Trim();
    }

    /// <summary>The letter runs that <see cref="Normalize"/> joined ("i g n o r e" → "ignore"), run together.</summary>
    public static IEnumerable<string> SpacedRuns(string text)
    {
        var s = WhitespaceRun().Replace(text.ToLowerInvariant(), " ");
        foreach (Match m in SpacedLetters().Matches(s))
        {
            yield return SpacedSeparators().Replace(m.Value, string.Empty);
        }
    }

    /// <summary>Folds leetspeak digits and symbols inside words that mix them with letters ("1gn0r3" → "ignore").</summary>
    public static string FoldLeet(string normalized) => LeetWord().Replace(normalized, m =>
    {
        var chars = m.Value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '@' => 'a', '$' => 's', '|' => 'l', '!' => 'i', '8' => 'b',
                _ => chars[i],
            };
        }

        return new string(chars);
    });

    /// <summary>
    /// Texts hidden inside the raw text: decoded base64 and hex runs, percent-encoded and HTML-entity-encoded text, and
    /// Unicode tag-character ("ASCII smuggling") runs.
    /// </summary>
    public static IEnumerable<string> HiddenPayloads(string text)
    {
        if (text.Contains("&#", StringComparison.Ordinal) && HtmlEntity().Count(text) >= 4)
        {
            yield return System.Net.WebUtility.HtmlDecode(text);
        }

        if (text.Contains('%') && PercentEscape().Count(text) >= 4)
        {
            string? decoded = null;
            try
            {
                decoded = Uri.UnescapeDataString(text);
            }
            catch (UriFormatException)
            {
            }

            if (decoded is not null && !string.Equals(decoded, text, StringComparison.Ordinal))
            {
                yield return decoded;
            }
        }

        foreach (Match m in HexRun().Matches(text))
        {
            if (TryDecodeHex(m.Value, out var decoded))
            {
                yield return decoded;
            }
        }

        foreach (Match m in Base64Run().Matches(text))
        {
            if (TryDecodeBase64(m.Value, out var decoded))
            {
                yield return decoded;
            }
        }

        var tags = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var cp = char.ConvertToUtf32(text[i], text[i + 1]);
                if (cp is >= 0xE0020 and <= 0xE007E)
                {
                    tags.Append((char)(cp - 0xE0000));
                }

                i++;
            }
        }

        if (tags.Length > 0)
        {
            yield return tags.ToString();
        }
    }

    private static bool TryDecodeHex(string run, out string decoded)
    {
        decoded = string.Empty;
        var s = run.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? run[2..] : run;
        if (s.Length < 16 || s.Length % 2 != 0)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromHexString(s);
        }
        catch (FormatException)
        {
            return false;
        }

        return TryReadText(bytes, bytes.Length, out decoded);
    }

    private static bool TryReadText(byte[] buffer, int count, out string decoded)
    {
        decoded = string.Empty;
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(buffer, 0, count);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var printable = text.Count(c => !char.IsControl(c) || c is '\n' or '\r' or '\t');
        var letters = text.Count(char.IsLetter);
        if (printable < text.Length * 0.95 || letters < text.Length * 0.5)
        {
            return false;
        }

        decoded = text;
        return true;
    }

    private static bool TryDecodeBase64(string run, out string decoded)
    {
        decoded = string.Empty;
        var s = run.TrimEnd('=');
        if (s.Length < 16 || !s.Any(char.IsUpper) || !s.Any(char.IsLower))
        {
            return false;
        }

        var padded = s.Length % 4 == 0 ? s : s.PadRight(s.Length + (4 - (s.Length % 4)) % 4, '=');
        var buffer = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, buffer, out var written) && TryReadText(buffer, written, out decoded);
    }

    private static Dictionary<char, char> BuildConfusables()
    {
        // Cyrillic and Greek letters that render like Latin ones (after NFKC and lower-casing).
        const string from = "аеорсухіјѕԁӏһԛԝвкмнтьпгзАЕОРСХУІЈЅВКМНТαεοιρτυχκνβγηωΑΒΕΗΙΚΜΝΟΡΤΥΧΖɡɑıσϲոսԁɩ";
        const string to = "aeopcyxijsdlhqwbkmhtbnr3AEOPCXYIJSBKMHTaeoiptuxkvbynwABEHIKMNOPTYXZgaiocnudi";
        var map = new Dictionary<char, char>(from.Length);
        for (var i = 0; i < from.Length; i++)
        {
            map[from[i]] = to[i];
        }

        return map;
    }

    [GeneratedRegex(@"[^\S\n]+")]
    private static partial Regex WhitespaceRun();

    [GeneratedRegex(@" ?\n\s*")]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:\p{L}[ .\-_*]){3,}\p{L}(?![\p{L}\p{N}])")]
    private static partial Regex SpacedLetters();

    [GeneratedRegex(@"[ .\-_*]")]
    private static partial Regex SpacedSeparators();

    [GeneratedRegex(@"[\p{L}0-9@$|!]*[\p{L}][\p{L}0-9@$|!]*[0-9@$|][\p{L}0-9@$|!]*|[\p{L}0-9@$|!]*[0-9@$|][\p{L}0-9@$|!]*[\p{L}][\p{L}0-9@$|!]*")]
    private static partial Regex LeetWord();

    [GeneratedRegex(@"[A-Za-z0-9+/]{16,}={0,2}")]
    private static partial Regex Base64Run();

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:0x)?[0-9A-Fa-f]{16,}(?![0-9A-Za-z])")]
    private static partial Regex HexRun();

    [GeneratedRegex(@"%[0-9A-Fa-f]{2}")]
    private static partial Regex PercentEscape();

    [GeneratedRegex(@"&#(?:\d{2,6}|x[0-9A-Fa-f]{2,5});")]
    private static partial Regex HtmlEntity();
}
