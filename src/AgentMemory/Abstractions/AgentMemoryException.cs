namespace AgentMemory;

/// <summary>The base of AgentMemory's own exceptions: carries what failed (component and operation).</summary>
public class AgentMemoryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AgentMemoryException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AgentMemoryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the provider's exception.</summary>
    public AgentMemoryException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The component that failed (a store's name, "extractor", "openai", …).</summary>
    public string? Component { get; init; }

    /// <summary>The operation that failed ("add", "search", "extract", …).</summary>
    public string? Operation { get; init; }
}
