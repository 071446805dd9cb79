using Microsoft.ML.Tokenizers;

namespace AgentMemory.Onnx.Tokenization;

/// <summary>
/// Text to model input ids: <see cref="BertTextNormalizer"/> and <see cref="BertPreTokenizer"/> (BERT's reference basic
/// tokenizer) in front of Microsoft.ML.Tokenizers' WordPiece (greedy longest match, <c>##</c> continuations, a word that
/// cannot be covered or is longer than 100 characters becomes one <c>[UNK]</c>), then <c>[CLS] … [SEP]</c>, truncated
/// to a token budget as sentence-transformers does (the first pieces are kept, <c>[SEP]</c> always ends the sequence).
/// Text that spells a special token ("[SEP]") is tokenized as text, not as the special token. Thread-safe.
/// </summary>
internal sealed class WordPieceEncoder
{
    private readonly BertTokenizer _tokenizer;

    private WordPieceEncoder(BertTokenizer tokenizer) => _tokenizer = tokenizer;

    /// <summary>The <c>[PAD]</c> id.</summary>
    public int PaddingId => _tokenizer.PaddingTokenId;

    /// <summary>Reads a WordPiece <c>vocab.txt</c> (one token per line, the line number is the id).</summary>
    /// <exception cref="ArgumentException">The vocabulary lacks [UNK], [CLS], [SEP], [PAD] or [MASK].</exception>
    public static WordPieceEncoder Create(Stream vocabulary, bool lowerCase)
    {
        var options = new BertOptions
        {
            Normalizer = new BertTextNormalizer(lowerCase),
            PreTokenizer = new BertPreTokenizer(),
            LowerCaseBeforeTokenization = lowerCase,
            SplitOnSpecialTokens = false,
            MaxInputCharsPerWord = 100,
        };
        return new WordPieceEncoder(BertTokenizer.Create(vocabulary, options));
    }

    /// <summary>Encodes <paramref name="text"/> into at most <paramref name="maxTokens"/> ids, [CLS] and [SEP] included.</summary>
    public int[] Encode(string text, int maxTokens)
    {
        var pieces = _tokenizer.EncodeToIds(text, addSpecialTokens: false);
        var kept = Math.Min(pieces.Count, maxTokens - 2);
        var ids = new int[kept + 2];
        ids[0] = _tokenizer.ClassificationTokenId;
        for (var i = 0; i < kept; i++)
        {
            ids[i + 1] = pieces[i];
        }

        ids[^1] = _tokenizer.SeparatorTokenId;
        return ids;
    }
}
