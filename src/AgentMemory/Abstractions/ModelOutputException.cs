namespace AgentMemory;

/// <summary>A model answered with output that could not be used (malformed or truncated JSON, unknown ids, invalid actions).</summary>
public sealed class ModelOutputException : AgentMemoryException
{
    /// <summary>Creates the exception.</summary>
    public ModelOutputException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ModelOutputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public ModelOutputException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
