namespace AgentMemory;

/// <summary>No memory with the given id is visible from the caller's scope.</summary>
public sealed class MemoryNotFoundException : AgentMemoryException
{
    /// <summary>Creates the exception.</summary>
    public MemoryNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MemoryNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public MemoryNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a memory id.</summary>
    public MemoryNotFoundException(Guid memoryId)
        : base($"No memory {memoryId} is visible in this scope.")
    {
        MemoryId = memoryId;
    }

    /// <summary>The memory that was not found.</summary>
    public Guid MemoryId { get; }
}
