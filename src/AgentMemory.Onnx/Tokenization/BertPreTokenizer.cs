using System.Globalization;
using System.Text;
using Microsoft.ML.Tokenizers;

namespace AgentMemory.Onnx.Tokenization;

/// <summary>
/// BERT's basic-tokenizer split of normalised text: words end at whitespace, and every punctuation character is a word
/// of its own. Punctuation is what the reference says it is: any Unicode P* character, and every non-alphanumeric ASCII
/// character (<c>$ + &lt; = &gt; ^ ` | ~</c> included). Other symbols (emoji, €, ©) stay inside their word.
/// </summary>
/// <remarks>
/// Microsoft.ML.Tokenizers' BERT pre-tokenizer (<c>\w+|[\p{P}]</c>) instead drops non-punctuation symbols and keeps
/// <c>_</c> inside words, which changes the tokens of code, prices and emoji.
/// </remarks>
internal sealed class BertPreTokenizer : PreTokenizer
{
    public override IEnumerable<(int Offset, int Length)> PreTokenize(string text) =>
        string.IsNullOrEmpty(text) ? [] : Split(text);

    public override IEnumerable<(int Offset, int Length)> PreTokenize(ReadOnlySpan<char> text) =>
        text.IsEmpty ? [] : Split(text.ToString());

    private static List<(int Offset, int Length)> Split(string text)
    {
        var words = new List<(int Offset, int Length)>();
        var start = -1;
        var index = 0;
        while (index < text.Length)
        {
            int consumed;
            bool space, punctuation;
            if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out consumed) == System.Buffers.OperationStatus.Done)
            {
                space = Rune.IsWhiteSpace(rune);
                punctuation = !space && IsPunctuation(rune);
            }
            else
            {
                consumed = 1;
                space = punctuation = false;
            }

            if (space || punctuation)
            {
                if (start >= 0)
                {
                    words.Add((start, index - start));
                    start = -1;
                }

                if (punctuation)
                {
                    words.Add((index, consumed));
                }
            }
            else if (start < 0)
            {
                start = index;
            }

            index += consumed;
        }

        if (start >= 0)
        {
            words.Add((start, text.Length - start));
        }

        return words;
    }

    private static bool IsPunctuation(Rune rune)
    {
        var cp = rune.Value;
        if (cp is (>= 33 and <= 47) or (>= 58 and <= 64) or (>= 91 and <= 96) or (>= 123 and <= 126))
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
    }
}
