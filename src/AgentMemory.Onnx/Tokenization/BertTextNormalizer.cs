using System.Globalization;
using System.Text;
using Microsoft.ML.Tokenizers;

namespace AgentMemory.Onnx.Tokenization;

/// <summary>
/// BERT's basic-tokenizer normalisation, as the reference implementation (google-research/bert <c>tokenization.py</c>,
/// which Hugging Face's BertNormalizer reproduces) does it: drop NUL, U+FFFD and control/format characters (Cc, Cf),
/// turn whitespace (tab, newline, carriage return, Zs) into a space, put spaces around CJK ideographs, and for uncased
/// models lower-case (with the final-sigma rule) and strip accents (NFD, then drop non-spacing marks, Mn).
/// </summary>
/// <remarks>
/// Microsoft.ML.Tokenizers' own BERT normaliser differs from the reference in ways that change token ids: it deletes
/// tab, newline and carriage return (joining the words around them), keeps format characters (zero-width joiners),
/// also strips spacing combining marks (Mc) and lower-cases only upper-case letters. Hence this class.
/// </remarks>
internal sealed class BertTextNormalizer : Normalizer
{
    private readonly bool _lowerCase;

    public BertTextNormalizer(bool lowerCase) => _lowerCase = lowerCase;

    public override string Normalize(string original) => Normalize(original.AsSpan());

    public override string Normalize(ReadOnlySpan<char> original)
    {
        if (original.IsEmpty)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(original.Length + 8);
        var index = 0;
        while (index < original.Length)
        {
            if (Rune.DecodeFromUtf16(original[index..], out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                // A lone surrogate: kept as is (WordPiece maps it to [UNK]); AgentMemory repairs such text before it gets here.
                builder.Append(original[index]);
                index++;
                continue;
            }

            index += consumed;
            var value = rune.Value;
            if (value is 0 or 0xFFFD)
            {
                continue;
            }

            if (value is '\t' or '\n' or '\r' || Rune.GetUnicodeCategory(rune) == UnicodeCategory.SpaceSeparator)
            {
                builder.Append(' ');
                continue;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                continue;
            }

            if (IsCjkIdeograph(value))
            {
                builder.Append(' ').Append(rune.ToString()).Append(' ');
                continue;
            }

            builder.Append(rune.ToString());
        }

        if (!_lowerCase)
        {
            return builder.ToString();
        }

        return StripAccents(LowerCase(builder.ToString()));
    }

    /// <summary>Full lower-casing as Python's <c>str.lower</c> does it: invariant case mapping, the final-sigma rule, and
    /// İ (U+0130) to i + U+0307, which .NET's invariant casing leaves as it is.</summary>
    private static string LowerCase(string text)
    {
        var lowered = LowerCaseKeepingLength(text);
        return lowered.Contains('\u0130', StringComparison.Ordinal) ? lowered.Replace("\u0130", "i\u0307", StringComparison.Ordinal) : lowered;
    }

    private static string LowerCaseKeepingLength(string text)
    {
        var lowered = text.ToLowerInvariant();
        if (!text.Contains('Σ', StringComparison.Ordinal))
        {
            return lowered;
        }

        // ToLowerInvariant maps every Σ to σ; Unicode's Final_Sigma condition wants ς where a cased letter precedes
        // (case-ignorable characters skipped) and none follows. Casing keeps UTF-16 lengths here, so indexes line up.
        if (lowered.Length != text.Length)
        {
            return lowered;
        }

        var chars = lowered.ToCharArray();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == 'Σ' && IsFinalSigma(text, i))
            {
                chars[i] = 'ς';
            }
        }

        return new string(chars);
    }

    private static bool IsFinalSigma(string text, int index)
    {
        var before = false;
        for (var i = index - 1; i >= 0; i--)
        {
            if (IsCaseIgnorable(text[i]))
            {
                continue;
            }

            before = IsCased(text[i]);
            break;
        }

        if (!before)
        {
            return false;
        }

        for (var i = index + 1; i < text.Length; i++)
        {
            if (IsCaseIgnorable(text[i]))
            {
                continue;
            }

            return !IsCased(text[i]);
        }

        return true;
    }

    private static bool IsCased(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter;

    private static bool IsCaseIgnorable(char c) =>
        c is '\'' or '.' or ':' or '·' or '\u2019' or '\u00AD'
        || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol;

    private static string StripAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var index = 0;
        while (index < decomposed.Length)
        {
            if (Rune.DecodeFromUtf16(decomposed.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                builder.Append(decomposed[index]);
                index++;
                continue;
            }

            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(decomposed, index, consumed);
            }

            index += consumed;
        }

        return builder.ToString();
    }

    /// <summary>The CJK Unified Ideographs blocks the reference tokenizer splits character by character (not Hangul, kana).</summary>
    private static bool IsCjkIdeograph(int cp) =>
        cp is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2A6DF) or (>= 0x2A700 and <= 0x2B73F)
            or (>= 0x2B740 and <= 0x2B81F) or (>= 0x2B820 and <= 0x2CEAF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F);
}
