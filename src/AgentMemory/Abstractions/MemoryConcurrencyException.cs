namespace AgentMemory;

/// <summary>A write lost a race: the stored version differs from the expected one, or the id belongs to another scope.</summary>
public sealed class MemoryConcurrencyException : AgentMemoryException
{
    /// <summary>Creates the exception.</summary>
    public MemoryConcurrencyException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MemoryConcurrencyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public MemoryConcurrencyException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
