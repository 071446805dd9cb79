namespace AgentMemory;

/// <summary>Where the content of a memory came from. The trust policy depends on it.</summary>
public enum MemorySource
{
    /// <summary>Said by the user the scope belongs to.</summary>
    User = 0,

    /// <summary>Said by the assistant.</summary>
    Assistant = 1,

    /// <summary>Returned by a tool call.</summary>
    Tool = 2,

    /// <summary>Taken from a retrieved document.</summary>
    Document = 3,

    /// <summary>Written by the host application or imported by an operator.</summary>
    System = 4,

    /// <summary>Said by another party in the conversation (not the scope's user).</summary>
    OtherParty = 5,
}
