namespace AgentMemory;

/// <summary>A memory, vector or query was rejected before anything was written.</summary>
public sealed class InvalidMemoryException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public InvalidMemoryException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidMemoryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public InvalidMemoryException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a validation error.</summary>
    public InvalidMemoryException(MemoryValidationError error, string message, string? paramName = null)
        : base(message, paramName)
    {
        Error = error;
    }

    /// <summary>What was wrong.</summary>
    public MemoryValidationError Error { get; }
}
