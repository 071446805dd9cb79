namespace AgentMemory.Onnx;

/// <summary>How token vectors become one sentence vector.</summary>
public enum EmbeddingPooling
{
    /// <summary>The mean of the token vectors, padding excluded (sentence-transformers' default; all-MiniLM-L6-v2, e5).</summary>
    Mean = 0,

    /// <summary>The vector of the first token, <c>[CLS]</c> (bge, snowflake-arctic-embed).</summary>
    Cls = 1,
}
