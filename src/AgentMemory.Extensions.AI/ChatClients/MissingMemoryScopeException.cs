namespace AgentMemory.Extensions.AI;

/// <summary>A memory-enabled chat call carried no scope and no <see cref="IMemoryScopeAccessor"/> supplied one.</summary>
public sealed class MissingMemoryScopeException : AgentMemoryException
{
    /// <summary>Creates the exception with the standard message.</summary>
    public MissingMemoryScopeException()
        : base($"This chat call has no memory scope. Set one with options.WithMemoryScope(scope) (ChatOptions.AdditionalProperties[\"{MemoryChatOptions.ScopePropertyName}\"]) or register an IMemoryScopeAccessor that returns one.")
    {
        Component = "chat-middleware";
        Operation = "resolve-scope";
    }

    /// <summary>Creates the exception with a message.</summary>
    public MissingMemoryScopeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public MissingMemoryScopeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
