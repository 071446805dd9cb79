namespace AgentMemory;

/// <summary>The kinds of persistent memory. Working memory is not stored: it is the host's bounded buffer of the current session.</summary>
public enum MemoryKind
{
    /// <summary>Past conversations, events and interactions, with when they happened.</summary>
    Episodic = 0,

    /// <summary>Facts and preferences about the user or the world; updatable and supersedable.</summary>
    Semantic = 1,

    /// <summary>How to work: learned workflows and the user's process preferences.</summary>
    Procedural = 2,
}
