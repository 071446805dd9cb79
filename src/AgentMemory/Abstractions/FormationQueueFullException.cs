namespace AgentMemory;

/// <summary>The formation queue is at its bound and the options say to reject rather than wait.</summary>
public sealed class FormationQueueFullException : AgentMemoryException
{
    /// <summary>Creates the exception.</summary>
    public FormationQueueFullException()
        : base("The memory formation queue is full.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public FormationQueueFullException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public FormationQueueFullException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
