namespace AgentMemory;

/// <summary>A store operation failed in the underlying provider; <see cref="Exception.InnerException"/> holds its exception.</summary>
public sealed class MemoryStoreException : AgentMemoryException
{
    /// <summary>Creates the exception.</summary>
    public MemoryStoreException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MemoryStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the provider's exception.</summary>
    public MemoryStoreException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception naming the store and operation.</summary>
    public MemoryStoreException(string store, string operation, Exception innerException)
        : base($"The {store} memory store failed during '{operation}': {innerException?.Message}", innerException)
    {
        Component = store;
        Operation = operation;
    }
}
