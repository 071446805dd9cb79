using System.ComponentModel.DataAnnotations;

namespace AgentMemory.Onnx;

/// <summary>
/// Options of <c>UseLocalEmbeddings</c>. The defaults run the bundled all-MiniLM-L6-v2; set <see cref="ModelPath"/> and
/// <see cref="VocabularyPath"/> to run another sentence-transformers BERT-family ONNX export from disk instead.
/// </summary>
public sealed class LocalEmbeddingOptions
{
    /// <summary>An ONNX export of a BERT-family sentence encoder (inputs <c>input_ids</c>, <c>attention_mask</c> and
    /// optionally <c>token_type_ids</c>; output the token vectors). Null: the bundled all-MiniLM-L6-v2.</summary>
    public string? ModelPath { get; set; }

    /// <summary>The model's WordPiece <c>vocab.txt</c>; required with <see cref="ModelPath"/>.</summary>
    public string? VocabularyPath { get; set; }

    /// <summary>The id reported in metadata and on each embedding. Null: the bundled model's id, or the model file's name.</summary>
    public string? ModelId { get; set; }

    /// <summary>The model's vector length, when known, so a store can check it before the model loads. Null for the
    /// bundled model means 384; for a custom model, the length is learnt from the first vector.</summary>
    [Range(1, Storage.MemoryRecordValidator.MaxDimension)]
    public int? Dimensions { get; set; }

    /// <summary>How token vectors become one vector (default <see cref="EmbeddingPooling.Mean"/>).</summary>
    public EmbeddingPooling Pooling { get; set; } = EmbeddingPooling.Mean;

    /// <summary>Prepended to every text embedded as a query (recall sends <see cref="EmbeddingPurpose.Query"/>), e.g.
    /// <c>"query: "</c> for e5 or <c>"Represent this sentence for searching relevant passages: "</c> for bge and arctic-embed.
    /// Null or empty for all-MiniLM-L6-v2.</summary>
    public string? QueryPrefix { get; set; }

    /// <summary>Prepended to every other text (memories; also texts sent with no purpose), e.g. <c>"passage: "</c> for e5.</summary>
    public string? DocumentPrefix { get; set; }

    /// <summary>The longest input in tokens, <c>[CLS]</c> and <c>[SEP]</c> included; longer texts are truncated
    /// (default 256, all-MiniLM-L6-v2's training length; at most what the model's position table holds, 512 for BERT).</summary>
    [Range(3, LocalEmbeddingDefaults.MaxSupportedTokens)]
    public int MaxTokens { get; set; } = LocalEmbeddingDefaults.MaxTokens;

    /// <summary>Lower-case and strip accents before WordPiece, as uncased BERT models expect (default true). Set false for cased models.</summary>
    public bool LowerCase { get; set; } = true;

    /// <summary>Threads ONNX Runtime uses inside one inference; 0 lets it choose (one per physical core).</summary>
    [Range(0, 256)]
    public int IntraOpThreads { get; set; } = LocalEmbeddingDefaults.IntraOpThreads;

    /// <summary>The most texts run through the model at once; longer lists are split (default 32). Texts of a batch are
    /// padded to the batch's longest, so batches are formed from texts of similar length.</summary>
    [Range(1, 1024)]
    public int MaxBatchSize { get; set; } = LocalEmbeddingDefaults.MaxBatchSize;
}
