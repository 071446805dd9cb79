namespace AgentMemory.Onnx;

/// <summary>The local embedding model could not be loaded or run: a model or vocabulary file is missing or unreadable,
/// the file is not a usable ONNX sentence encoder, or ONNX Runtime failed. <see cref="Exception.InnerException"/>
/// carries the cause; <see cref="Path"/> names the file when one was at fault.</summary>
public sealed class LocalEmbeddingModelException : AgentMemoryException
{
    /// <summary>Creates the exception.</summary>
    public LocalEmbeddingModelException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LocalEmbeddingModelException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public LocalEmbeddingModelException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The model or vocabulary file at fault, if any.</summary>
    public string? Path { get; init; }
}
